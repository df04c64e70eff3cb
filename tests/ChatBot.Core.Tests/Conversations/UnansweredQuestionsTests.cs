using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Conversations;

/// <summary>The engine reports the questions it could not answer through <see cref="IUnansweredQuestions"/>.</summary>
public class UnansweredQuestionsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly Collecting _unanswered = new();

    private ChatBotEngine CreateSut(int perMinute = 0) => new(new FixedKnowledge(Repository.SeedSnapshot), _clock, new EngineSettings(perMinute), unanswered: _unanswered);

    private static Conversation User() => new("discord", "alice-42");

    [Theory]
    [InlineData("What is Zorblax worth?", ReplyKind.UnknownCompany, "what is zorblax worth", "a company we do not know")]
    [InlineData("  Tell me a   JOKE!! ", ReplyKind.NotUnderstood, "tell me a joke", "an intent we do not know; text normalized")]
    [InlineData("/deals OpenAI 1999", ReplyKind.NoResults, "/deals openai 1999", "understood, but nothing in that period")]
    public void Handle_NoAnswer_IsRecordedWithTimePlatformAndNormalizedText(string question, ReplyKind kind, string text, string reason)
    {
        Reply reply = CreateSut().Handle(Utterance.FromText(question), User());

        Assert.True(kind == reply.Kind, $"{reason}: the reply was {reply.Kind}");
        UnansweredQuestion recorded = Assert.Single(_unanswered.Questions);
        Assert.Equal(new UnansweredQuestion(_clock.GetUtcNow(), "discord", text, kind, "alice-42"), recorded);
    }

    [Fact]
    public void Handle_TheRankedFallback_IsRecordedWithWhatItServed()
    {
        ChatBotEngine sut = new(new FixedKnowledge(Repository.SeedSnapshot), _clock, new EngineSettings(0), unanswered: _unanswered, search: new ChatBot.Search.LuceneEventSearch());

        Reply reply = sut.Handle(Utterance.FromText("What are EC2 UltraServers?"), User());

        Assert.Equal(ReplyKind.Closest, reply.Kind);
        UnansweredQuestion recorded = Assert.Single(_unanswered.Questions);
        Assert.Equal(ReplyKind.Closest, recorded.Kind);
        Assert.Equal("openai-aws-cloud-deal-2025-11", recorded.Served[0]);
    }

    [Theory]
    [InlineData("What is OpenAI worth?", "an answer")]
    [InlineData("/about", "about the bot")]
    [InlineData("/help", "help")]
    public void Handle_AnAnswer_IsNotRecorded(string question, string reason)
    {
        CreateSut().Handle(Utterance.FromText(question), User());

        Assert.True(_unanswered.Questions.Count == 0, reason);
    }

    [Fact]
    public void Handle_TheSameUnansweredQuestionTwice_IsRecordedTwice_EvenWhenTheReplyIsCached()
    {
        ChatBotEngine sut = CreateSut();

        sut.Handle(Utterance.FromText("What is Zorblax worth?"), User());
        sut.Handle(Utterance.FromText("What is Zorblax worth?"), User());

        Assert.Equal(2, _unanswered.Questions.Count);
    }

    [Fact]
    public void Handle_RateLimited_IsNotRecorded()
    {
        ChatBotEngine sut = CreateSut(perMinute: 1);
        sut.Handle(Utterance.FromText("/about"), User());

        Reply limited = sut.Handle(Utterance.FromText("What is Zorblax worth?"), User());

        Assert.Equal(ReplyKind.RateLimited, limited.Kind);
        Assert.Empty(_unanswered.Questions);
    }

    private sealed class Collecting : IUnansweredQuestions
    {
        public List<UnansweredQuestion> Questions { get; } = [];

        public void Record(UnansweredQuestion question) => Questions.Add(question);
    }
}
