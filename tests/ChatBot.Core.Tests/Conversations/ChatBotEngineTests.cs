using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Conversations;

public class ChatBotEngineTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    private ChatBotEngine CreateSut(int perMinute = 3) => new(new FixedKnowledge(Repository.SeedSnapshot), _clock, new EngineSettings(perMinute));

    private static Conversation User(string id = "alice", string? locale = null) => new("test", id, Locale: locale);

    [Theory]
    [InlineData("teams", "ab", "c", "teams", "a", "bc", "the same characters split differently between user and place")]
    [InlineData("teams", "u1", "c1", "discord", "u1", "c1", "the same user and place on another platform")]
    [InlineData("teams", "u1", "c1", "teams", "u1", null, "a place and no place")]
    [InlineData("teams", "u1", "c1", "teams", "U1", "c1", "ids compared exactly")]
    public void ExchangeKey_TellsApartWhoAndWhere(string platform1, string user1, string? place1, string platform2, string user2, string? place2, string why)
    {
        Conversation first = new(platform1, user1, place1);
        Conversation second = new(platform2, user2, place2);

        Assert.NotEqual(ChatBotEngine.ExchangeKey(first), ChatBotEngine.ExchangeKey(second));
        Assert.True(ChatBotEngine.ExchangeKey(first) == ChatBotEngine.ExchangeKey(first with { Locale = "nl-NL" }), why + ": the same who and where keep their key");
    }

    [Fact]
    public async Task HandleAsync_OverTheLimit_RepliesPolitely_ThenAllowsAgainAfterAMinute()
    {
        ChatBotEngine sut = CreateSut(perMinute: 3);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(ReplyKind.Answer, (await sut.HandleAsync(Utterance.FromText("/about"), User(), TestContext.Current.CancellationToken)).Kind is ReplyKind.About ? ReplyKind.Answer : ReplyKind.RateLimited);
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        Reply limited = await sut.HandleAsync(Utterance.FromText("/about"), User(), TestContext.Current.CancellationToken);
        Assert.Equal(ReplyKind.RateLimited, limited.Kind);
        Assert.Equal("You're asking faster than I can keep up with (3 questions a minute). Try again in 30 seconds.", limited.Answer);

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(ReplyKind.About, (await sut.HandleAsync(Utterance.FromText("/about"), User(), TestContext.Current.CancellationToken)).Kind);
    }

    [Fact]
    public void Handle_LimitIsPerUser()
    {
        ChatBotEngine sut = CreateSut(perMinute: 1);

        Assert.Equal(ReplyKind.About, sut.Handle(Utterance.FromText("/about"), User("alice")).Kind);
        Assert.Equal(ReplyKind.RateLimited, sut.Handle(Utterance.FromText("/about"), User("alice")).Kind);
        Assert.Equal(ReplyKind.About, sut.Handle(Utterance.FromText("/about"), User("bob")).Kind);
    }

    [Theory]
    [InlineData("/valuation OpenAI", null, Language.English, "no cue, no locale: English")]
    [InlineData("/valuation OpenAI", "nl-NL", Language.Dutch, "no cue: the conversation's locale")]
    [InlineData("/valuation OpenAI", "nl-BE", Language.Dutch, "Flemish Dutch is Dutch")]
    [InlineData("Hoeveel is OpenAI waard?", "en-US", Language.Dutch, "the question's language wins over the locale")]
    [InlineData("What is OpenAI worth?", "nl", Language.English, "an English question gets English")]
    public void Handle_ReplyLanguage(string text, string? locale, Language expected, string why) =>
        Assert.True(CreateSut(0).Handle(Utterance.FromText(text), User(locale: locale)).Language == expected, why);

    [Fact]
    public void Handle_UnknownCompany_SuggestsTheClosestNames()
    {
        Reply reply = CreateSut(0).Handle(Utterance.FromText("/valuation OpenAI Labs Inc"), User());

        Assert.Equal(ReplyKind.UnknownCompany, reply.Kind);
        Assert.Equal("I don't know “OpenAI Labs Inc”. Did you mean OpenAI?", reply.Answer);
        Assert.Equal(["/valuation OpenAI"], reply.Suggestions);
    }

    [Theory]
    [InlineData("\0\u0001\u0002", "control characters")]
    [InlineData("/", "a lone slash")]
    [InlineData("''''", "only quotes")]
    [InlineData("💸💸💸", "emoji")]
    [InlineData("/valuation @everyone", "a mass mention is just an unknown name")]
    public void Handle_Garbage_NeverThrows(string text, string why)
    {
        Reply reply = CreateSut(0).Handle(Utterance.FromText(text), User());

        Assert.False(string.IsNullOrWhiteSpace(reply.Answer), why);
    }

    [Fact]
    public void Handle_VeryLongInput_NeverThrows()
    {
        Reply reply = CreateSut(0).Handle(Utterance.FromText(string.Concat(Enumerable.Repeat("OpenAI worth deals ", 5000))), User());

        Assert.NotEqual(ReplyKind.RateLimited, reply.Kind);
    }

    [Fact]
    public void Handle_RepeatedQuestion_ReusesTheAnswer_UntilTheSnapshotOrTheDayChanges()
    {
        FixedKnowledge knowledge = new(Repository.SeedSnapshot);
        ChatBotEngine sut = new(knowledge, _clock, new EngineSettings(0));

        Reply first = sut.Handle(Utterance.FromText("What is OpenAI worth?"), User());
        Reply again = sut.Handle(Utterance.FromText("What is OpenAI worth?"), User("bob"));
        Reply dutch = sut.Handle(Utterance.FromText("/valuation OpenAI"), User(locale: "nl"));
        _clock.Advance(TimeSpan.FromDays(1));
        Reply tomorrow = sut.Handle(Utterance.FromText("What is OpenAI worth?"), User());
        knowledge.Current = Repository.ShippedSnapshot;
        Reply newKnowledge = sut.Handle(Utterance.FromText("What is OpenAI worth?"), User());

        Assert.Same(first, again);
        Assert.Equal(Language.Dutch, dutch.Language);
        Assert.NotSame(first, tomorrow);
        Assert.NotSame(tomorrow, newKnowledge);
        Assert.NotEqual(first.AsOf, newKnowledge.AsOf);
    }

}
