using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Knowledge.Feedback;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Knowledge.Tests.Feedback;

public sealed class UnansweredRecorderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly LiteDbKnowledgeStore _store = new(new MemoryStream());

    private UnansweredRecorder CreateSut(bool keepUserIds = false) =>
        new(_store, Options.Create(new KnowledgeOptions { UnansweredUserIds = keepUserIds }), new CollectingLogger<UnansweredRecorder>());

    [Fact]
    public void Record_ThenDispose_StoresEveryQuestion_GroupedByFrequency()
    {
        using (UnansweredRecorder sut = CreateSut())
        {
            sut.Record(new UnansweredQuestion(Now, "discord", "what is zorblax worth", ReplyKind.UnknownCompany, "u1"));
            sut.Record(new UnansweredQuestion(Now.AddMinutes(5), "teams", "what is zorblax worth", ReplyKind.UnknownCompany, "u2"));
            sut.Record(new UnansweredQuestion(Now.AddMinutes(1), "console", "tell me a joke", ReplyKind.NotUnderstood, "u3"));
        }

        IReadOnlyList<UnansweredGroup> groups = _store.UnansweredByFrequency(10);

        Assert.Equal(2, groups.Count);
        Assert.Equal(("what is zorblax worth", "unknown-company", 2, Now.AddMinutes(5)), (groups[0].Text, groups[0].Kind, groups[0].Count, groups[0].LastAsked));
        Assert.Equal(["discord", "teams"], groups[0].Platforms);
        Assert.Equal(("tell me a joke", "not-understood", 1), (groups[1].Text, groups[1].Kind, groups[1].Count));
    }

    [Fact]
    public void Record_AFallback_KeepsWhatItServed_TheLatestPerQuestion()
    {
        using (UnansweredRecorder sut = CreateSut())
        {
            sut.Record(new UnansweredQuestion(Now, "discord", "project rainier", ReplyKind.Closest, null) { Served = ["old-a"] });
            sut.Record(new UnansweredQuestion(Now.AddMinutes(3), "teams", "project rainier", ReplyKind.Closest, null) { Served = ["rainier", "other"] });
        }

        UnansweredGroup group = Assert.Single(_store.UnansweredByFrequency(10));

        Assert.Equal(("closest", 2), (group.Kind, group.Count));
        Assert.Equal(["rainier", "other"], group.Served);
    }

    [Theory]
    [InlineData(false, null, "by default no user id is kept")]
    [InlineData(true, "u1", "kept when Knowledge:UnansweredUserIds is true")]
    public void Record_UserIds_AreKeptOnlyWhenConfigured(bool keep, string? expected, string reason)
    {
        using (UnansweredRecorder sut = CreateSut(keep))
        {
            sut.Record(new UnansweredQuestion(Now, "discord", "what is zorblax worth", ReplyKind.UnknownCompany, "u1"));
        }

        UnansweredDocument stored = Assert.Single(_store.UnansweredQuestions());
        Assert.True(expected == stored.UserId, reason);
        Assert.Equal(("discord", "what is zorblax worth", Now.UtcDateTime), (stored.Platform, stored.Text, stored.At));
    }

    public void Dispose() => _store.Dispose();
}
