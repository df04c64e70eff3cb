using ChatBot.Knowledge.Store;
using LiteDB;

namespace ChatBot.Knowledge.Operations;

/// <summary>A channel's subscription to a company's new events.</summary>
public sealed class WatchDocument
{
    public ObjectId Id { get; set; } = ObjectId.Empty;

    /// <summary><c>discord</c>, <c>teams</c>.</summary>
    public string Platform { get; set; } = string.Empty;

    /// <summary>The channel or conversation, as the adapter names it.</summary>
    public string PlaceId { get; set; } = string.Empty;

    public string CompanyId { get; set; } = string.Empty;

    public string? By { get; set; }

    public DateTime At { get; set; }
}

/// <summary>A user's report on an answer, with the question and answer it refers to.</summary>
public sealed class FeedbackDocument
{
    public ObjectId Id { get; set; } = ObjectId.Empty;

    public string Platform { get; set; } = string.Empty;

    public string? PlaceId { get; set; }

    /// <summary>The user, only when user ids are kept (<c>Curation:KeepUserIds</c>).</summary>
    public string? UserId { get; set; }

    public string Text { get; set; } = string.Empty;

    public string? Question { get; set; }

    public string? Answer { get; set; }

    public DateTime At { get; set; }
}

/// <summary>An admin action or a refused attempt at one.</summary>
public sealed class AuditDocument
{
    public ObjectId Id { get; set; } = ObjectId.Empty;

    public DateTime At { get; set; }

    public string Platform { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string? PlaceId { get; set; }

    /// <summary>What was asked: <c>admin reload</c>, <c>admin rollback 3</c>.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary><c>done</c>, <c>refused</c>, <c>failed</c>.</summary>
    public string Outcome { get; set; } = string.Empty;
}

/// <summary>The outcome of adding a watch.</summary>
public enum WatchResult
{
    Added,
    AlreadyWatching,
    LimitReached,
}

/// <summary>Watches, feedback and the audit log, in the bot's database beside the knowledge revisions.</summary>
public sealed class OperationsStore(LiteDbKnowledgeStore store)
{
    /// <summary>The most companies one channel may watch.</summary>
    public const int MaxWatchesPerPlace = 25;

    private const string Watches = "watches";
    private const string Feedback = "feedback";
    private const string Audit = "audit";

    public WatchResult AddWatch(string platform, string placeId, string companyId, string? by, DateTimeOffset now) => store.Run(db =>
    {
        ILiteCollection<WatchDocument> watches = db.GetCollection<WatchDocument>(Watches);
        watches.EnsureIndex(w => w.PlaceId);
        List<WatchDocument> here = watches.Find(w => w.PlaceId == placeId && w.Platform == platform).ToList();
        if (here.Any(w => w.CompanyId == companyId))
        {
            return WatchResult.AlreadyWatching;
        }

        if (here.Count >= MaxWatchesPerPlace)
        {
            return WatchResult.LimitReached;
        }

        watches.Insert(new WatchDocument { Id = ObjectId.NewObjectId(), Platform = platform, PlaceId = placeId, CompanyId = companyId, By = by, At = now.UtcDateTime });
        return WatchResult.Added;
    });

    public bool RemoveWatch(string platform, string placeId, string companyId) => store.Run(db =>
        db.GetCollection<WatchDocument>(Watches).DeleteMany(w => w.PlaceId == placeId && w.Platform == platform && w.CompanyId == companyId) > 0);

    public IReadOnlyList<WatchDocument> WatchesOf(string platform, string placeId) => store.Run(db =>
        (IReadOnlyList<WatchDocument>)db.GetCollection<WatchDocument>(Watches).Find(w => w.PlaceId == placeId && w.Platform == platform).OrderBy(w => w.At).ToList());

    /// <summary>Every watch on any of the companies.</summary>
    public IReadOnlyList<WatchDocument> WatchersOf(IReadOnlyCollection<string> companyIds) => store.Run(db =>
    {
        HashSet<string> wanted = [.. companyIds];
        return (IReadOnlyList<WatchDocument>)db.GetCollection<WatchDocument>(Watches).FindAll().Where(w => wanted.Contains(w.CompanyId)).ToList();
    });

    public void AddFeedback(FeedbackDocument feedback) => store.Run(db =>
    {
        feedback.Id = ObjectId.NewObjectId();
        db.GetCollection<FeedbackDocument>(Feedback).Insert(feedback);
        return 0;
    });

    /// <summary>The newest feedback first.</summary>
    public IReadOnlyList<FeedbackDocument> LatestFeedback(int count) => store.Run(db =>
        (IReadOnlyList<FeedbackDocument>)db.GetCollection<FeedbackDocument>(Feedback).Query().OrderByDescending(f => f.At).Limit(count).ToList());

    public void AddAudit(AuditDocument entry) => store.Run(db =>
    {
        entry.Id = ObjectId.NewObjectId();
        db.GetCollection<AuditDocument>(Audit).Insert(entry);
        return 0;
    });

    /// <summary>The newest entries first.</summary>
    public IReadOnlyList<AuditDocument> LatestAudit(int count) => store.Run(db =>
        (IReadOnlyList<AuditDocument>)db.GetCollection<AuditDocument>(Audit).Query().OrderByDescending(a => a.At).Limit(count).ToList());
}
