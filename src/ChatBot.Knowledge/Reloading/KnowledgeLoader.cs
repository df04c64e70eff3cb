using System.Collections.Immutable;
using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Store;

namespace ChatBot.Knowledge.Reloading;

/// <summary>What happened when the knowledge was loaded.</summary>
public enum LoadState
{
    /// <summary>The files were valid and new: imported as a new revision.</summary>
    Imported,

    /// <summary>The files hold a stored revision's content: nothing imported.</summary>
    Unchanged,

    /// <summary>The files are invalid; the last good revision is served.</summary>
    ServingLastGood,

    /// <summary>The files are invalid and there is no good revision: nothing to serve.</summary>
    Failed,

    /// <summary>An admin rolled back to an older revision and the files have not changed since: it is served.</summary>
    RolledBack,
}

/// <summary>The outcome of a load: the snapshot to serve (if any), the revision, and every error in the files.</summary>
public sealed record LoadOutcome(LoadState State, KnowledgeSnapshot? Snapshot, RevisionDocument? Revision, ImmutableArray<KnowledgeError> Errors)
{
    /// <summary>The hash of the raw files this outcome is about.</summary>
    public string RawHash { get; init; } = string.Empty;
}

/// <summary>
/// Validates the knowledge files and imports them into the store as a revision, or falls back to the last good
/// revision when they are broken. Unchanged files (same raw hash) are not even parsed again.
/// </summary>
public sealed class KnowledgeLoader
{
    private readonly LiteDbKnowledgeStore _store;
    private readonly TimeProvider _time;

    public KnowledgeLoader(LiteDbKnowledgeStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
    }

    /// <summary>Loads the folder: import when changed, reuse when unchanged, fall back when broken.</summary>
    /// <param name="directory">The knowledge folder.</param>
    /// <param name="maxFileBytes">The largest file accepted.</param>
    /// <param name="source">What asked for the load (<c>startup</c>, <c>cli</c>, <c>watcher</c>).</param>
    /// <param name="who">Who asked, where known.</param>
    public LoadOutcome Load(string directory, long maxFileBytes, string source, string? who = null) =>
        Load(KnowledgeFileReader.Read(directory, maxFileBytes), source, who);

    /// <summary>Loads files already read: import when changed, reuse when unchanged, fall back when broken.</summary>
    /// <param name="files">The files as read from disk.</param>
    /// <param name="source">What asked for the load (<c>startup</c>, <c>cli</c>, <c>watcher</c>).</param>
    /// <param name="who">Who asked, where known.</param>
    /// <param name="current">The snapshot being served, if any: reused when it is the revision to serve.</param>
    public LoadOutcome Load(KnowledgeFileSet files, string source, string? who = null, KnowledgeSnapshot? current = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        string rawHash = files.RawHash;
        if (_store.Pin() is { } pin)
        {
            if (pin.RawHash == rawHash && _store.Find(pin.Revision) is { Format: KnowledgeBinary.Version } pinned)
            {
                return new LoadOutcome(LoadState.RolledBack, Build(pinned, current, rolledBack: true), pinned, []) { RawHash = rawHash };
            }

            // The files changed since the rollback: it has done its job, and the files decide again.
            _store.ClearPin();
        }

        // A revision stored in another encoding is not served; the files are imported again.
        RevisionDocument? latest = _store.Latest() is { Format: KnowledgeBinary.Version } newest ? newest : null;
        if (files.Errors.IsEmpty && latest is not null && latest.RawHashes.Contains(rawHash))
        {
            return new LoadOutcome(LoadState.Unchanged, Build(latest, current), latest, []) { RawHash = rawHash };
        }

        KnowledgeLoadResult parsed = KnowledgeFileReader.Parse(files.Files);
        ImmutableArray<KnowledgeError> errors = files.Errors.AddRange(parsed.Errors);
        if (!errors.IsEmpty || parsed.Content is null)
        {
            return latest is null
                ? new LoadOutcome(LoadState.Failed, null, null, errors) { RawHash = rawHash }
                : new LoadOutcome(LoadState.ServingLastGood, Build(latest, current), latest, errors) { RawHash = rawHash };
        }

        KnowledgeContentResult content = parsed.Content;
        if (latest is not null && latest.ContentHash == content.ContentHash)
        {
            _store.AddRawHash(latest, rawHash);
            KnowledgeSnapshot same = IsServing(current, latest) && !current!.Revision.RolledBack ? current : new KnowledgeSnapshot(content.Content, latest.ToInfo());
            return new LoadOutcome(LoadState.Unchanged, same, latest, []) { RawHash = rawHash };
        }

        KnowledgeContent? before = latest is null ? null : IsServing(current, latest) ? current!.Content : _store.LoadContent(latest.Id);
        // The diff is against the newest revision, the one this import follows in the history.
        RevisionDiff diff = RevisionDiff.Between(before, content.Content);
        RevisionDocument revision = _store.Import(content.Canonical, rawHash, source, who, _time.GetUtcNow(), diff, latest?.Id ?? 0);
        return new LoadOutcome(LoadState.Imported, new KnowledgeSnapshot(content.Content, revision.ToInfo()), revision, []) { RawHash = rawHash };
    }

    private static bool IsServing(KnowledgeSnapshot? current, RevisionDocument revision) =>
        current is not null && current.Revision.Number == revision.Id && current.Revision.ContentHash == revision.ContentHash;

    private KnowledgeSnapshot Build(RevisionDocument revision, KnowledgeSnapshot? current, bool rolledBack = false)
    {
        RevisionInfo info = revision.ToInfo() with { RolledBack = rolledBack };
        if (!IsServing(current, revision))
        {
            return new KnowledgeSnapshot(_store.LoadContent(revision.Id), info);
        }

        return current!.Revision == info ? current : new KnowledgeSnapshot(current.Content, info);
    }
}
