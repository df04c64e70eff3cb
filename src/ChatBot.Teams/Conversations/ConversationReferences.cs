using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatBot.Teams.Api.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Teams.Conversations;

/// <summary>
/// What the bot needs to post into a conversation later (notifications, alerts): the service URL it came in on
/// (verified by the token's <c>serviceurl</c> claim), the conversation, the tenant and the bot's own account.
/// </summary>
public sealed record ConversationReference(
    string ConversationId,
    string ServiceUrl,
    string ChannelId,
    string? ConversationType,
    string? TenantId,
    string BotId,
    string? BotName)
{
    public static ConversationReference? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity is { Conversation.Id: { Length: > 0 } id, ServiceUrl: { Length: > 0 } serviceUrl, Recipient.Id: { Length: > 0 } botId }
            ? new ConversationReference(id, serviceUrl, activity.ChannelId ?? "msteams", activity.Conversation.ConversationType, activity.Conversation.TenantId, botId, activity.Recipient.Name)
            : null;
    }
}

/// <summary>Where conversation references are kept durably; the host stores them in the bot's database.</summary>
public interface IConversationReferenceStore
{
    /// <summary>
    /// Stores <paramref name="saved"/> (each replacing an older reference of its conversation) and forgets the
    /// conversations in <paramref name="removed"/>, in one write.
    /// </summary>
    void Write(IReadOnlyCollection<ConversationReference> saved, IReadOnlyCollection<string> removed);

    IReadOnlyList<ConversationReference> All();
}

/// <summary>
/// The conversations the bot is in, kept in memory and written behind to an optional durable store: a message never
/// waits for the database. Only a new or changed reference is written; changes that arrive while a write is under
/// way are coalesced per conversation into the next one. <see cref="DisposeAsync"/> writes what is pending.
/// </summary>
public sealed class ConversationReferences : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, ConversationReference> _known = new(StringComparer.Ordinal);
    private readonly IConversationReferenceStore? _durable;
    private readonly ILogger _logger;
    private readonly Channel<(string ConversationId, ConversationReference? Reference)> _changes =
        Channel.CreateUnbounded<(string, ConversationReference?)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _writer;
    private long _queued;
    private long _written;
    private TaskCompletionSource _batchWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConversationReferences(IConversationReferenceStore? durable = null, ILogger<ConversationReferences>? logger = null)
    {
        _durable = durable;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        foreach (ConversationReference reference in durable?.All() ?? [])
        {
            _known[reference.ConversationId] = reference;
        }

        _writer = durable is null ? Task.CompletedTask : Task.Run(WriteBehindAsync);
    }

    /// <summary>Remembers where a conversation is; queues a durable write when the reference is new or changed.</summary>
    public void Remember(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_known.TryGetValue(reference.ConversationId, out ConversationReference? known) && known == reference)
        {
            return;
        }

        _known[reference.ConversationId] = reference;
        Queue(reference.ConversationId, reference);
    }

    /// <summary>Forgets a conversation the bot was removed from.</summary>
    public void Forget(string conversationId)
    {
        if (_known.TryRemove(conversationId, out _))
        {
            Queue(conversationId, null);
        }
    }

    public ConversationReference? Find(string conversationId) => _known.GetValueOrDefault(conversationId);

    public IReadOnlyList<ConversationReference> All() => [.. _known.Values];

    /// <summary>Completes when every change made before the call has been written to the durable store.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        long target = Interlocked.Read(ref _queued);
        while (Interlocked.Read(ref _written) < target && !_writer.IsCompleted)
        {
            Task next = Volatile.Read(ref _batchWritten).Task;
            if (Interlocked.Read(ref _written) >= target)
            {
                break;
            }

            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _changes.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    /// <summary>For hosts disposed synchronously: writes what is pending, blocking until it is written.</summary>
    public void Dispose()
    {
        _changes.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
    }

    private void Queue(string conversationId, ConversationReference? reference)
    {
        if (_durable is not null && _changes.Writer.TryWrite((conversationId, reference)))
        {
            Interlocked.Increment(ref _queued);
        }
    }

    private async Task WriteBehindAsync()
    {
        Dictionary<string, ConversationReference?> batch = new(StringComparer.Ordinal);
        while (await _changes.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            long taken = 0;
            while (_changes.Reader.TryRead(out (string ConversationId, ConversationReference? Reference) change))
            {
                batch[change.ConversationId] = change.Reference;
                taken++;
            }

            try
            {
                _durable!.Write(
                    [.. batch.Values.OfType<ConversationReference>()],
                    [.. batch.Where(c => c.Value is null).Select(c => c.Key)]);
            }
#pragma warning disable CA1031 // the writer outlives any one failed write; the reference stays known in memory
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning("Cannot store {Count} Teams conversation reference(s): {Message}", batch.Count, ex.Message);
            }

            batch.Clear();
            Interlocked.Add(ref _written, taken);
            Interlocked.Exchange(ref _batchWritten, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }
}
