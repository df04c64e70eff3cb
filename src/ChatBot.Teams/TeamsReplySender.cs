using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Teams.Api.Activities;
using ChatBot.Teams.Api.Connector;
using ChatBot.Teams.Cards;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Teams;

/// <summary>A message to answer: the activity, what was asked and who asked; or the welcome when the bot was added.</summary>
public sealed record TeamsWork(Activity Activity, Utterance Utterance, Conversation Conversation, bool Welcome);

/// <summary>
/// Answers acknowledged messages in the background and posts the replies through the connector: one Adaptive
/// Card per post (more when a long answer is split), as replies to the user's activity. A typing indicator goes
/// out only when an answer is not ready within <see cref="TypingDelay"/>. On shutdown, queued answers are finished.
/// </summary>
public sealed class TeamsReplySender : BackgroundService
{
    /// <summary>How long an answer may take before the user sees "typing…".</summary>
    public static readonly TimeSpan TypingDelay = TimeSpan.FromMilliseconds(500);

    internal const int Workers = 32;

    /// <summary>
    /// The most messages waiting for an answer: a fifth of a second of the sender's measured throughput. A burst is
    /// absorbed without slowing acknowledgements; under sustained overload acknowledgements wait for room, so memory
    /// and the delay of answers stay bounded (a longer queue measured no faster, and its backlog lengthens the
    /// garbage collector's pauses).
    /// </summary>
    public const int MaxPending = 2_048;

    private readonly Channel<TeamsWork> _queue = Channel.CreateBounded<TeamsWork>(new BoundedChannelOptions(MaxPending)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
        SingleWriter = false,
    });

    private long _lastFullWarning = long.MinValue;

    /// <summary>The most messages set aside at once while their conversations are at Teams' send limit.</summary>
    public const int MaxSetAside = 16_384;

    // Messages set aside while their conversation is at Teams' send limit, at most MaxSetAside of them; the count
    // starts at one for the workers, so it reaches zero only when the workers are done and every one is answered.
    private readonly SemaphoreSlim _setAsideRoom = new(MaxSetAside, MaxSetAside);
    private int _setAside = 1;
    private readonly TaskCompletionSource _noneSetAside = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IChatBotEngine _engine;
    private readonly ConnectorClient _connector;
    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TeamsReplySender(IChatBotEngine engine, ConnectorClient connector, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsReplySender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine;
        _connector = connector;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Queues a message to answer.</summary>
    public async ValueTask EnqueueAsync(TeamsWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_queue.Writer.TryWrite(work))
        {
            return;
        }

        long now = _time.GetTimestamp();
        long last = Interlocked.Read(ref _lastFullWarning);
        if ((last == long.MinValue || _time.GetElapsedTime(last, now) > TimeSpan.FromMinutes(1)) && Interlocked.CompareExchange(ref _lastFullWarning, now, last) == last)
        {
            _logger.LogWarning("{Pending} messages are waiting for an answer: acknowledgements wait for room", MaxPending);
        }

        try
        {
            await _queue.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            _logger.LogWarning("Shutting down: not answering activity {Id}", work.Activity.Id);
        }
    }

    // Replies are immutable and the engine reuses them for repeated questions: render each one once.
    private static readonly ConditionalWeakTable<Reply, IReadOnlyList<AdaptiveCard>> Rendered = [];

    /// <summary>The cards of a reply, rendered once per reply.</summary>
    public static IReadOnlyList<AdaptiveCard> Cards(Reply reply) => Rendered.GetValue(reply, AdaptiveCardRenderer.Render);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None))).ConfigureAwait(false);

        // The workers are done, so nothing more is set aside: wait for the answers that are.
        if (Interlocked.Decrement(ref _setAside) == 0)
        {
            _noneSetAside.TrySetResult();
        }

        await _noneSetAside.Task.ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        // Queued work is finished even while stopping: the reader ends when the queue is completed and empty.
        await foreach (TeamsWork work in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            // A conversation at Teams' send limit must not hold a worker while other conversations wait.
            TimeSpan wait = work.Activity.Conversation?.Id is { Length: > 0 } conversationId ? _connector.SendDelay(conversationId) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero && _setAsideRoom.Wait(0, CancellationToken.None))
            {
                Interlocked.Increment(ref _setAside);
                _ = AnswerLaterAsync(work, wait, stoppingToken);
                continue;
            }

            if (!await TryAnswerAsync(work, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Answers a message set aside for its conversation's send limit once the limit allows.</summary>
    private async Task AnswerLaterAsync(TeamsWork work, TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, _time, CancellationToken.None).ConfigureAwait(false);
            await TryAnswerAsync(work, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            _setAsideRoom.Release();
            if (Interlocked.Decrement(ref _setAside) == 0)
            {
                _noneSetAside.TrySetResult();
            }
        }
    }

    /// <summary>Answers one message, logging a failure; false when stopping cancelled it.</summary>
    private async Task<bool> TryAnswerAsync(TeamsWork work, CancellationToken stoppingToken)
    {
        try
        {
            await AnswerAsync(work, stoppingToken.IsCancellationRequested ? CancellationToken.None : stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
#pragma warning disable CA1031 // One failed answer must not stop the worker.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Answering activity {Id} failed", work.Activity.Id);
            return true;
        }
    }

    private async Task AnswerAsync(TeamsWork work, CancellationToken cancellationToken)
    {
        Activity incoming = work.Activity;
        string serviceUrl = incoming.ServiceUrl!;
        string conversationId = incoming.Conversation!.Id!;
        Reply reply;
        if (work.Welcome)
        {
            reply = Welcome(work.Conversation.Language, _options.BotName);
        }
        else
        {
            Task<Reply> answer = _engine.HandleAsync(work.Utterance, work.Conversation, cancellationToken);
            if (!answer.IsCompleted)
            {
                Task first = await Task.WhenAny(answer, Task.Delay(TypingDelay, _time, cancellationToken)).ConfigureAwait(false);
                if (first != answer)
                {
                    await _connector.SendToConversationAsync(serviceUrl, conversationId, Typing(incoming), cancellationToken).ConfigureAwait(false);
                }
            }

            reply = await answer.ConfigureAwait(false);
        }

        foreach (AdaptiveCard card in Cards(reply))
        {
            ConnectorResult result;
            if (work.Welcome || string.IsNullOrEmpty(incoming.Id))
            {
                result = await _connector.SendToConversationAsync(serviceUrl, conversationId, Message(incoming, card, reply.Language), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                PooledBuffer body = MessageBody(incoming, card, reply.Language);
                result = await _connector.ReplyToActivityAsync(serviceUrl, conversationId, incoming.Id, body.WrittenMemory, cancellationToken).ConfigureAwait(false);

                // Back to the pool only when the connector answered: after a transport failure a write may be in flight.
                if (result.Status != 0)
                {
                    body.Dispose();
                }
            }

            if (!result.Succeeded)
            {
                _logger.LogWarning("Reply to activity {Id} in conversation {Conversation} not posted: {Error}", incoming.Id, conversationId, result.Error);
                return;
            }
        }
    }

    /// <summary>A reply with one card: from the bot to the user, in the incoming conversation, replying to its activity.</summary>
    internal static Activity Message(Activity incoming, AdaptiveCard card, Language language) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = incoming.Recipient?.Id, Name = incoming.Recipient?.Name },
        Recipient = incoming.From is null ? null : new ChannelAccount { Id = incoming.From.Id, Name = incoming.From.Name },
        Conversation = new ConversationAccount { Id = incoming.Conversation?.Id },
        ReplyToId = incoming.Id,
        Locale = language == Language.Dutch ? "nl-NL" : "en-US",
        Summary = card.Summary,
        Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.Content }],
    };

    /// <summary>
    /// <see cref="Message"/> written straight to UTF-8 JSON, the card copied in as already encoded: the same wire
    /// form without serializing the card again for every reply.
    /// </summary>
    internal static PooledBuffer MessageBody(Activity incoming, AdaptiveCard card, Language language)
    {
        PooledBuffer buffer = new(card.Utf8.Length + 1024);
        Utf8JsonWriter json = _threadWriter ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("type", ActivityTypes.Message);
        json.WriteStartObject("from");
        WriteAccount(json, incoming.Recipient);
        json.WriteEndObject();
        if (incoming.From is not null)
        {
            json.WriteStartObject("recipient");
            WriteAccount(json, incoming.From);
            json.WriteEndObject();
        }

        json.WriteStartObject("conversation");
        json.WriteString("id", incoming.Conversation?.Id);
        json.WriteEndObject();
        json.WriteString("replyToId", incoming.Id);
        json.WriteString("locale", language == Language.Dutch ? "nl-NL" : "en-US");
        json.WriteString("summary", card.Summary);
        json.WriteStartArray("attachments");
        json.WriteStartObject();
        json.WriteString("contentType", AdaptiveCard.ContentType);
        json.WritePropertyName("content");
        json.WriteRawValue(card.Utf8, skipInputValidation: true);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();

        return buffer;
    }

    /// <summary>One JSON writer per thread, reset onto each reply's buffer.</summary>
    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    private static void WriteAccount(Utf8JsonWriter json, ChannelAccount? account)
    {
        if (account?.Id is { } id)
        {
            json.WriteString("id", id);
        }

        if (account?.Name is { } name)
        {
            json.WriteString("name", name);
        }
    }

    private static Activity Typing(Activity incoming) => new()
    {
        Type = ActivityTypes.Typing,
        From = new ChannelAccount { Id = incoming.Recipient?.Id, Name = incoming.Recipient?.Name },
        Conversation = new ConversationAccount { Id = incoming.Conversation?.Id },
    };

    /// <summary>The one short welcome when the bot joins a team or chat, with examples as buttons.</summary>
    internal static Reply Welcome(Language language, string botName) => language == Language.Dutch
        ? new Reply(ReplyKind.Help, language, $"Hallo, ik ben {botName}", $"Ik beantwoord vragen over de financiën van AI-bedrijven: waarderingen, financieringsrondes, deals, partners, investeerders en verliezen, met bronnen. Noem mij (@{botName}) in een kanaal, of stel je vraag in een persoonlijke chat.")
        {
            Suggestions = ["waardering OpenAI", "deals Amazon", "investeerders Anthropic", "help"],
        }
        : new Reply(ReplyKind.Help, language, $"Hi, I'm {botName}", $"I answer questions about the finances of AI companies: valuations, funding rounds, deals, partners, investors and losses, with sources. Mention me (@{botName}) in a channel, or ask in a personal chat.")
        {
            Suggestions = ["valuation OpenAI", "deals Amazon", "investors Anthropic", "help"],
        };
}
