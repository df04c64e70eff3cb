using ChatBot.Knowledge.Reloading;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Knowledge.Tests.Reloading;

/// <summary>
/// What the reload tests share: a temporary folder of generated knowledge, a database, the served snapshot, and a
/// reloader (and watcher) over them that report to collecting notifiers and loggers.
/// </summary>
internal sealed class ReloadRig : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ReloadRig(int events, int companies, int files, TimeProvider? time = null, long maxFileBytes = 26_214_400)
    {
        Time = time ?? TimeProvider.System;
        Store = new LiteDbKnowledgeStore(_temp.File("chatbot.db"));
        Knowledge = _temp.File("knowledge");
        KnowledgeGenerator.Write(Knowledge, events, companies, files);
        Options = Microsoft.Extensions.Options.Options.Create(new KnowledgeOptions { Path = Knowledge, MaxFileBytes = maxFileBytes });
    }

    public TimeProvider Time { get; }

    public LiteDbKnowledgeStore Store { get; }

    /// <summary>The knowledge folder.</summary>
    public string Knowledge { get; }

    public IOptions<KnowledgeOptions> Options { get; }

    public SnapshotHolder Holder { get; } = new();

    public CollectingNotifier Notifier { get; } = new();

    public CollectingLogger<KnowledgeReloader> Logger { get; } = new();

    /// <summary>A reloader telling <see cref="Notifier"/>, or the given notifiers instead.</summary>
    public KnowledgeReloader Reloader(params IKnowledgeNotifier[] notifiers) =>
        new(new KnowledgeLoader(Store, Time), Holder, notifiers.Length == 0 ? [Notifier] : notifiers, Options, Time, Logger);

    public KnowledgeWatcher Watcher(KnowledgeReloader reloader, WatchTimings timings) =>
        new(reloader, Store, Options, Time, new CollectingLogger<KnowledgeWatcher>(), timings);

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }
}
