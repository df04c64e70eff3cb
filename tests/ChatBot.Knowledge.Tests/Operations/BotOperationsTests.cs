using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Operations;
using ChatBot.Knowledge.Reloading;
using ChatBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Knowledge.Tests.Operations;

/// <summary>
/// Admin commands, watches, feedback and notifications through the real engine, store, loader and reloader, wired
/// as the host wires them, on a temporary database and knowledge folder.
/// </summary>
public sealed class BotOperationsTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingMessenger _discord = new("discord", "admin-channel");
    private ServiceProvider _services = null!;
    private string _knowledge = null!;

    private static readonly Conversation Admin = new("discord", "admin-1", "guild/100", "en", IsAdmin: true);
    private static readonly Conversation Member = new("discord", "member-1", "guild/100", "en");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await StartAsync([]);

    private async Task StartAsync(Dictionary<string, string?> extra)
    {
        _knowledge = _temp.File("knowledge");
        KnowledgeGenerator.Write(_knowledge, events: 20, companies: 5, files: 2);
        Dictionary<string, string?> settings = new()
        {
            ["Knowledge:Path"] = _knowledge,
            ["Knowledge:Database"] = _temp.File("chatbot.db"),
        };
        foreach (KeyValuePair<string, string?> pair in extra)
        {
            settings[pair.Key] = pair.Value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        ServiceCollection services = new();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddKnowledge(configuration);
        services.AddSingleton<IChannelMessenger>(_discord);
        services.AddSingleton(new EngineSettings(0));
        services.AddSingleton<IChatBotEngine, ChatBotEngine>();
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<KnowledgeReloader>().ReloadAsync("startup", cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _temp.Dispose();
    }

    private Task<Reply> AskAsync(string text, Conversation? conversation = null) =>
        _services.GetRequiredService<IChatBotEngine>().HandleAsync(Utterance.FromText(text), conversation ?? Admin, Ct);

    private OperationsStore Operations => _services.GetRequiredService<OperationsStore>();

    private KnowledgeSnapshot Current => _services.GetRequiredService<IKnowledgeSnapshotSource>().Current;

    [Theory]
    [InlineData("/admin status", "admin status", "status is for admins")]
    [InlineData("/admin reload", "admin reload", "a reload is for admins")]
    [InlineData("/admin history", "admin history", "history is for admins")]
    [InlineData("/admin rollback 1", "admin rollback 1", "a rollback is for admins")]
    [InlineData("/admin unanswered", "admin unanswered", "the curators' list is for admins")]
    [InlineData("/admin feedback", "admin feedback", "feedback reports are for admins")]
    public async Task AdminCommand_FromANonAdmin_IsRefusedPrivately_AndAudited(string command, string action, string why)
    {
        Reply reply = await AskAsync(command, Member);

        Assert.True(reply.Kind == ReplyKind.Refused, why);
        Assert.True(reply.Private);
        Assert.Contains(Operations.LatestAudit(10), a => a.Action == action && a.Outcome == "refused" && a.UserId == "member-1" && a.Platform == "discord");
    }

    [Fact]
    public async Task Status_SaysTheRevisionAndCounts_Privately_AndIsAudited()
    {
        Reply reply = await AskAsync("/admin status");

        Assert.Equal(ReplyKind.Operation, reply.Kind);
        Assert.True(reply.Private);
        Assert.Contains("#1", reply.Answer, StringComparison.Ordinal);
        Assert.Contains(reply.Fields, f => f.Value.Contains("20 events", StringComparison.Ordinal));
        Assert.Contains(Operations.LatestAudit(10), a => a.Action == "admin status" && a.Outcome == "done");
    }

    [Fact]
    public async Task Reload_ImportsTheChangedFiles_ReportsTheDiff_AndTellsTheAdminChannel()
    {
        KnowledgeGenerator.Write(_knowledge, events: 23, companies: 5, files: 2);

        Reply reply = await AskAsync("/admin reload");

        Assert.Equal("Reloaded", reply.Title);
        Assert.Contains("#2", reply.Answer, StringComparison.Ordinal);
        Assert.Contains("events +3", reply.Answer, StringComparison.Ordinal);
        Assert.Equal(23, Current.EventCount);
        (string place, Reply notice) = Assert.Single(_discord.Sent);
        Assert.Equal("admin-channel", place);
        Assert.Equal("Knowledge reloaded", notice.Title);
        Assert.Contains("by discord:admin-1", notice.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_OfABrokenFile_IsRejected_WithFileAndLine_AndTheOldRevisionServes()
    {
        await File.WriteAllTextAsync(Path.Combine(_knowledge, "broken.yaml"), "events:\n  - id: [unclosed\n", Ct);

        Reply reply = await AskAsync("/admin reload");

        Assert.Equal("Change rejected", reply.Title);
        Assert.Contains(reply.Sections.Single().Items, i => i.Text.Contains("broken.yaml:", StringComparison.Ordinal));
        Assert.Equal(1, Current.Revision.Number);
        Assert.Equal("Knowledge change rejected", Assert.Single(_discord.Sent).Reply.Title);
    }

    [Fact]
    public async Task Rollback_ServesTheOldRevision_AboutSaysSo_UntilTheFilesChange()
    {
        KnowledgeGenerator.Write(_knowledge, events: 21, companies: 5, files: 2);
        await AskAsync("/admin reload");

        Reply rolledBack = await AskAsync("/admin rollback 1");
        Reply about = await AskAsync("/about", Member);
        Reply unknown = await AskAsync("/admin rollback 9");

        Assert.Equal("Rolled back", rolledBack.Title);
        Assert.Equal(1, Current.Revision.Number);
        Assert.True(Current.Revision.RolledBack);
        Assert.Contains("roll", TextReplyRenderer.Render(about), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("No such revision", unknown.Title);

        KnowledgeGenerator.Write(_knowledge, events: 24, companies: 5, files: 2);
        await AskAsync("/admin reload");
        Assert.Equal(24, Current.EventCount);
        Assert.False(Current.Revision.RolledBack);
    }

    [Fact]
    public async Task History_ListsRevisionsNewestFirst_WithTheServedOneMarked()
    {
        KnowledgeGenerator.Write(_knowledge, events: 21, companies: 5, files: 2);
        await AskAsync("/admin reload");

        Reply reply = await AskAsync("/admin history");

        ReplySection section = reply.Sections.Single();
        Assert.StartsWith("#2 ★ · chat (discord:admin-1)", section.Items[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("#1 · startup", section.Items[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watches_AreAddedOnce_ListedRemoved_AndCappedAt25()
    {
        string company = Current.Content.Companies[0].Name;

        Reply added = await AskAsync($"/watch {company}", Member);
        Reply again = await AskAsync($"/watch {company}", Member);
        Reply listed = await AskAsync("/watches", Member);
        Reply removed = await AskAsync($"/unwatch {company}", Member);
        Reply empty = await AskAsync("/watches", Member);

        Assert.Equal("Watching", added.Title);
        Assert.Equal("Already watching", again.Title);
        Assert.Equal(company, Assert.Single(listed.Sections.Single().Items).Text);
        Assert.Equal("Unwatched", removed.Title);
        Assert.Empty(empty.Sections);
        for (int i = 0; i < OperationsStore.MaxWatchesPerPlace; i++)
        {
            Assert.Equal(WatchResult.Added, Operations.AddWatch("discord", "guild/200", "company-" + i, null, _clock.GetUtcNow()));
        }

        Assert.Equal(WatchResult.LimitReached, Operations.AddWatch("discord", "guild/200", "one-more", null, _clock.GetUtcNow()));
    }

    [Fact]
    public async Task NewEventForAWatchedCompany_IsPostedToTheWatchingChannel()
    {
        KnowledgeSnapshot before = Current;
        KnowledgeGenerator.Write(_knowledge, events: 25, companies: 5, files: 2);
        string[] involved = [.. KnowledgeFileReader.Load(_knowledge, 1 << 24).Content!.Content.Events.Where(e => before.FindEvent(e.Id) is null).SelectMany(e => e.Parties).Select(p => p.CompanyId).Distinct()];
        Assert.NotEmpty(involved);
        string watched = involved[0];
        Assert.Equal(WatchResult.Added, Operations.AddWatch("discord", "guild/300", watched, null, _clock.GetUtcNow()));
        Assert.Equal(WatchResult.Added, Operations.AddWatch("teams", "19:elsewhere", watched, null, _clock.GetUtcNow()));

        await AskAsync("/admin reload");

        (string place, Reply alert) = Assert.Single(_discord.Sent, s => s.Place != "admin-channel");
        Assert.Equal("guild/300", place);
        Assert.StartsWith("New for ", alert.Title, StringComparison.Ordinal);
        Assert.All(alert.Sections.Single().Items, i => Assert.Contains(Current.FindEvent(i.EventId!)!.Parties, p => p.CompanyId == watched));
    }

    [Fact]
    public async Task Feedback_RefersToTheLastAnswer_AndAdminsSeeIt_WithoutUserIds()
    {
        string company = Current.Content.Companies[0].Name;
        Reply answer = await AskAsync($"/company {company}", Member);

        Reply thanks = await AskAsync("/feedback the founding year is wrong", Member);
        Reply list = await AskAsync("/admin feedback");

        Assert.True(thanks.Private);
        Assert.Contains($"/company {company}", thanks.Answer, StringComparison.Ordinal);
        FeedbackDocument stored = Assert.Single(Operations.LatestFeedback(10));
        Assert.Equal("the founding year is wrong", stored.Text);
        Assert.Equal($"/company {company}", stored.Question);
        Assert.StartsWith(answer.Title, stored.Answer, StringComparison.Ordinal);
        Assert.Null(stored.UserId);
        Assert.Contains("the founding year is wrong", Assert.Single(list.Sections.Single().Items).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_ToOnePlace_AreRateLimited_AndSayHowManyWereHeld()
    {
        for (int i = 0; i < ChatNotifier.MaxPerWindow + 2; i++)
        {
            KnowledgeGenerator.Write(_knowledge, events: 21 + i, companies: 5, files: 2);
            await AskAsync("/admin reload");
        }

        Assert.Equal(ChatNotifier.MaxPerWindow, _discord.Sent.Count);
        _clock.Advance(ChatNotifier.Window);
        KnowledgeGenerator.Write(_knowledge, events: 40, companies: 5, files: 2);
        await AskAsync("/admin reload");

        Reply next = _discord.Sent[^1].Reply;
        Assert.Contains(next.Notes, n => n.StartsWith("2 earlier notification(s) were held back", StringComparison.Ordinal));
    }

    /// <summary>Keeps what would be posted, in order.</summary>
    private sealed class RecordingMessenger(string platform, string adminPlace) : IChannelMessenger
    {
        private readonly List<(string Place, Reply Reply)> _sent = [];

        public string Platform => platform;

        public string? AdminPlace => adminPlace;

        public List<(string Place, Reply Reply)> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public Task<bool> SendAsync(string placeId, Reply reply, CancellationToken cancellationToken)
        {
            lock (_sent)
            {
                _sent.Add((placeId, reply));
            }

            return Task.FromResult(true);
        }
    }
}
