using System.Collections.Immutable;
using ChatBot.Core.Knowledge;
using LiteDB;

namespace ChatBot.Knowledge.Store;

/// <summary>A stored knowledge revision: hashes, time, origin and counts. The content lives in chunk documents.</summary>
public sealed class RevisionDocument
{
    /// <summary>The revision number, counting from 1.</summary>
    public int Id { get; set; }

    public string ContentHash { get; set; } = string.Empty;

    /// <summary>Hashes of raw file sets known to hold this content (formatting and comments differ).</summary>
    public List<string> RawHashes { get; set; } = [];

    public DateTime ImportedAt { get; set; }

    /// <summary>What imported it: <c>startup</c>, <c>cli</c>, <c>watcher</c>, <c>chat</c>.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>Who imported it, where known (a platform user id).</summary>
    public string? Who { get; set; }

    public int Companies { get; set; }

    public int Events { get; set; }

    public int Sources { get; set; }

    public string? NewestEvent { get; set; }

    public int Chunks { get; set; }

    /// <summary>The <see cref="KnowledgeBinary"/> encoding the chunks are written in.</summary>
    public int Format { get; set; }

    /// <summary>What changed against the revision before it; null in revisions stored before diffs were recorded.</summary>
    public DiffDocument? Diff { get; set; }

    public RevisionInfo ToInfo() => new(Id, ContentHash, new DateTimeOffset(DateTime.SpecifyKind(ImportedAt, DateTimeKind.Utc)));
}

/// <summary>
/// The stored diff summary of a revision: counts, and the ids (at most <see cref="MaxIds"/> of each list, so a
/// first import of a large set stays a small document).
/// </summary>
public sealed class DiffDocument
{
    public const int MaxIds = 200;

    /// <summary>The revision compared against; 0 when there was none.</summary>
    public int Against { get; set; }

    public int EventsAddedCount { get; set; }

    public int EventsChangedCount { get; set; }

    public int EventsRemovedCount { get; set; }

    public int CompaniesAddedCount { get; set; }

    public int CompaniesChangedCount { get; set; }

    public int CompaniesRemovedCount { get; set; }

    public List<string> EventsAdded { get; set; } = [];

    public List<string> EventsChanged { get; set; } = [];

    public List<string> EventsRemoved { get; set; } = [];

    public List<string> CompaniesAdded { get; set; } = [];

    public List<string> CompaniesChanged { get; set; } = [];

    public List<string> CompaniesRemoved { get; set; } = [];

    public string Summary => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"events +{EventsAddedCount} ~{EventsChangedCount} -{EventsRemovedCount}; companies +{CompaniesAddedCount} ~{CompaniesChangedCount} -{CompaniesRemovedCount}");

    public static DiffDocument Of(RevisionDiff diff, int against)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return new DiffDocument
        {
            Against = against,
            EventsAddedCount = diff.EventsAdded.Length,
            EventsChangedCount = diff.EventsChanged.Length,
            EventsRemovedCount = diff.EventsRemoved.Length,
            CompaniesAddedCount = diff.CompaniesAdded.Length,
            CompaniesChangedCount = diff.CompaniesChanged.Length,
            CompaniesRemovedCount = diff.CompaniesRemoved.Length,
            EventsAdded = [.. diff.EventsAdded.Take(MaxIds)],
            EventsChanged = [.. diff.EventsChanged.Take(MaxIds)],
            EventsRemoved = [.. diff.EventsRemoved.Take(MaxIds)],
            CompaniesAdded = [.. diff.CompaniesAdded.Take(MaxIds)],
            CompaniesChanged = [.. diff.CompaniesChanged.Take(MaxIds)],
            CompaniesRemoved = [.. diff.CompaniesRemoved.Take(MaxIds)],
        };
    }
}

/// <summary>
/// A rollback: the revision to serve while the knowledge files still hash to <see cref="RawHash"/> (their state when
/// the admin rolled back). There is at most one, with id 1.
/// </summary>
public sealed class PinDocument
{
    public int Id { get; set; } = 1;

    public int Revision { get; set; }

    public string RawHash { get; set; } = string.Empty;

    public DateTime PinnedAt { get; set; }

    public string Source { get; set; } = string.Empty;

    public string? Who { get; set; }
}

/// <summary>A question the bot could not answer, as stored: normalized text, time, platform, why; a user id only when configured.</summary>
public sealed class UnansweredDocument
{
    public ObjectId Id { get; set; } = ObjectId.Empty;

    public DateTime At { get; set; }

    public string Platform { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    /// <summary><c>unknown-company</c>, <c>not-understood</c>, <c>no-results</c> or <c>closest</c> (the ranked fallback stood in).</summary>
    public string Kind { get; set; } = string.Empty;

    public string? UserId { get; set; }

    /// <summary>The events the ranked fallback served instead of an answer, best first; empty for the other kinds.</summary>
    public List<string> Served { get; set; } = [];
}

/// <summary>
/// One line of the curators' to-do list: a question, how often and when it was last asked, where, and what the ranked
/// fallback served for it (the latest time), if it stood in.
/// </summary>
public sealed record UnansweredGroup(string Text, string Kind, int Count, DateTimeOffset LastAsked, IReadOnlyList<string> Platforms)
{
    public IReadOnlyList<string> Served { get; init; } = [];
}

/// <summary>A slice of a revision's content, encoded; many small documents, never one over LiteDB's 16 MB.</summary>
public sealed class ChunkDocument
{
    public ObjectId Id { get; set; } = ObjectId.Empty;

    public int Revision { get; set; }

    public int Index { get; set; }

    /// <summary><c>companies</c> or <c>events</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    public byte[] Data { get; set; } = [];
}

/// <summary>
/// The embedded LiteDB database: every imported revision with its content, so a broken file never takes the bot
/// down. An import is one transaction: a crash leaves either the whole revision or none of it.
/// </summary>
/// <remarks>
/// A database file is opened in LiteDB's shared mode, so the CLI works while <c>chatbot serve</c> runs on the same
/// file: every operation opens the file under a machine-wide named mutex and closes it again (an import holds the
/// mutex for its whole transaction). LiteDB's shared engine must not be entered from two threads at once, so calls
/// on one store are serialized here.
/// </remarks>
public sealed class LiteDbKnowledgeStore : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<RevisionDocument> _revisions;
    private readonly ILiteCollection<ChunkDocument> _chunks;
    private readonly ILiteCollection<PinDocument> _pins;
    private readonly ILiteCollection<UnansweredDocument> _unanswered;
    private readonly Lock _gate = new();

    /// <summary>Opens (or creates) the database file; its folder is created if needed.</summary>
    public LiteDbKnowledgeStore(string path)
        : this(Open(path))
    {
    }

    /// <summary>Opens a database on a stream (tests use a <see cref="MemoryStream"/>).</summary>
    public LiteDbKnowledgeStore(Stream stream)
        : this(new LiteDatabase(stream, new BsonMapper()))
    {
    }

    private LiteDbKnowledgeStore(LiteDatabase db)
    {
        _db = db;
        _revisions = _db.GetCollection<RevisionDocument>("revisions");
        _chunks = _db.GetCollection<ChunkDocument>("chunks");
        _chunks.EnsureIndex(c => c.Revision);
        _pins = _db.GetCollection<PinDocument>("pins");
        _unanswered = _db.GetCollection<UnansweredDocument>("unanswered");
    }

    /// <summary>The newest revision, if any.</summary>
    public RevisionDocument? Latest()
    {
        lock (_gate)
        {
            return LatestUnlocked();
        }
    }

    private RevisionDocument? LatestUnlocked() => _revisions.Query().OrderByDescending(r => r.Id).FirstOrDefault();

    /// <summary>Every revision, newest first.</summary>
    public IReadOnlyList<RevisionDocument> History()
    {
        lock (_gate)
        {
            return _revisions.Query().OrderByDescending(r => r.Id).ToList();
        }
    }

    public RevisionDocument? Find(int revision)
    {
        lock (_gate)
        {
            return _revisions.FindById(revision);
        }
    }

    /// <summary>Stores content as a new revision, in one transaction.</summary>
    /// <param name="canonical">The content in canonical form.</param>
    /// <param name="rawHash">The hash of the raw files it came from.</param>
    /// <param name="source">What imported it: <c>startup</c>, <c>cli</c>, <c>watcher</c>, <c>chat</c>.</param>
    /// <param name="who">Who imported it, where known.</param>
    /// <param name="now">The import time.</param>
    /// <param name="diff">What changed against <paramref name="against"/>, if computed.</param>
    /// <param name="against">The revision the diff was taken against (0: none).</param>
    public RevisionDocument Import(CanonicalKnowledge canonical, string rawHash, string source, string? who, DateTimeOffset now, RevisionDiff? diff = null, int against = 0)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        KnowledgeContent content = canonical.Content;
        lock (_gate)
        {
            return ImportUnlocked(canonical, content, rawHash, source, who, now, diff, against);
        }
    }

    private RevisionDocument ImportUnlocked(CanonicalKnowledge canonical, KnowledgeContent content, string rawHash, string source, string? who, DateTimeOffset now, RevisionDiff? diff, int against)
    {
        return InTransactionUnlocked(() =>
        {
            RevisionDocument? latest = LatestUnlocked();
            if (latest is not null && latest.ContentHash == canonical.Hash && latest.Format == KnowledgeBinary.Version)
            {
                // Another process imported the same content a moment ago: no second copy.
                if (!latest.RawHashes.Contains(rawHash))
                {
                    latest.RawHashes.Add(rawHash);
                    _revisions.Update(latest);
                }

                return latest;
            }

            int number = (latest?.Id ?? 0) + 1;
            List<ChunkDocument> chunks =
            [
                new() { Id = ObjectId.NewObjectId(), Revision = number, Index = 0, Kind = "companies", Data = canonical.Companies },
                .. canonical.EventChunks.Select((chunk, i) => new ChunkDocument { Id = ObjectId.NewObjectId(), Revision = number, Index = i + 1, Kind = "events", Data = chunk }),
            ];
            _chunks.InsertBulk(chunks);
            RevisionDocument revision = new()
            {
                Id = number,
                ContentHash = canonical.Hash,
                RawHashes = [rawHash],
                ImportedAt = now.UtcDateTime,
                Source = source,
                Who = who,
                Companies = content.Companies.Length,
                Events = content.Events.Length,
                Sources = content.Events.Sum(e => e.Sources.Length),
                NewestEvent = content.Events.IsEmpty ? null : content.Events.Max(e => e.Date).ToString(),
                Chunks = chunks.Count,
                Format = KnowledgeBinary.Version,
                Diff = diff is null ? null : DiffDocument.Of(diff, against),
            };
            _revisions.Insert(revision);
            return revision;
        });
    }

    /// <summary>
    /// Changes whenever another process imports a revision or rolls back: the newest revision and the pin.
    /// </summary>
    public string Stamp()
    {
        lock (_gate)
        {
            PinDocument? pin = _pins.FindById(1);
            return $"{LatestUnlocked()?.Id ?? 0}|{pin?.Revision ?? 0}|{pin?.RawHash}";
        }
    }

    /// <summary>The rollback in force, if any.</summary>
    public PinDocument? Pin()
    {
        lock (_gate)
        {
            return _pins.FindById(1);
        }
    }

    /// <summary>Pins a revision while the files keep <paramref name="rawHash"/>: a rollback that survives restarts.</summary>
    public PinDocument SetPin(int revision, string rawHash, DateTimeOffset now, string source, string? who)
    {
        PinDocument pin = new() { Revision = revision, RawHash = rawHash, PinnedAt = now.UtcDateTime, Source = source, Who = who };
        lock (_gate)
        {
            _pins.Upsert(pin);
        }

        return pin;
    }

    /// <summary>Ends the rollback (the files changed since).</summary>
    public void ClearPin()
    {
        lock (_gate)
        {
            _pins.Delete(1);
        }
    }

    /// <summary>Stores questions the bot could not answer, in one batch.</summary>
    public void AddUnanswered(IReadOnlyCollection<UnansweredDocument> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        foreach (UnansweredDocument q in questions)
        {
            q.Id = ObjectId.NewObjectId();
        }

        lock (_gate)
        {
            _unanswered.InsertBulk(questions);
        }
    }

    /// <summary>Every stored unanswered question, oldest first.</summary>
    internal IReadOnlyList<UnansweredDocument> UnansweredQuestions()
    {
        lock (_gate)
        {
            return [.. _unanswered.FindAll().OrderBy(q => q.At)];
        }
    }

    /// <summary>The unanswered questions grouped by text, most asked first (ties: most recent first).</summary>
    public IReadOnlyList<UnansweredGroup> UnansweredByFrequency(int top)
    {
        List<UnansweredDocument> all;
        lock (_gate)
        {
            all = [.. _unanswered.FindAll()];
        }

        return
        [
            .. all.GroupBy(q => (q.Text, q.Kind))
                .Select(g => new UnansweredGroup(
                    g.Key.Text,
                    g.Key.Kind,
                    g.Count(),
                    new DateTimeOffset(DateTime.SpecifyKind(g.Max(q => q.At), DateTimeKind.Utc)),
                    [.. g.Select(q => q.Platform).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])
                {
                    Served = g.OrderByDescending(q => q.At).First().Served ?? [],
                })
                .OrderByDescending(g => g.Count)
                .ThenByDescending(g => g.LastAsked)
                .ThenBy(g => g.Text, StringComparer.Ordinal)
                .Take(top),
        ];
    }

    /// <summary>Remembers that another raw file set holds a revision's content (only comments or formatting changed).</summary>
    public void AddRawHash(RevisionDocument revision, string rawHash)
    {
        ArgumentNullException.ThrowIfNull(revision);
        if (!revision.RawHashes.Contains(rawHash))
        {
            revision.RawHashes.Add(rawHash);
            lock (_gate)
            {
                _revisions.Update(revision);
            }
        }
    }

    /// <summary>The content of a stored revision (in id order; chunks decode in parallel).</summary>
    public KnowledgeContent LoadContent(int revision)
    {
        List<ChunkDocument> chunks = ReadChunks(revision);
        ImmutableArray<Company> companies = [.. chunks.Where(c => c.Kind == "companies").SelectMany(c => KnowledgeBinary.ReadCompanies(c.Data))];
        ImmutableArray<KnowledgeEvent> events =
        [
            .. chunks.Where(c => c.Kind == "events").AsParallel().AsOrdered().SelectMany(c => KnowledgeBinary.ReadEvents(c.Data)),
        ];
        return new KnowledgeContent(companies, events);
    }

    /// <summary>The chunk documents of a revision, in order.</summary>
    internal List<ChunkDocument> ReadChunks(int revision)
    {
        lock (_gate)
        {
            return [.. _chunks.Find(c => c.Revision == revision).OrderBy(c => c.Index)];
        }
    }

    /// <summary>
    /// Runs work on the database under the store's lock, for the bot's other small collections (watches, feedback,
    /// audit, conversation references); each call is one opening of the shared file.
    /// </summary>
    public T Run<T>(Func<LiteDatabase, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            return work(_db);
        }
    }

    /// <summary>
    /// Runs work as one transaction, under the store's lock: one opening of the shared file for all of it, and
    /// nothing of it kept when it throws.
    /// </summary>
    public T RunInTransaction<T>(Func<LiteDatabase, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            return InTransactionUnlocked(() => work(_db));
        }
    }

    /// <summary>Runs work as one transaction, committed when it returns and rolled back when it throws. Called under the lock.</summary>
    private T InTransactionUnlocked<T>(Func<T> work)
    {
        if (!_db.BeginTrans())
        {
            throw new InvalidOperationException("A transaction is already in progress on this connection.");
        }

        try
        {
            T result = work();
            _db.Commit();
            return result;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _db.Dispose();
        }
    }

    private static LiteDatabase Open(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Each store has its own mapper: LiteDB's global one publishes a type's mapping before it is complete, so
        // two stores mapping a type for the first time at once could read a document with members missing.
        return new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Shared }, new BsonMapper());
    }
}
