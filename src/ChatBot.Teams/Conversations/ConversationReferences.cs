using System.Collections.Concurrent;
using ChatBot.Teams.Api.Activities;

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

/// <summary>Where conversation references are kept; the host stores them in the bot's database.</summary>
public interface IConversationReferenceStore
{
    /// <summary>Stores the reference (replacing an older one of the same conversation).</summary>
    void Save(ConversationReference reference);

    /// <summary>Forgets a conversation the bot was removed from.</summary>
    void Remove(string conversationId);

    ConversationReference? Find(string conversationId);

    IReadOnlyList<ConversationReference> All();
}

/// <summary>
/// Keeps references in memory and writes through to an optional durable store only when a reference is new or
/// changed, so a busy conversation costs no database write per message.
/// </summary>
public sealed class ConversationReferences : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, ConversationReference> _known = new(StringComparer.Ordinal);
    private readonly IConversationReferenceStore? _durable;

    public ConversationReferences(IConversationReferenceStore? durable = null)
    {
        _durable = durable;
        foreach (ConversationReference reference in durable?.All() ?? [])
        {
            _known[reference.ConversationId] = reference;
        }
    }

    public void Save(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_known.TryGetValue(reference.ConversationId, out ConversationReference? known) && known == reference)
        {
            return;
        }

        _known[reference.ConversationId] = reference;
        _durable?.Save(reference);
    }

    public void Remove(string conversationId)
    {
        if (_known.TryRemove(conversationId, out _))
        {
            _durable?.Remove(conversationId);
        }
    }

    public ConversationReference? Find(string conversationId) => _known.GetValueOrDefault(conversationId);

    public IReadOnlyList<ConversationReference> All() => [.. _known.Values];
}
