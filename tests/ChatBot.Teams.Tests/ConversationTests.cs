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

    [Theory]
    [InlineData("c1", "a1", "c1", "a2", "another activity of the same conversation")]
    [InlineData("c1", "a1", "c2", "a1", "the same activity id in another conversation")]
    [InlineData("ab", "c", "a", "bc", "the same characters split differently between the two ids")]
    [InlineData("c1", "a1", "C1", "a1", "ids are compared exactly, not case-insensitively")]
    public void Deduplicator_TellsApartActivities(string conversation1, string activity1, string conversation2, string activity2, string why)
    {
        ActivityDeduplicator seen = new(new FakeTimeProvider());

        Assert.True(seen.FirstSeen(conversation1, activity1), why);
        Assert.True(seen.FirstSeen(conversation2, activity2), why);
        Assert.False(seen.FirstSeen(conversation2, activity2), why);
    }

    [Fact]
    public void Deduplicator_RemembersManyIds_AcrossARotation()
    {
        FakeTimeProvider clock = new();
        ActivityDeduplicator seen = new(clock);
        string longConversation = "19:" + new string('x', 400) + "@thread.tacv2";
        for (int i = 0; i < 50_000; i++)
        {
            Assert.True(seen.FirstSeen(i % 2 == 0 ? "a:personal" : longConversation, $"id-{i}"));
        }

        clock.Advance(ActivityDeduplicator.Retention);
        int redelivered = Enumerable.Range(0, 50_000).Count(i => !seen.FirstSeen(i % 2 == 0 ? "a:personal" : longConversation, $"id-{i}"));
        Assert.Equal(50_000, redelivered);
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
    public async Task References_AreWrittenBehind_OnlyWhenNewOrChanged()
    {
        CountingStore durable = new();
        ConversationReference reference = new("19:x@thread.skype", "https://smba.example/amer/", "msteams", "channel", "t", "28:bot", "ChatBot");
        await using (ConversationReferences references = new(durable))
        {
            references.Remember(reference);
            await references.FlushAsync(TestContext.Current.CancellationToken);
            references.Remember(reference with { });
            await references.FlushAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, durable.Saves);

            references.Remember(reference with { ServiceUrl = "https://smba.example/emea/" });
            await references.FlushAsync(TestContext.Current.CancellationToken);
            Assert.Equal(2, durable.Saves);
            Assert.Equal("https://smba.example/emea/", references.Find(reference.ConversationId)!.ServiceUrl);
        }

        await using ConversationReferences reopened = new(durable);
        Assert.Equal("https://smba.example/emea/", reopened.Find(reference.ConversationId)!.ServiceUrl);
    }

    [Fact]
    public async Task References_PendingAtDispose_AreWritten_AndAForgottenOneIsRemoved()
    {
        CountingStore durable = new();
        ConversationReference first = new("19:a@thread.skype", "https://smba.example/amer/", "msteams", "channel", "t", "28:bot", "ChatBot");
        await using (ConversationReferences references = new(durable))
        {
            for (int i = 0; i < 500; i++)
            {
                references.Remember(first with { ConversationId = $"a:personal-{i}", ConversationType = "personal" });
            }

            references.Remember(first);
            references.Forget("a:personal-7");
        }

        Assert.Equal(500, durable.All().Count);
        Assert.DoesNotContain(durable.All(), r => r.ConversationId == "a:personal-7");
        Assert.Contains(first, durable.All());
        Assert.True(durable.Writes < 501, $"{durable.Writes} writes for 502 changes: changes are batched");
    }

    [Fact]
    public void References_PendingAtASynchronousDispose_AreWritten()
    {
        CountingStore durable = new();
        ConversationReference reference = new("19:x@thread.skype", "https://smba.example/amer/", "msteams", "channel", "t", "28:bot", "ChatBot");
        using (ConversationReferences references = new(durable))
        {
            references.Remember(reference);
        }

        Assert.Equal(reference, Assert.Single(durable.All()));
    }

    [Fact]
    public async Task References_AFailingStore_NeitherThrowsAtTheMessage_NorStopsLaterWrites()
    {
        CountingStore durable = new() { FailNext = true };
        ConversationReference reference = new("19:x@thread.skype", "https://smba.example/amer/", "msteams", "channel", "t", "28:bot", "ChatBot");
        await using ConversationReferences references = new(durable);

        references.Remember(reference);
        await references.FlushAsync(TestContext.Current.CancellationToken);
        references.Remember(reference with { ConversationId = "19:y@thread.skype" });
        await references.FlushAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(references.Find("19:x@thread.skype"));
        Assert.Equal("19:y@thread.skype", Assert.Single(durable.All()).ConversationId);
    }

    /// <summary>A durable store kept in a dictionary, counting its writes.</summary>
    private sealed class CountingStore : IConversationReferenceStore
    {
        private readonly Dictionary<string, ConversationReference> _stored = [];
        private readonly Lock _gate = new();

        public int Saves { get; private set; }

        public int Writes { get; private set; }

        public bool FailNext { get; set; }

        public void Write(IReadOnlyCollection<ConversationReference> saved, IReadOnlyCollection<string> removed)
        {
            lock (_gate)
            {
                if (FailNext)
                {
                    FailNext = false;
                    throw new IOException("disk full");
                }

                Writes++;
                foreach (ConversationReference reference in saved)
                {
                    Saves++;
                    _stored[reference.ConversationId] = reference;
                }

                foreach (string id in removed)
                {
                    _stored.Remove(id);
                }
            }
        }

        public IReadOnlyList<ConversationReference> All()
        {
            lock (_gate)
            {
                return [.. _stored.Values];
            }
        }
    }
}
