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
    public static IEnumerable<KnowledgeEvent> Rank(IEnumerable<KnowledgeEvent> events) =>
        events.OrderByDescending(Stands)
            .ThenByDescending(Size)
            .ThenByDescending(e => StageRank(e.Stage))
            .ThenByDescending(e => e.Date)
            .ThenBy(e => e.Id, StringComparer.Ordinal);

    private static decimal Scaled(Money money) => money.Amount * OrderingRates.GetValueOrDefault(money.Currency, 1m);
}
