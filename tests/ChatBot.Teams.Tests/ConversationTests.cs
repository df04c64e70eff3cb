using System.Text.Json;
using ChatBot.Teams.Api.Activities;
using ChatBot.Teams.Conversations;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Teams.Tests;

public class ConversationTests
{
    [Fact]
    public void Deduplicator_DropsARedelivery_AndForgetsAfterTheRetention()
    {
        FakeTimeProvider clock = new();
        ActivityDeduplicator seen = new(clock);

        Assert.True(seen.FirstSeen("c1", "a1"), "first delivery");
        Assert.False(seen.FirstSeen("c1", "a1"), "re-delivery of the same activity");
        Assert.True(seen.FirstSeen("c2", "a1"), "same id in another conversation is another activity");
        clock.Advance(ActivityDeduplicator.Retention);
        Assert.False(seen.FirstSeen("c1", "a1"), "still remembered one retention later");
        clock.Advance(ActivityDeduplicator.Retention);
        Assert.True(seen.FirstSeen("c1", "a1"), "forgotten after two retentions: memory stays bounded");
    }

    [Fact]
    public void Question_IsTheCardButtonsQuestion_WhenTheMessageHasNoText()
    {
        Activity submit = new() { Type = "message", Text = null, Value = JsonDocument.Parse("""{"question":"deals Amazon"}""").RootElement };
        Activity typed = new() { Type = "message", Text = "<at>ChatBot</at> valuation OpenAI", Recipient = new ChannelAccount { Id = "28:bot" }, Entities = [new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "28:bot", Name = "ChatBot" }, Text = "<at>ChatBot</at>" }] };

        Assert.Equal("deals Amazon", TeamsBot.Question(submit));
        Assert.Equal("valuation OpenAI", TeamsBot.Question(typed));
    }

    [Fact]
    public void References_AreWrittenThroughOnlyWhenNewOrChanged()
    {
        CountingStore durable = new();
        ConversationReferences references = new(durable);
        ConversationReference reference = new("19:x@thread.skype", "https://smba.example/amer/", "msteams", "channel", "t", "28:bot", "ChatBot");

        references.Save(reference);
        references.Save(reference with { });
        references.Save(reference with { ServiceUrl = "https://smba.example/emea/" });

        Assert.Equal(2, durable.Saves);
        Assert.Equal("https://smba.example/emea/", references.Find(reference.ConversationId)!.ServiceUrl);
        Assert.Equal("https://smba.example/emea/", new ConversationReferences(durable).Find(reference.ConversationId)!.ServiceUrl);
    }

    /// <summary>A durable store kept in a dictionary, counting its writes.</summary>
    private sealed class CountingStore : IConversationReferenceStore
    {
        private readonly Dictionary<string, ConversationReference> _stored = [];

        public int Saves { get; private set; }

        public void Save(ConversationReference reference)
        {
            Saves++;
            _stored[reference.ConversationId] = reference;
        }

        public void Remove(string conversationId) => _stored.Remove(conversationId);

        public ConversationReference? Find(string conversationId) => _stored.GetValueOrDefault(conversationId);

        public IReadOnlyList<ConversationReference> All() => [.. _stored.Values];
    }
}
