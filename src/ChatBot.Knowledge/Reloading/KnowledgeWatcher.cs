using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Knowledge.Reloading;

/// <summary>Timings of the <see cref="KnowledgeWatcher"/>.</summary>
/// <param name="Quiet">How long the folder must be quiet after a change before it is read (a burst of saves is one reload).</param>
/// <param name="Settle">The files are read twice this far apart and loaded only when both reads agree (no write in progress).</param>
/// <param name="Poll">How often the database is checked for revisions and rollbacks made by another process (the CLI).</param>
public sealed record WatchTimings(TimeSpan Quiet, TimeSpan Settle, TimeSpan Poll)
{
    public static WatchTimings Default { get; } = new(TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5));
}

/// <summary>
/// Watches the knowledge folder (<c>Knowledge:Watch</c>) and reloads on change. Saves by rename or replace, partial
/// writes and bursts are handled: changes are debounced, then the files are read until two reads agree, and only
/// that complete content is validated and imported.
/// </summary>
public sealed partial class KnowledgeWatcher : BackgroundService
{
    private readonly KnowledgeReloader _reloader;
    private readonly LiteDbKnowledgeStore _store;
    private readonly KnowledgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<KnowledgeWatcher> _logger;
    private readonly WatchTimings _timings;
    private int _polling;

    public KnowledgeWatcher(KnowledgeReloader reloader, LiteDbKnowledgeStore store, IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<KnowledgeWatcher> logger, WatchTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(reloader);
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _reloader = reloader;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _timings = timings ?? WatchTimings.Default;
    }

    /// <summary>Completes when the folder is being watched (or watching was turned off or failed to start).</summary>
    public Task Watching => _watching.Task;

    private readonly TaskCompletionSource _watching = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Watch)
        {
            _watching.TrySetResult();
            return;
        }

        string folder = Path.GetFullPath(_options.Path);
        using Debouncer debouncer = new(_time, _timings.Quiet);
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = Watch(folder, debouncer);
            if (watcher is null)
            {
                return;
            }

            LogWatching(folder);
            // The database as it is now: a change by another process from here on triggers a reload.
            string? stamp = null;
            PollStore(ref stamp, debouncer);
            using ITimer poll = _time.CreateTimer(_ => PollStore(ref stamp, debouncer), null, _timings.Poll, _timings.Poll);
            _watching.TrySetResult();
            // Edits made while the bot started are picked up now (an unchanged folder costs one hash).
            debouncer.Signal();
            while (!stoppingToken.IsCancellationRequested)
            {
                await debouncer.WaitAsync(stoppingToken).ConfigureAwait(false);
                if (watcher is null || !watcher.EnableRaisingEvents)
                {
                    // The folder vanished or the watcher failed: try again, reloading whatever is there now.
                    watcher?.Dispose();
                    watcher = Watch(folder, debouncer);
                }

                KnowledgeFileSet? files = await ReadStableAsync(stoppingToken).ConfigureAwait(false);
                if (files is null)
                {
                    debouncer.Signal();
                    continue;
                }

                try
                {
                    await _reloader.ReloadAsync(files, "watcher", null, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database failed (disk full, locked too long): keep serving and try again on the next change.
                    LogReloadFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            watcher?.Dispose();
            _watching.TrySetResult();
        }
    }

    /// <summary>Signals a reload when another process (the CLI) imported or rolled back since the last look.</summary>
    private void PollStore(ref string? last, Debouncer debouncer)
    {
        // A poll waits while an import holds the database; the next tick is skipped rather than queued behind it.
        if (Interlocked.Exchange(ref _polling, 1) == 1)
        {
            return;
        }

        try
        {
            string stamp = _store.Stamp();
            if (last is not null && stamp != last)
            {
                debouncer.Signal();
            }

            last = stamp;
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or IOException)
        {
            LogPollFailed(ex.Message);
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    /// <summary>Reads the files twice, <see cref="WatchTimings.Settle"/> apart; null while they are still changing.</summary>
    private async Task<KnowledgeFileSet?> ReadStableAsync(CancellationToken cancellationToken)
    {
        KnowledgeFileSet first = KnowledgeFileReader.Read(_options.Path, _options.MaxFileBytes);
        await Task.Delay(_timings.Settle, _time, cancellationToken).ConfigureAwait(false);
        KnowledgeFileSet second = KnowledgeFileReader.Read(_options.Path, _options.MaxFileBytes);
        bool stable = first.RawHash == second.RawHash && first.Errors.SequenceEqual(second.Errors);
        if (!stable)
        {
            LogStillChanging();
        }

        return stable ? second : null;
    }

    private FileSystemWatcher? Watch(string folder, Debouncer debouncer)
    {
        if (!Directory.Exists(folder))
        {
            LogNoFolder(folder);
            _watching.TrySetResult();
            return null;
        }

        FileSystemWatcher watcher = new(folder)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, _) => debouncer.Signal();
        watcher.Created += (_, _) => debouncer.Signal();
        watcher.Deleted += (_, _) => debouncer.Signal();
        watcher.Renamed += (_, _) => debouncer.Signal();
        watcher.Error += (_, e) =>
        {
            // A buffer overflow loses events: reload anyway, the raw hash makes a needless one cheap.
            LogWatcherError(e.GetException().Message);
            debouncer.Signal();
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Folder} for knowledge changes")]
    private partial void LogWatching(string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The knowledge folder {Folder} does not exist: changes are not watched")]
    private partial void LogNoFolder(string folder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The knowledge files are still being written; waiting")]
    private partial void LogStillChanging();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The knowledge folder watcher reported an error: {Message}")]
    private partial void LogWatcherError(string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not check the database for changes: {Message}")]
    private partial void LogPollFailed(string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the knowledge failed; still serving the current revision")]
    private partial void LogReloadFailed(Exception exception);
}
