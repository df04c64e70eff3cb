using ChatBot.Teams.Api.Activities;
using ChatBot.Teams.Api.Connector;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Teams.Api.Tests;

public class ProtocolTests
{
    private static Activity Mentioned(string text, params (string Id, string Name, string? EntityText)[] mentions) => new()
    {
        Type = "message",
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot", Name = "ChatBot" },
        Entities = [.. mentions.Select(m => new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = m.Id, Name = m.Name }, Text = m.EntityText })],
    };

    public static TheoryData<Activity, string, string> MentionCases() => new()
    {
        { Mentioned("<at>ChatBot</at> valuation OpenAI", ("28:bot", "ChatBot", "<at>ChatBot</at>")), "valuation OpenAI", "the usual channel mention" },
        { Mentioned("\r\n<at>ChatBot</at> who created you?\r\n", ("28:bot", "ChatBot", "<at>ChatBot</at>")), "who created you?", "Teams' real payload: CR/LF around the text" },
        { Mentioned("<at>ChatBot</at> valuation OpenAI", ("28:bot", "ChatBot", "<at>@ChatBot</at>")), "valuation OpenAI", "entity text differs from the message text: fall back to the name" },
        { Mentioned("<AT>chatbot</AT> deals", ("28:bot", "ChatBot", null)), "deals", "no entity text: the name, ignoring case" },
        { Mentioned("<at>Alice</at> asked: <at>ChatBot</at> valuation xAI", ("29:alice", "Alice", "<at>Alice</at>"), ("28:bot", "ChatBot", "<at>ChatBot</at>")), "Alice asked: valuation xAI", "another user's mention keeps the name" },
        { Mentioned("<at>ChatBot</at> valuation OpenAI", ("28:other", "ChatBot", "<at>ChatBot</at>")), "ChatBot valuation OpenAI", "a mention of someone else named ChatBot is not the bot: only the tags go" },
        { Mentioned("valuation OpenAI"), "valuation OpenAI", "personal chat: nothing to strip" },
        { Mentioned("<at>Tom</at>is cool", ("29:tom", "Tom", "<at>Tom</at>")), "Tom is cool", "words stay apart when a tag is removed" },
    };

    [Theory]
    [MemberData(nameof(MentionCases))]
    public void RemoveRecipientMention_UsesTheEntities(Activity activity, string expected, string why)
    {
        Assert.True(Mentions.RemoveRecipientMention(activity) == expected, $"{why}: '{Mentions.RemoveRecipientMention(activity)}'");
    }

    [Fact]
    public void Pacer_LetsSevenThroughInASecond_ThenSpacesTheRest()
    {
        FakeTimeProvider clock = new();
        ConversationPacer pacer = new(clock);

        TimeSpan[] waits = [.. Enumerable.Range(0, 9).Select(_ => pacer.Reserve("busy"))];

        Assert.All(waits[..7], w => Assert.Equal(TimeSpan.Zero, w));
        Assert.Equal(TimeSpan.FromSeconds(1), waits[7]);
        Assert.Equal(TimeSpan.FromSeconds(2), waits[8]);
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("quiet"));
    }

    [Fact]
    public void Pacer_Peek_TellsTheWait_WithoutReservingIt()
    {
        FakeTimeProvider clock = new();
        ConversationPacer pacer = new(clock);
        Assert.Equal(TimeSpan.Zero, pacer.Peek("unknown"));
        for (int i = 0; i < 7; i++)
        {
            pacer.Reserve("busy");
        }

        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Peek("busy"));
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Peek("busy"));
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Reserve("busy"));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.Zero, pacer.Peek("busy"));
    }

    [Fact]
    public void Pacer_KeepsToSixtyInThirtySeconds()
    {
        FakeTimeProvider clock = new();
        ConversationPacer pacer = new(clock);
        TimeSpan last = TimeSpan.Zero;

        for (int i = 0; i < 61; i++)
        {
            last = pacer.Reserve("busy");
        }

        Assert.True(last >= TimeSpan.FromSeconds(30), $"the 61st send waits for the 30-second window: {last}");
    }

    [Fact]
    public void Pacer_HoldsAConversationForRetryAfter_AndKeepsOrder()
    {
        FakeTimeProvider clock = new();
        ConversationPacer pacer = new(clock);
        pacer.HoldUntil("c", clock.GetUtcNow().AddSeconds(5));

        TimeSpan first = pacer.Reserve("c");
        TimeSpan second = pacer.Reserve("c");

        Assert.Equal(TimeSpan.FromSeconds(5), first);
        Assert.True(second >= first, "sends to one conversation keep their order");
    }

    [Theory]
    [InlineData("""{"type":"message","id":"1","serviceUrl":"https://s/","unknownField":{"a":[1,2]},"entities":[{"type":"clientInfo","locale":"en-US"}]}""", true, "unknown fields and entity kinds are accepted")]
    [InlineData("""{"type":"message"}""", true, "a minimal activity")]
    [InlineData("""{"id":"1"}""", false, "no type")]
    [InlineData("""{"type":""}""", false, "an empty type")]
    [InlineData("""{"type":5}""", false, "a type of the wrong kind")]
    [InlineData("null", false, "null")]
    [InlineData("{", false, "truncated")]
    public void ReadActivity_AcceptsOnlyActivities(string json, bool accepted, string why)
    {
        Assert.True(BotFrameworkJson.ReadActivity(System.Text.Encoding.UTF8.GetBytes(json)) is not null == accepted, why);
    }
}
