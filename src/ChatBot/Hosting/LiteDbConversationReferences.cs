using ChatBot.Knowledge.Store;
using ChatBot.Teams.Conversations;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace ChatBot.Hosting;

/// <summary>
/// Teams conversation references in the bot's database, so notifications and watch alerts reach the conversations
/// the bot is installed in after a restart too. Writes come in batches from the
/// adapter's write-behind queue; a failing write is logged, never thrown.
/// </summary>
internal sealed class LiteDbConversationReferences(LiteDbKnowledgeStore store, ILogger<LiteDbConversationReferences> logger) : IConversationReferenceStore
{
    private const string Collection = "teams_conversations";

    public void Write(IReadOnlyCollection<ConversationReference> saved, IReadOnlyCollection<string> removed)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(removed);
        try
        {
            store.RunInTransaction(db =>
            {
                ILiteCollection<ReferenceDocument> collection = db.GetCollection<ReferenceDocument>(Collection);
                int upserted = collection.Upsert(saved.Select(ReferenceDocument.Of));
                foreach (string conversationId in removed)
                {
                    collection.Delete(conversationId);
                }

                return upserted;
            });
        }
        catch (Exception ex) when (ex is LiteException or IOException)
        {
            logger.LogWarning("Cannot store {Count} Teams conversation reference(s): {Message}", saved.Count + removed.Count, ex.Message);
        }
    }

    public IReadOnlyList<ConversationReference> All() =>
        store.Run(db => db.GetCollection<ReferenceDocument>(Collection).FindAll().Select(d => d.ToReference()).ToList());

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
