using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Reloading;
using ChatBot.Testing;

namespace ChatBot.Knowledge.Tests.Reloading;

/// <summary>The watcher on a real folder with a real <see cref="FileSystemWatcher"/>; tests wait for notices, not for time.</summary>
public sealed class KnowledgeWatcherTests : IAsyncDisposable
{
    private static readonly WatchTimings Fast = new(TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200));

    private readonly ReloadRig _rig = new(events: 20, companies: 5, files: 1);
    private readonly KnowledgeReloader _reloader;
    private readonly KnowledgeWatcher _sut;

    public KnowledgeWatcherTests()
    {
        _reloader = _rig.Reloader();
        _sut = _rig.Watcher(_reloader, Fast);
    }

    private async Task StartAsync()
    {
        await _sut.StartAsync(TestContext.Current.CancellationToken);
        await _sut.Watching;
        // The first look at the folder imports it.
        Assert.IsType<KnowledgeReloaded>(await _rig.Notifier.NextAsync());
    }

    private static string Generated(int events)
    {
        using TempDirectory other = new();
        KnowledgeGenerator.Write(other.Path, events: events, companies: 5, files: 1);
        return File.ReadAllText(Path.Combine(other.Path, "events-00.yaml"));
    }

    [Fact]
    public async Task Watch_ASavedChange_IsImportedAndServed()
    {
        await StartAsync();

        File.WriteAllText(Path.Combine(_rig.Knowledge, "events-00.yaml"), Generated(22));

        KnowledgeReloaded reloaded = Assert.IsType<KnowledgeReloaded>(await _rig.Notifier.NextAsync());
        Assert.Equal(2, reloaded.Revision.Number);
        Assert.Equal("watcher", reloaded.Source);
        Assert.Equal(reloaded.Revision, _rig.Holder.Current.Revision);
        Assert.Equal("watcher", _rig.Store.Latest()!.Source);
    }

    [Fact]
    public async Task Watch_ASaveByRenameOverTheFile_IsImported()
    {
        await StartAsync();
        string target = Path.Combine(_rig.Knowledge, "events-00.yaml");

        // What vim and many editors do: write a temporary file, then rename it over the original.
        string temporary = Path.Combine(_rig.Knowledge, ".events-00.yaml.tmp");
        File.WriteAllText(temporary, Generated(22));
        File.Move(temporary, target, overwrite: true);

        KnowledgeReloaded reloaded = Assert.IsType<KnowledgeReloaded>(await _rig.Notifier.NextAsync());
        Assert.Equal(2, reloaded.Revision.Number);
    }

    [Fact]
    public async Task Watch_APartialWriteThenTheRest_ImportsOnlyTheCompleteFile()
    {
        await StartAsync();
        byte[] complete = System.Text.Encoding.UTF8.GetBytes(Generated(22));

        await using (FileStream stream = new(Path.Combine(_rig.Knowledge, "events-00.yaml"), FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
        {
            await stream.WriteAsync(complete.AsMemory(0, complete.Length / 2), TestContext.Current.CancellationToken);
            await stream.FlushAsync(TestContext.Current.CancellationToken);
            await Task.Delay(20, TestContext.Current.CancellationToken);
            await stream.WriteAsync(complete.AsMemory(complete.Length / 2), TestContext.Current.CancellationToken);
        }

        KnowledgeNotice notice = await _rig.Notifier.NextAsync();
        Assert.IsType<KnowledgeReloaded>(notice);
        Assert.Equal(22, _rig.Holder.Current.EventCount);
        Assert.Equal(2, _rig.Store.History().Count);
    }

    [Fact]
    public async Task Watch_ABurstOfSaves_IsOneReload()
    {
        await StartAsync();
        string target = Path.Combine(_rig.Knowledge, "events-00.yaml");

        string[] saves = [.. Enumerable.Range(21, 10).Select(Generated)];

        foreach (string save in saves)
        {
            File.WriteAllText(target, save);
        }

        while (_rig.Holder.Current.EventCount != 30)
        {
            Assert.IsType<KnowledgeReloaded>(await _rig.Notifier.NextAsync());
        }

        Assert.True(_rig.Store.History().Count < 1 + saves.Length, "a burst of saves is coalesced, not imported save by save");
    }

    [Fact]
    public async Task Watch_ABrokenSave_IsRejected_ThenTheFixIsServed()
    {
        await StartAsync();
        string target = Path.Combine(_rig.Knowledge, "events-00.yaml");

        File.WriteAllText(target, Generated(22).Replace("stage: ", "stage: done", StringComparison.Ordinal));
        KnowledgeRejected rejected = Assert.IsType<KnowledgeRejected>(await _rig.Notifier.NextAsync());
        File.WriteAllText(target, Generated(22));
        KnowledgeReloaded fixedUp = Assert.IsType<KnowledgeReloaded>(await _rig.Notifier.NextAsync());

        Assert.Equal(1, rejected.Serving.Number);
        Assert.All(rejected.Errors, e => Assert.Equal(target, e.File));
        Assert.Equal(2, fixedUp.Revision.Number);
    }

    [Fact]
    public async Task Watch_AFileDeleted_IsRejected_AndThePreviousRevisionServes()
    {
        await StartAsync();

        File.Delete(Path.Combine(_rig.Knowledge, "companies.yaml"));

        KnowledgeRejected rejected = Assert.IsType<KnowledgeRejected>(await _rig.Notifier.NextAsync());
        Assert.Contains(rejected.Errors, e => e.Message.StartsWith("unknown company 'company-", StringComparison.Ordinal));
        Assert.Equal(1, _rig.Holder.Current.Revision.Number);
        Assert.Equal(20, _rig.Holder.Current.EventCount);
    }

    [Fact]
    public async Task Watch_ARollbackByAnotherProcess_IsServedWithinAPoll()
    {
        await StartAsync();
        File.WriteAllText(Path.Combine(_rig.Knowledge, "events-00.yaml"), Generated(22));
        Assert.IsType<KnowledgeReloaded>(await _rig.Notifier.NextAsync());

        // What 'chatbot knowledge rollback 1' does in another process: pin revision 1 to the files as they are.
        _rig.Store.SetPin(1, KnowledgeFileReader.Read(_rig.Knowledge, 26_214_400).RawHash, DateTimeOffset.UnixEpoch, "cli", "admin");

        KnowledgeReloaded rolledBack = Assert.IsType<KnowledgeReloaded>(await _rig.Notifier.NextAsync());
        Assert.Equal(1, rolledBack.Revision.Number);
        Assert.True(rolledBack.Revision.RolledBack);
        Assert.True(_rig.Holder.Current.Revision.RolledBack);
        Assert.Equal(20, _rig.Holder.Current.EventCount);
    }

    public async ValueTask DisposeAsync()
    {
        await _sut.StopAsync(CancellationToken.None);
        _sut.Dispose();
        _reloader.Dispose();
        _rig.Dispose();
    }
}
