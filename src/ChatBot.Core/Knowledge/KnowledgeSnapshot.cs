using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// An immutable, indexed view of one knowledge revision: companies by id and name, events by id, by company and by
/// date (with their types, for range scans). Built once per revision and swapped whole, so readers never lock and never see half a revision.
/// </summary>
/// <threadsafety>Immutable; safe to share between any number of threads.</threadsafety>
public sealed class KnowledgeSnapshot
{
    private static readonly ImmutableArray<KnowledgeEvent> NoEvents = [];

    // Plain dictionaries, never mutated after construction: building frozen ones for 100,000 events costs more
    // at every restart than they save per lookup.
    private readonly Dictionary<string, Company> _companies;
    private readonly Dictionary<string, KnowledgeEvent> _events;
    private readonly Dictionary<string, ImmutableArray<KnowledgeEvent>> _byCompany;

    public KnowledgeSnapshot(KnowledgeContent content, RevisionInfo revision)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(revision);
        Content = content;
        Revision = revision;
        _companies = content.Companies.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _events = content.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Directory = new CompanyDirectory(content.Companies);

        EventsNewestFirst = [.. content.Events.OrderByDescending(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal)];
        Dictionary<string, ImmutableArray<KnowledgeEvent>.Builder> byCompany = new(StringComparer.Ordinal);
        foreach (KnowledgeEvent e in EventsNewestFirst)
        {
            foreach (Party party in e.Parties)
            {
                if (!byCompany.TryGetValue(party.CompanyId, out ImmutableArray<KnowledgeEvent>.Builder? list))
                {
                    byCompany[party.CompanyId] = list = ImmutableArray.CreateBuilder<KnowledgeEvent>();
                }

                if (list.Count == 0 || !ReferenceEquals(list[^1], e))
                {
                    list.Add(e);
                }
            }
        }

        _byCompany = byCompany.ToDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
        NewestEventDate = EventsNewestFirst.IsEmpty ? null : EventsNewestFirst[0].Date;
        _newestFirstDays = [.. EventsNewestFirst.Select(e => e.Date.Start.DayNumber)];
        _newestFirstTypes = [.. EventsNewestFirst.Select(e => e.Type)];
        SourceCount = content.Events.Sum(e => e.Sources.Length);
        _words = new Lazy<HashSet<string>>(() => WordsOf(content.Events), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<HashSet<string>> _words;

    /// <summary>
    /// Whether the events' summaries, notes, participants or round names use a word (compared folded: lower case, no
    /// diacritics): a name found there ("Michigan", "Rainier") is a topic, not a company we do not know. The word list
    /// is built the first time it is asked for, so a question without an unknown name never pays for it.
    /// </summary>
    public bool UsesWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _words.Value.Contains(Fold(word));
    }

    /// <summary>Lower case without diacritics: how <see cref="UsesWord"/> compares words.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder builder = new(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static HashSet<string> WordsOf(IEnumerable<KnowledgeEvent> events)
    {
        HashSet<string> words = new(StringComparer.Ordinal);
        char[] separators = [' ', ',', '.', ';', ':', '(', ')', '"', '\'', '’', '/', '$', '€', '-', '!', '?'];
        foreach (KnowledgeEvent e in events)
        {
            foreach (string? text in (ReadOnlySpan<string?>)[e.Summary, e.SummaryNl, e.Note, e.Round?.Name, string.Join(' ', e.Others)])
            {
                if (text is null)
                {
                    continue;
                }

                foreach (string word in Fold(text).Split(separators, StringSplitOptions.RemoveEmptyEntries))
                {
                    words.Add(word);
                }
            }
        }

        return words;
    }

    // The day and type of every event, newest first, side by side in flat arrays: scanning a date range of a large
    // knowledge set reads these instead of touching every event object.
    private readonly int[] _newestFirstDays;
    private readonly EventType[] _newestFirstTypes;

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

    /// <summary>
    /// Events of the wanted types in a date range, newest first: the first <paramref name="max"/> of them and how many
    /// there are in all.
    /// </summary>
    public (List<KnowledgeEvent> First, int Total) InRange(DateOnly from, DateOnly to, ReadOnlySpan<bool> wantedTypes, int max)
    {
        List<KnowledgeEvent> first = [];
        int total = 0;
        int fromDay = from.DayNumber;
        for (int i = FirstOnOrBefore(EventsNewestFirst, to); i < _newestFirstDays.Length && _newestFirstDays[i] >= fromDay; i++)
        {
            if (wantedTypes[(int)_newestFirstTypes[i]] && total++ < max)
            {
                first.Add(EventsNewestFirst[i]);
            }
        }

        return (first, total);
    }

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
