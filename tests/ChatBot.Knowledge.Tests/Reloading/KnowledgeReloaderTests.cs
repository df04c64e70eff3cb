using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Reloading;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Knowledge.Tests.Reloading;

public sealed class KnowledgeReloaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LiteDbKnowledgeStore _store;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly SnapshotHolder _holder = new();
    private readonly CollectingNotifier _notifier = new();
    private readonly CollectingLogger<KnowledgeReloader> _logger = new();
    private readonly string _knowledge;

    public KnowledgeReloaderTests()
    {
        _store = new LiteDbKnowledgeStore(_temp.File("chatbot.db"));
        _knowledge = _temp.File("knowledge");
        KnowledgeGenerator.Write(_knowledge, events: 20, companies: 5, files: 2);
    }

    private KnowledgeReloader CreateSut(params IKnowledgeNotifier[] notifiers) => new(
        new KnowledgeLoader(_store, _clock),
        _holder,
        notifiers.Length == 0 ? [_notifier] : notifiers,
        Options.Create(new KnowledgeOptions { Path = _knowledge }),
        _clock,
        _logger);

    [Fact]
    public async Task ReloadAsync_ValidChange_SwapsTheSnapshot_AndNotifiesWithTheDiff()
    {
        using KnowledgeReloader sut = CreateSut();
        await sut.ReloadAsync("startup", cancellationToken: TestContext.Current.CancellationToken);
        KnowledgeSnapshot before = _holder.Current;
        KnowledgeGenerator.Write(_knowledge, events: 22, companies: 5, files: 2);

        LoadOutcome outcome = await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(LoadState.Imported, outcome.State);
        Assert.Equal(2, _holder.Current.Revision.Number);
        Assert.Equal(22, _holder.Current.EventCount);
        Assert.Equal(20, before.EventCount);
        KnowledgeReloaded reloaded = Assert.IsType<KnowledgeReloaded>(_notifier.All[^1]);
        Assert.Equal(1, reloaded.Previous.Number);
        Assert.Equal(2, reloaded.Revision.Number);
        Assert.Equal("watcher", reloaded.Source);
        Assert.StartsWith("events +2 ", reloaded.Summary, StringComparison.Ordinal);
        Assert.Equal("watcher", _store.Latest()!.Source);
    }

    [Fact]
    public async Task ReloadAsync_InvalidChange_IsRejectedWhole_AndTheLastGoodRevisionKeepsServing()
    {
        using KnowledgeReloader sut = CreateSut();
        await sut.ReloadAsync("startup", cancellationToken: TestContext.Current.CancellationToken);
        KnowledgeSnapshot good = _holder.Current;
        File.WriteAllText(Path.Combine(_knowledge, "broken.yaml"), "events:\n  - id: event-new\n    stage: done\n");

        LoadOutcome outcome = await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(LoadState.ServingLastGood, outcome.State);
        Assert.Same(good, _holder.Current);
        Assert.Null(_holder.Current.FindEvent("event-new"));
        KnowledgeRejected rejected = Assert.IsType<KnowledgeRejected>(_notifier.All[^1]);
        Assert.Equal(1, rejected.Serving.Number);
        Assert.Equal(outcome.Errors, rejected.Errors);
        Assert.Contains(_logger.Messages(LogLevel.Warning), m => m.StartsWith(Path.Combine(_knowledge, "broken.yaml") + ":3:12: unknown stage 'done'", StringComparison.Ordinal));
        Assert.Single(_store.History());
    }

    [Fact]
    public async Task ReloadAsync_TheSameBrokenFilesAgain_NotifyOnce()
    {
        using KnowledgeReloader sut = CreateSut();
        await sut.ReloadAsync("startup", cancellationToken: TestContext.Current.CancellationToken);
        File.WriteAllText(Path.Combine(_knowledge, "broken.yaml"), "not: [valid");

        await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);
        await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Single(_notifier.All.OfType<KnowledgeRejected>());
        Assert.Equal(LoadState.ServingLastGood, sut.Status!.State);
        Assert.NotEmpty(sut.Status.Errors);
    }

    [Fact]
    public async Task ReloadAsync_Unchanged_NeitherSwapsNorNotifies()
    {
        using KnowledgeReloader sut = CreateSut();
        await sut.ReloadAsync("startup", cancellationToken: TestContext.Current.CancellationToken);
        KnowledgeSnapshot served = _holder.Current;
        int notices = _notifier.All.Count;

        LoadOutcome outcome = await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(LoadState.Unchanged, outcome.State);
        Assert.Same(served, _holder.Current);
        Assert.Equal(notices, _notifier.All.Count);
    }

    [Fact]
    public async Task ReloadAsync_ANotifierThrows_TheOthersStillHearIt_AndTheReloadStands()
    {
        using KnowledgeReloader sut = CreateSut(new ThrowingNotifier(), _notifier);
        await sut.ReloadAsync("startup", cancellationToken: TestContext.Current.CancellationToken);

        KnowledgeGenerator.Write(_knowledge, events: 21, companies: 5, files: 2);
        await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(21, _holder.Current.EventCount);
        Assert.IsType<KnowledgeReloaded>(_notifier.All[^1]);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(nameof(ThrowingNotifier), StringComparison.Ordinal));
    }

    private sealed class ThrowingNotifier : IKnowledgeNotifier
    {
        public Task NotifyAsync(KnowledgeNotice notice, CancellationToken cancellationToken) => throw new InvalidOperationException("the admin channel is gone");
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
