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
}

/// <summary>The outcome of a load: the snapshot to serve (if any), the revision, and every error in the files.</summary>
public sealed record LoadOutcome(LoadState State, KnowledgeSnapshot? Snapshot, RevisionDocument? Revision, ImmutableArray<KnowledgeError> Errors);

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
    public LoadOutcome Load(string directory, long maxFileBytes, string source, string? who = null)
    {
        (ImmutableArray<KnowledgeFile> files, ImmutableArray<KnowledgeError> readErrors) = KnowledgeFileReader.ReadFiles(directory, maxFileBytes);
        // A revision stored in another encoding is not served; the files are imported again.
        RevisionDocument? latest = _store.Latest() is { Format: KnowledgeBinary.Version } current ? current : null;
        string rawHash = KnowledgeFileReader.RawHash(files);
        if (readErrors.IsEmpty && latest is not null && latest.RawHashes.Contains(rawHash))
        {
            return new LoadOutcome(LoadState.Unchanged, Build(latest), latest, []);
        }

        KnowledgeLoadResult parsed = KnowledgeFileReader.Parse(files);
        ImmutableArray<KnowledgeError> errors = readErrors.AddRange(parsed.Errors);
        if (!errors.IsEmpty || parsed.Content is null)
        {
            return latest is null
                ? new LoadOutcome(LoadState.Failed, null, null, errors)
                : new LoadOutcome(LoadState.ServingLastGood, Build(latest), latest, errors);
        }

        KnowledgeContentResult content = parsed.Content;
        if (latest is not null && latest.ContentHash == content.ContentHash)
        {
            _store.AddRawHash(latest, rawHash);
            return new LoadOutcome(LoadState.Unchanged, new KnowledgeSnapshot(content.Content, latest.ToInfo()), latest, []);
        }

        RevisionDocument revision = _store.Import(content.Canonical, rawHash, source, who, _time.GetUtcNow());
        return new LoadOutcome(LoadState.Imported, new KnowledgeSnapshot(content.Content, revision.ToInfo()), revision, []);
    }

    private KnowledgeSnapshot Build(RevisionDocument revision) => new(_store.LoadContent(revision.Id), revision.ToInfo());
}
