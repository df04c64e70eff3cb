using System.Collections.Immutable;
using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Loading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Knowledge.Reloading;

/// <summary>How the last reload went, for status pages and admin commands. Immutable.</summary>
/// <param name="At">When it finished.</param>
/// <param name="State">What happened.</param>
/// <param name="Errors">The errors of the last rejected change (empty after a good load).</param>
/// <param name="Duration">How long it took.</param>
public sealed record ReloadStatus(DateTimeOffset At, LoadState State, ImmutableArray<KnowledgeError> Errors, TimeSpan Duration);

/// <summary>
/// Reloads the knowledge while the bot runs: validates the files, imports a changed set as a new revision and swaps
/// the served snapshot in one step, so queries in flight finish on the old snapshot and new ones see the new one.
/// A broken change is rejected whole: the served snapshot stays, every error is logged as
/// <c>file:line:column: message</c> and the <see cref="IKnowledgeNotifier"/>s are told. One reload runs at a time.
/// </summary>
public sealed partial class KnowledgeReloader : IDisposable
{
    private readonly KnowledgeLoader _loader;
    private readonly SnapshotHolder _holder;
    private readonly IKnowledgeNotifier[] _notifiers;
    private readonly KnowledgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<KnowledgeReloader> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ReloadStatus? _status;
    private string? _lastRejectedRawHash;

    public KnowledgeReloader(
        KnowledgeLoader loader,
        SnapshotHolder holder,
        IEnumerable<IKnowledgeNotifier> notifiers,
        IOptions<KnowledgeOptions> options,
        TimeProvider time,
        ILogger<KnowledgeReloader> logger)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(notifiers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _loader = loader;
        _holder = holder;
        _notifiers = [.. notifiers];
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The last reload's outcome; null before the first.</summary>
    public ReloadStatus? Status => Volatile.Read(ref _status);

    /// <summary>Reads the knowledge folder and reloads from it.</summary>
    public Task<LoadOutcome> ReloadAsync(string source, string? who = null, CancellationToken cancellationToken = default) =>
        ReloadAsync(null, source, who, cancellationToken);

    /// <summary>Reloads from files already read (the watcher reads them until they are stable), or from the folder.</summary>
    public async Task<LoadOutcome> ReloadAsync(KnowledgeFileSet? files, string source, string? who = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long started = _time.GetTimestamp();
            KnowledgeSnapshot current = _holder.Current;
            LoadOutcome outcome = await Task.Run(
                () => _loader.Load(files ?? KnowledgeFileReader.Read(_options.Path, _options.MaxFileBytes), source, who, current.Revision.Number > 0 ? current : null),
                cancellationToken).ConfigureAwait(false);
            TimeSpan took = _time.GetElapsedTime(started);
            KnowledgeNotice? notice = Apply(outcome, current, source, who, took);
            Volatile.Write(ref _status, new ReloadStatus(_time.GetUtcNow(), outcome.State, outcome.Errors, took));
            if (notice is not null)
            {
                await NotifyAsync(notice, cancellationToken).ConfigureAwait(false);
            }

            return outcome;
        }
        finally
        {
            _gate.Release();
        }
    }

    private KnowledgeNotice? Apply(LoadOutcome outcome, KnowledgeSnapshot current, string source, string? who, TimeSpan took)
    {
        DateTimeOffset now = _time.GetUtcNow();
        switch (outcome.State)
        {
            case LoadState.Imported:
            case LoadState.Unchanged:
            case LoadState.RolledBack:
                _lastRejectedRawHash = null;
                KnowledgeSnapshot next = outcome.Snapshot!;
                if (ReferenceEquals(next, current) || (next.Revision == current.Revision))
                {
                    LogUnchanged(current.Revision.Number);
                    return null;
                }

                _holder.Swap(next);
                string summary = outcome.State switch
                {
                    LoadState.Imported when outcome.Revision?.Diff is { } diff => diff.Summary,
                    LoadState.RolledBack => $"rolled back to revision {next.Revision.Number} (from revision {current.Revision.Number})",
                    _ => $"revision {next.Revision.Number} (stored earlier) replaces revision {current.Revision.Number}",
                };
                LogReloaded(next.Revision.Number, source, summary, (long)took.TotalMilliseconds);
                return new KnowledgeReloaded(source, who, now, next.Revision, current.Revision, summary);

            default:
                foreach (KnowledgeError error in outcome.Errors)
                {
                    LogError(error.ToString());
                }

                if (current.Revision.Number == 0 && outcome.Snapshot is { } lastGood)
                {
                    // Nothing was served yet (the bot started on broken files): the last good revision is better.
                    _holder.Swap(lastGood);
                }

                RevisionInfo serving = _holder.Current.Revision;
                LogRejected(outcome.Errors.Length, serving.Number);
                if (outcome.RawHash == _lastRejectedRawHash)
                {
                    return null;
                }

                _lastRejectedRawHash = outcome.RawHash;
                return new KnowledgeRejected(source, who, now, outcome.Errors, serving);
        }
    }

    private async Task NotifyAsync(KnowledgeNotice notice, CancellationToken cancellationToken)
    {
        foreach (IKnowledgeNotifier notifier in _notifiers)
        {
            try
            {
                await notifier.NotifyAsync(notice, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogNotifierFailed(ex, notifier.GetType().Name);
            }
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Knowledge unchanged: still serving revision {Revision}")]
    private partial void LogUnchanged(int revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reloaded the knowledge: now serving revision {Revision} ({Source}): {Summary} in {Milliseconds} ms")]
    private partial void LogReloaded(int revision, string source, string summary, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Error}")]
    private partial void LogError(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected the knowledge change: {Count} error(s); still serving revision {Revision}")]
    private partial void LogRejected(int count, int revision);

    [LoggerMessage(Level = LogLevel.Error, Message = "A knowledge notifier ({Notifier}) failed")]
    private partial void LogNotifierFailed(Exception exception, string notifier);
}
