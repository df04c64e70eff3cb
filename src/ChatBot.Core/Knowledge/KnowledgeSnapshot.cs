using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// An immutable, indexed view of one knowledge revision: companies by id and name, events by company, by type
/// and by date. Built once per revision and swapped whole, so readers never lock and never see half a revision.
/// </summary>
/// <threadsafety>Immutable; safe to share between any number of threads.</threadsafety>
public sealed class KnowledgeSnapshot
{
    private static readonly ImmutableArray<KnowledgeEvent> NoEvents = [];

    private readonly FrozenDictionary<string, Company> _companies;
    private readonly FrozenDictionary<string, KnowledgeEvent> _events;
    private readonly FrozenDictionary<string, ImmutableArray<KnowledgeEvent>> _byCompany;
    private readonly FrozenDictionary<EventType, ImmutableArray<KnowledgeEvent>> _byType;

    public KnowledgeSnapshot(KnowledgeContent content, RevisionInfo revision)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(revision);
        Content = content;
        Revision = revision;
        _companies = content.Companies.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        _events = content.Events.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        Directory = new CompanyDirectory(content.Companies);

        EventsNewestFirst = [.. content.Events.OrderByDescending(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal)];
        _byCompany = EventsNewestFirst
            .SelectMany(e => e.Parties.Select(p => p.CompanyId).Distinct(StringComparer.Ordinal).Select(id => (id, e)))
            .GroupBy(x => x.id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.e).ToImmutableArray(), StringComparer.Ordinal);
        _byType = EventsNewestFirst
            .GroupBy(e => e.Type)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        NewestEventDate = EventsNewestFirst.IsEmpty ? null : EventsNewestFirst[0].Date;
        SourceCount = content.Events.Sum(e => e.Sources.Length);
    }

    public KnowledgeContent Content { get; }

    public RevisionInfo Revision { get; }

    public CompanyDirectory Directory { get; }

    /// <summary>Every event, newest first (ties by id).</summary>
    public ImmutableArray<KnowledgeEvent> EventsNewestFirst { get; }

    /// <summary>The date of the newest event: what the knowledge is valid as of.</summary>
    public FuzzyDate? NewestEventDate { get; }

    public int CompanyCount => _companies.Count;

    public int EventCount => _events.Count;

    public int SourceCount { get; }

    public Company? FindCompany(string id) => _companies.GetValueOrDefault(id);

    /// <summary>The company with this id; a missing id is a programmer error (snapshots are validated).</summary>
    public Company GetCompany(string id) => _companies[id];

    public KnowledgeEvent? FindEvent(string id) => _events.GetValueOrDefault(id);

    /// <summary>Events a company takes part in, in any role, newest first.</summary>
    public ImmutableArray<KnowledgeEvent> EventsOf(string companyId) =>
        _byCompany.TryGetValue(companyId, out ImmutableArray<KnowledgeEvent> events) ? events : NoEvents;

    /// <summary>Events of one type, newest first.</summary>
    public ImmutableArray<KnowledgeEvent> EventsOfType(EventType type) =>
        _byType.TryGetValue(type, out ImmutableArray<KnowledgeEvent> events) ? events : NoEvents;

    /// <summary>The index of the first event, in a newest-first list, that happened on or before a day (binary search).</summary>
    public static int FirstOnOrBefore(ImmutableArray<KnowledgeEvent> newestFirst, DateOnly day)
    {
        int low = 0;
        int high = newestFirst.Length;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (newestFirst[middle].Date.Start > day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>An empty snapshot, for a bot that has no knowledge yet.</summary>
    public static KnowledgeSnapshot Empty { get; } =
        new(new KnowledgeContent([], []), new RevisionInfo(0, string.Empty, DateTimeOffset.UnixEpoch));
}

/// <summary>The port through which the core reads the current snapshot; implemented outside the core.</summary>
public interface IKnowledgeSnapshotSource
{
    /// <summary>The snapshot to answer the next question from. Never null.</summary>
    KnowledgeSnapshot Current { get; }
}
