using ChatBot.Knowledge.Store;
using ChatBot.Teams.Conversations;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace ChatBot.Hosting;

/// <summary>
/// Teams conversation references in the bot's database, so notifications and watch alerts reach the conversations
/// the bot is installed in after a restart too. A failing write is logged, never thrown at the message that caused it.
/// </summary>
internal sealed class LiteDbConversationReferences(LiteDbKnowledgeStore store, ILogger<LiteDbConversationReferences> logger) : IConversationReferenceStore
{
    private const string Collection = "teams_conversations";

    public void Save(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        Try(() => store.Run(db => db.GetCollection<ReferenceDocument>(Collection).Upsert(ReferenceDocument.Of(reference))), reference.ConversationId);
    }

    public void Remove(string conversationId) =>
        Try(() => store.Run(db => db.GetCollection<ReferenceDocument>(Collection).Delete(conversationId)), conversationId);

    public ConversationReference? Find(string conversationId) =>
        store.Run(db => db.GetCollection<ReferenceDocument>(Collection).FindById(conversationId))?.ToReference();

    public IReadOnlyList<ConversationReference> All() =>
        store.Run(db => db.GetCollection<ReferenceDocument>(Collection).FindAll().Select(d => d.ToReference()).ToList());

    private void Try(Func<bool> write, string conversationId)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is LiteException or IOException)
        {
            logger.LogWarning("Cannot store the reference of Teams conversation {Conversation}: {Message}", conversationId, ex.Message);
        }
    }

    /// <summary>The stored form: the conversation id is the key.</summary>
    public sealed class ReferenceDocument
    {
        [BsonId]
        public string ConversationId { get; set; } = string.Empty;

        public string ServiceUrl { get; set; } = string.Empty;

        public string ChannelId { get; set; } = string.Empty;

        public string? ConversationType { get; set; }

        public string? TenantId { get; set; }

        public string BotId { get; set; } = string.Empty;

        public string? BotName { get; set; }

        public static ReferenceDocument Of(ConversationReference r) => new()
        {
            ConversationId = r.ConversationId,
            ServiceUrl = r.ServiceUrl,
            ChannelId = r.ChannelId,
            ConversationType = r.ConversationType,
            TenantId = r.TenantId,
            BotId = r.BotId,
            BotName = r.BotName,
        };

        public ConversationReference ToReference() => new(ConversationId, ServiceUrl, ChannelId, ConversationType, TenantId, BotId, BotName);
    }
}
