using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Reloading;
using ChatBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Knowledge.Tests.Reloading;

public sealed class KnowledgeReloaderTests : IDisposable
{

    private readonly ReloadRig _rig = new(events: 20, companies: 5, files: 2, new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));

    private KnowledgeReloader CreateSut(params IKnowledgeNotifier[] notifiers) => _rig.Reloader(notifiers);

    [Fact]
    public async Task ReloadAsync_ValidChange_SwapsTheSnapshot_AndNotifiesWithTheDiff()
    {
        using KnowledgeReloader sut = CreateSut();
        await sut.ReloadAsync("startup", cancellationToken: TestContext.Current.CancellationToken);
        KnowledgeSnapshot before = _rig.Holder.Current;
        KnowledgeGenerator.Write(_rig.Knowledge, events: 22, companies: 5, files: 2);

        LoadOutcome outcome = await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(LoadState.Imported, outcome.State);
        Assert.Equal(2, _rig.Holder.Current.Revision.Number);
        Assert.Equal(22, _rig.Holder.Current.EventCount);
        Assert.Equal(20, before.EventCount);
        KnowledgeReloaded reloaded = Assert.IsType<KnowledgeReloaded>(_rig.Notifier.All[^1]);
        Assert.Equal(1, reloaded.Previous.Number);
        Assert.Equal(2, reloaded.Revision.Number);
        Assert.Equal("watcher", reloaded.Source);
        Assert.StartsWith("events +2 ", reloaded.Summary, StringComparison.Ordinal);
        Assert.Equal("watcher", _rig.Store.Latest()!.Source);
    }

    [Fact]
    public async Task ReloadAsync_InvalidChange_IsRejectedWhole_AndTheLastGoodRevisionKeepsServing()
    {
        using KnowledgeReloader sut = CreateSut();
        await sut.ReloadAsync("startup", cancellationToken: TestContext.Current.CancellationToken);
        KnowledgeSnapshot good = _rig.Holder.Current;
        File.WriteAllText(Path.Combine(_rig.Knowledge, "broken.yaml"), "events:\n  - id: event-new\n    stage: done\n");

        LoadOutcome outcome = await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(LoadState.ServingLastGood, outcome.State);
        Assert.Same(good, _rig.Holder.Current);
        Assert.Null(_rig.Holder.Current.FindEvent("event-new"));
        KnowledgeRejected rejected = Assert.IsType<KnowledgeRejected>(_rig.Notifier.All[^1]);
        Assert.Equal(1, rejected.Serving.Number);
        Assert.Equal(outcome.Errors, rejected.Errors);
        Assert.Contains(_rig.Logger.Messages(LogLevel.Warning), m => m.StartsWith(Path.Combine(_rig.Knowledge, "broken.yaml") + ":3:12: unknown stage 'done'", StringComparison.Ordinal));
        Assert.Single(_rig.Store.History());
    }

    [Fact]
    public async Task ReloadAsync_TheSameBrokenFilesAgain_NotifyOnce()
    {
        using KnowledgeReloader sut = CreateSut();
        await sut.ReloadAsync("startup", cancellationToken: TestContext.Current.CancellationToken);
        File.WriteAllText(Path.Combine(_rig.Knowledge, "broken.yaml"), "not: [valid");

        await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);
        await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Single(_rig.Notifier.All.OfType<KnowledgeRejected>());
        Assert.Equal(LoadState.ServingLastGood, sut.Status!.State);
        Assert.NotEmpty(sut.Status.Errors);
    }

    [Fact]
    public async Task ReloadAsync_Unchanged_NeitherSwapsNorNotifies()
    {
        using KnowledgeReloader sut = CreateSut();
        await sut.ReloadAsync("startup", cancellationToken: TestContext.Current.CancellationToken);
        KnowledgeSnapshot served = _rig.Holder.Current;
        int notices = _rig.Notifier.All.Count;

        LoadOutcome outcome = await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(LoadState.Unchanged, outcome.State);
        Assert.Same(served, _rig.Holder.Current);
        Assert.Equal(notices, _rig.Notifier.All.Count);
    }

    [Fact]
    public async Task ReloadAsync_ANotifierThrows_TheOthersStillHearIt_AndTheReloadStands()
    {
        using KnowledgeReloader sut = CreateSut(new ThrowingNotifier(), _rig.Notifier);
        await sut.ReloadAsync("startup", cancellationToken: TestContext.Current.CancellationToken);

        KnowledgeGenerator.Write(_rig.Knowledge, events: 21, companies: 5, files: 2);
        await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(21, _rig.Holder.Current.EventCount);
        Assert.IsType<KnowledgeReloaded>(_rig.Notifier.All[^1]);
        Assert.Contains(_rig.Logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(nameof(ThrowingNotifier), StringComparison.Ordinal));
    }

    private sealed class ThrowingNotifier : IKnowledgeNotifier
    {
        public Task NotifyAsync(KnowledgeNotice notice, CancellationToken cancellationToken) => throw new InvalidOperationException("the admin channel is gone");
    }

    public void Dispose()
    {
        _rig.Dispose();
    }
}
