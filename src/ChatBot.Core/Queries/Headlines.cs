using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Queries;

/// <summary>What a yes/no question gets first.</summary>
public enum Verdict
{
    Yes,
    No,

    /// <summary>It happened or was agreed, and was later dropped.</summary>
    NotAnyMore,

    /// <summary>Only talks, an announcement or an offer: nothing done yet.</summary>
    NotYet,

    /// <summary>The figure asked about was replaced by a smaller one.</summary>
    Replaced,
}

/// <summary>
/// The first sentence of an answer about a fact: the attribute asked for up front, the fact as the curators wrote it,
/// and its date, stage and certainty — "Nvidia licensed Groq's technology … (24 Dec 2025 · agreed · confirmed)."
/// </summary>
public static partial class Headlines
{
    /// <summary>"(24 Dec 2025 · agreed · confirmed)".</summary>
    public static string Badge(KnowledgeEvent e, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(q);
        return $"({q.Date(e.Date)} · {q.StageLabel(e.Stage)} · {q.CertaintyLabel(e.Certainty)})";
    }

    /// <summary>
    /// The event's summary with its badge, and the figures the summary leaves out: "Summary (date · stage · certainty)."
    /// or "Summary (Jan 2015 · about $350 million · completed · confirmed)."
    /// </summary>
    public static string Fact(KnowledgeEvent e, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(q);
        string summary = q.Summary(e).TrimEnd().TrimEnd('.');
        List<string> parts = [q.Date(e.Date)];
        if (e.Amount is { } amount && !Says(summary, amount, q))
        {
            parts.Add(q.Money(amount));
        }

        if (e.Term is { } term && !(term.Until is { } until && summary.Contains(until.ToString(q.Culture), StringComparison.Ordinal)))
        {
            parts.Add(q.TermText(term));
        }

        parts.Add(q.StageLabel(e.Stage));
        parts.Add(q.CertaintyLabel(e.Certainty));
        return $"{summary} ({string.Join(" · ", parts)}).";
    }

    /// <summary>Words with which a curator records that something ended: "stopped being", "no longer", "niet langer".</summary>
    private static readonly string[] EndingWords =
    [
        "stopped", "no longer", "ended", "non-exclusive", "dropped", "sold its entire", "exited", "pulled out", "will not", "called off",
        "niet langer", "stopte", "beëindigd", "afgeblazen", "volledige belang", "zag af", "zagen af", "trok zich terug", "niet meer", "niet-exclusief",
    ];

    /// <summary>
    /// Whether a fact records that something ended for the company: a sale of its whole stake, words that say so, or a
    /// time limit already past ("exclusively from 2019 until January 2025").
    /// </summary>
    public static bool Ends(KnowledgeEvent e, string companyId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Type == EventType.Divestment && e.RoleOf(companyId) == Role.Seller)
        {
            return true;
        }

        string text = e.Summary + " " + e.SummaryNl;
        if (EndingWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (Match until in UntilPattern().Matches(text))
        {
            int year = int.Parse(until.Groups["year"].Value, CultureInfo.InvariantCulture);
            int month = until.Groups["month"].Success ? MonthOf(until.Groups["month"].Value) : 12;
            if (new DateOnly(year, month, 1).AddMonths(1) <= today)
            {
                return true;
            }
        }

        return false;
    }

    private static int MonthOf(string name) => name.ToLowerInvariant()[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" or "maa" => 3,
        "apr" => 4,
        "may" or "mei" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" or "okt" => 10,
        "nov" => 11,
        _ => 12,
    };

    [GeneratedRegex(@"\b(?:until|till|tot)\s+(?:(?<month>jan\w*|feb\w*|mar\w*|maart|apr\w*|may|mei|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|okt\w*|nov\w*|dec\w*)\s+)?(?<year>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UntilPattern();

    /// <summary>A sentence begins with a capital, whatever was put before the fact ("about $10 billion: …" → "About $10 billion: …").</summary>
    public static string Sentence(string text, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(q);
        return text.Length == 0 ? text : char.ToUpper(text[0], q.Culture) + text[1..];
    }

    /// <summary>Whether a summary already gives a figure, with or without its "about" or "up to".</summary>
    public static bool Says(string summary, Money money, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(q);
        return summary.Contains(q.Money(money), StringComparison.Ordinal)
            || summary.Contains(Formats.Money(money with { Qualifier = Qualifier.Exact }, q.Language), StringComparison.Ordinal);
    }

    /// <summary>"Yes — ", "No, not yet — ", "Not any more — "; Dutch "Ja — ", "Nee, nog niet — ", "Niet meer — ".</summary>
    public static string Lead(Verdict verdict, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return verdict switch
        {
            Verdict.Yes => q.L("Yes — ", "Ja — "),
            Verdict.No => q.L("No — ", "Nee — "),
            Verdict.NotAnyMore => q.L("Not any more — ", "Niet meer — "),
            Verdict.NotYet => q.L("No, not yet — ", "Nee, nog niet — "),
            _ => q.L("No, not as planned — ", "Nee, niet zoals gepland — "),
        };
    }

    /// <summary>
    /// What the question asked for, before the fact, when the fact's own words may not carry it: "Led by GIC and Coatue —",
    /// "On 18 Nov 2025:", "7 years, until 2032 —", "Microsoft holds about 27% of OpenAI —". Empty when the summary says it.
    /// </summary>
    public static string Asked(Facet facet, KnowledgeEvent e, string? actorId, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(q);
        string summary = q.Summary(e);
        switch (facet)
        {
            case Facet.Date:
                return Sentence(q.OnDate(e.Date), q) + ": ";
            case Facet.Term:
                return e.Term is { } term
                    ? q.L("Term: ", "Looptijd: ") + q.TermText(term) + " — "
                    : q.L("We have no end date for it — ", "We hebben er geen einddatum van — ");
            case Facet.Lead:
                string[] leads = [.. e.Parties.Where(p => p.Role == Role.LeadInvestor).Select(p => q.Name(p.CompanyId))];
                return leads.Length > 0
                    ? q.L("Led by ", "Onder leiding van ") + q.List(leads) + " — "
                    : q.L("We have no lead investor for it — ", "We kennen er geen hoofdinvesteerder van — ");
            case Facet.Stake:
                Stake? stake = actorId is null ? e.Stake : Roles.StakeOf(e, actorId) ?? e.Stake;
                if (stake is { } s && actorId is not null && e.Subject is { } subject && subject.CompanyId != actorId)
                {
                    string percent = Formats.Stake(s, q.Language);
                    return summary.Contains(percent, StringComparison.Ordinal) ? string.Empty : q.L($"{q.Name(actorId)}: {percent} of {q.Name(subject.CompanyId)} — ", $"{q.Name(actorId)}: {percent} van {q.Name(subject.CompanyId)} — ");
                }

                return string.Empty;
            case Facet.Valuation when e.Valuation is { } valuation:
                string money = q.Money(valuation.Amount);
                return summary.Contains(money, StringComparison.Ordinal) ? string.Empty : q.L($"Valuation {money} — ", $"Waardering {money} — ");
            case Facet.Amount or Facet.Price when actorId is not null && Roles.OnlyPayer(e) != actorId && Roles.AmountOf(e, actorId) is { } own:
                // "How much did Microsoft invest in Anthropic?" of a deal with several payers: Microsoft's own figure first.
                return $"{q.Name(actorId)}: {q.Money(own)} — ";
            case Facet.Amount or Facet.Price or Facet.None:
                Money? amount = actorId is null ? e.Amount : Roles.AmountOf(e, actorId) ?? e.Amount;
                if (amount is { } m)
                {
                    return Says(summary, m, q) ? string.Empty : q.Money(m) + ": ";
                }

                return facet == Facet.None ? string.Empty : q.L("No amount is known — ", "Er is geen bedrag bekend — ");
            case Facet.Quantity:
                string[] quantities = [.. e.Quantities.Select(x => Formats.Quantity(x, q.Language))];
                return quantities.Length == 0 || quantities.Any(x => summary.Contains(x, StringComparison.Ordinal)) ? string.Empty : string.Join(", ", quantities) + " — ";
            case Facet.Stage:
                return Sentence(q.StageLabel(e.Stage), q) + ", " + q.CertaintyLabel(e.Certainty) + " — ";
            default:
                return string.Empty;
        }
    }
}
