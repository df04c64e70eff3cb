using System.Collections.Frozen;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Queries;

/// <summary>
/// How much an event matters, for ranking capped lists: its size, then how far it got, then how recent it is.
/// Sizes in other currencies are scaled by a rough rate for ordering only; no converted figure is ever shown.
/// </summary>
public static class Significance
{
    // Rough US-dollar rates, for putting events in order only: never shown, never added up.
    private static readonly FrozenDictionary<string, decimal> OrderingRates = new Dictionary<string, decimal>
    {
        ["USD"] = 1m,
        ["EUR"] = 1.1m,
        ["GBP"] = 1.25m,
        ["CHF"] = 1.1m,
        ["CAD"] = 0.73m,
        ["JPY"] = 0.0067m,
        ["CNY"] = 0.14m,
        ["INR"] = 0.012m,
        ["KRW"] = 0.00073m,
        ["AED"] = 0.27m,
        ["SAR"] = 0.27m,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The size of an event for ordering: its amount, else the largest party amount, else its valuation; 0 when none.</summary>
    public static decimal Size(KnowledgeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Amount is { } amount)
        {
            return Scaled(amount);
        }

        decimal parties = 0m;
        foreach (Party party in e.Parties)
        {
            if (party.Amount is { } own)
            {
                parties = Math.Max(parties, Scaled(own));
            }
        }

        if (parties > 0m)
        {
            return parties;
        }

        return e.Financials.Length > 0 ? e.Financials.Max(f => Scaled(f.Amount)) : 0m;
    }

    /// <summary>How far a deal got, for ordering: completed first, cancelled last.</summary>
    public static int StageRank(Stage stage) => stage switch
    {
        Stage.Completed => 4,
        Stage.Agreed => 3,
        Stage.Announced => 2,
        Stage.Talks => 1,
        _ => 0,
    };

    /// <summary>Whether an event stands: not cancelled, not denied.</summary>
    public static bool Stands(KnowledgeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Stage != Stage.Cancelled && e.Certainty != Certainty.Denied;
    }

    /// <summary>Events by significance: size, then stage (denied and cancelled last), then newest first.</summary>
    public static IEnumerable<KnowledgeEvent> Rank(IEnumerable<KnowledgeEvent> events) => events.OrderBy(e => new Key(e));

    /// <summary>
    /// The first <paramref name="count"/> events in <see cref="Rank"/>'s order, without sorting them all: a capped list of
    /// thousands of events in a year keeps only its top few.
    /// </summary>
    public static List<KnowledgeEvent> Top(IReadOnlyList<KnowledgeEvent> events, int count)
    {
        ArgumentNullException.ThrowIfNull(events);
        List<(Key Key, KnowledgeEvent Event)> top = new(count + 1);
        foreach (KnowledgeEvent e in events)
        {
            Key key = new(e);
            if (top.Count == count && key.CompareTo(top[^1].Key) >= 0)
            {
                continue;
            }

            int at = top.Count;
            while (at > 0 && key.CompareTo(top[at - 1].Key) < 0)
            {
                at--;
            }

            top.Insert(at, (key, e));
            if (top.Count > count)
            {
                top.RemoveAt(top.Count - 1);
            }
        }

        return [.. top.Select(t => t.Event)];
    }

    /// <summary>The ranking key of <see cref="Rank"/>: smaller sorts first.</summary>
    private readonly struct Key(KnowledgeEvent e) : IComparable<Key>
    {
        private readonly bool _stands = Stands(e);
        private readonly decimal _size = Size(e);
        private readonly int _stage = StageRank(e.Stage);
        private readonly FuzzyDate _date = e.Date;
        private readonly string _id = e.Id;

        public int CompareTo(Key other)
        {
            int c = other._stands.CompareTo(_stands);
            c = c != 0 ? c : other._size.CompareTo(_size);
            c = c != 0 ? c : other._stage.CompareTo(_stage);
            c = c != 0 ? c : other._date.CompareTo(_date);
            return c != 0 ? c : string.CompareOrdinal(_id, other._id);
        }
    }

    /// <summary>An amount scaled to rough US dollars, for putting figures in order only.</summary>
    public static decimal Scaled(Money money) => money.Amount * OrderingRates.GetValueOrDefault(money.Currency, 1m);
}
