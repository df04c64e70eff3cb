using System.Collections.Immutable;
using System.Globalization;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Core.Search;

namespace ChatBot.Core.Queries;

/// <summary>
/// Everything one answer needs: the snapshot, today (from the injected clock) and the reply language, plus the
/// shared wording every intent uses. Each template keeps its English and Dutch side by side.
/// </summary>
public sealed class QueryContext
{
    public QueryContext(KnowledgeSnapshot snapshot, DateOnly today, Language language, IEventSearch? search = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot = snapshot;
        Today = today;
        Language = language;
        Search = search;
    }

    /// <summary>The ranked search over the events, if this host has one; without it there is no fallback.</summary>
    public IEventSearch? Search { get; }

    public KnowledgeSnapshot Snapshot { get; }

    public DateOnly Today { get; }

    public Language Language { get; }

    public CultureInfo Culture => Language.Culture();

    public bool Dutch => Language == Language.Dutch;

    /// <summary>Picks the wording of the reply's language.</summary>
    public string L(string english, string dutch) => Dutch ? dutch : english;

    public string Name(string companyId) => Snapshot.FindCompany(companyId)?.Name ?? companyId;

    public string Money(Money money) => Formats.Money(money, Language);

    public string Date(FuzzyDate date) => Formats.Date(date, Language);

    /// <summary>"on 2 Oct 2025", "in Oct 2025", "in 2025"; Dutch "op 2 okt 2025", "in okt 2025".</summary>
    public string OnDate(FuzzyDate date) =>
        (date.Precision == DatePrecision.Day ? L("on ", "op ") : "in ") + Date(date);

    /// <summary>"Reuters" or "The Information (via Techzine)": the outlet a figure comes from.</summary>
    public static string Origin(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Cites is { } cites ? $"{cites} (via {source.Publisher})" : source.Publisher;
    }

    public string Count(int count, string englishNoun, string dutchNoun) => Formats.Count(count, englishNoun, dutchNoun, Language);

    public string Summary(KnowledgeEvent e) => Dutch && !string.IsNullOrWhiteSpace(e.SummaryNl) ? e.SummaryNl : e.Summary;

    /// <summary>"a, b and c" / "a, b en c".</summary>
    public string List(IEnumerable<string> items)
    {
        List<string> list = [.. items];
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + L(" and ", " en ") + list[^1],
        };
    }

    public Badge Badge(KnowledgeEvent e) => Badge(e.Stage, e.Certainty);

    public Badge Badge(Stage stage, Certainty certainty) => new(stage, certainty, StageLabel(stage), CertaintyLabel(certainty));

    public string StageLabel(Stage stage) => stage switch
    {
        Stage.Talks => L("talks", "in gesprek"),
        Stage.Announced => L("announced", "aangekondigd"),
        Stage.Agreed => L("agreed", "overeengekomen"),
        Stage.Completed => L("completed", "afgerond"),
        _ => L("cancelled", "afgeblazen"),
    };

    public string CertaintyLabel(Certainty certainty) => certainty switch
    {
        Certainty.Confirmed => L("confirmed", "bevestigd"),
        Certainty.Reported => L("reported", "gemeld"),
        Certainty.Estimate => L("estimate", "schatting"),
        _ => L("denied", "ontkend"),
    };

    public string TypeLabel(EventType type) => type switch
    {
        EventType.FundingRound => L("funding round", "financieringsronde"),
        EventType.Valuation => L("valuation", "waardering"),
        EventType.Investment => L("investment", "investering"),
        EventType.Acquisition => L("acquisition", "overname"),
        EventType.Merger => L("merger", "fusie"),
        EventType.Divestment => L("divestment", "verkoop"),
        EventType.Partnership => L("partnership", "samenwerking"),
        EventType.CloudDeal => L("cloud deal", "clouddeal"),
        EventType.ChipDeal => L("chip deal", "chipdeal"),
        EventType.Infrastructure => L("infrastructure", "infrastructuur"),
        EventType.Stake => L("stake", "belang"),
        EventType.Financials => L("financials", "cijfers"),
        EventType.IpoPlan => L("IPO plan", "beursplan"),
        _ => L("offer", "bod"),
    };

    public string RoleLabel(Role role) => role switch
    {
        Role.Subject => L("subject", "onderwerp"),
        Role.LeadInvestor => L("lead investor", "hoofdinvesteerder"),
        Role.Investor => L("investor", "investeerder"),
        Role.StrategicInvestor => L("strategic investor", "strategische investeerder"),
        Role.Acquirer => L("acquirer", "koper"),
        Role.Target => L("target", "overgenomen partij"),
        Role.Seller => L("seller", "verkoper"),
        Role.Buyer => L("buyer", "koper"),
        Role.Partner => L("partner", "partner"),
        Role.Provider => L("provider", "leverancier"),
        _ => L("customer", "klant"),
    };

    public string MetricLabel(FinancialMetric metric) => metric switch
    {
        FinancialMetric.Revenue => L("revenue", "omzet"),
        FinancialMetric.RunRate => L("annualised revenue run-rate", "omzet op jaarbasis"),
        FinancialMetric.Spending => L("spending", "uitgaven"),
        FinancialMetric.Loss => L("loss", "verlies"),
        FinancialMetric.Profit => L("profit", "winst"),
        FinancialMetric.CashFlow => L("cash flow", "kasstroom"),
        _ => L("cash burn", "cashverbruik"),
    };

    public static string BasisLabel(ValuationBasis basis) => basis switch
    {
        ValuationBasis.PostMoney => "post-money",
        ValuationBasis.PreMoney => "pre-money",
        _ => string.Empty,
    };

    public string KindLabel(CompanyKind kind) => kind switch
    {
        CompanyKind.AiLab => L("AI lab", "AI-lab"),
        CompanyKind.BigTech => L("big tech", "techreus"),
        CompanyKind.Cloud => L("cloud provider", "cloudaanbieder"),
        CompanyKind.Neocloud => L("AI cloud (neocloud)", "AI-cloud (neocloud)"),
        CompanyKind.Chipmaker => L("chipmaker", "chipmaker"),
        CompanyKind.Investor => L("investor", "investeerder"),
        CompanyKind.Infrastructure => L("infrastructure", "infrastructuur"),
        CompanyKind.Software => L("software", "software"),
        CompanyKind.Telecom => L("telecom", "telecom"),
        CompanyKind.Government => L("government", "overheid"),
        _ => L("company", "bedrijf"),
    };

    /// <summary>"cloud deal · $38 billion · 7 years, until 2032": the figures of an event, for a list line.</summary>
    public string Figures(KnowledgeEvent e)
    {
        List<string> parts = [];
        if (e.Amount is { } amount)
        {
            parts.Add(Money(amount));
        }

        if (e.Valuation is { } valuation)
        {
            parts.Add(L("valuation ", "waardering ") + Money(valuation.Amount) + BasisSuffix(valuation.Basis));
        }

        if (e.Stake is { } stake)
        {
            parts.Add(Formats.Stake(stake, Language));
        }

        parts.AddRange(e.Quantities.Select(q => Formats.Quantity(q, Language)));
        if (e.Term is { } term)
        {
            parts.Add(TermText(term));
        }

        return string.Join(" · ", parts);
    }

    public static string BasisSuffix(ValuationBasis basis) => basis == ValuationBasis.Unspecified ? string.Empty : " " + BasisLabel(basis);

    public string TermText(Term term) => (term.Years, term.Until) switch
    {
        ({ } years, { } until) => L($"{years} years, until {until}", $"{years} jaar, tot {until}"),
        ({ } years, null) => L($"{years} years", $"{years} jaar"),
        (null, { } until) => L($"until {until}", $"tot {until}"),
        _ => string.Empty,
    };

    /// <summary>A list line for an event: "[cloud deal] summary", with its date and badge.</summary>
    public ReplyItem Item(KnowledgeEvent e, string? prefix = null) =>
        new((prefix is null ? string.Empty : prefix + " — ") + Summary(e), Date(e.Date), Badge(e), e.Id);

    /// <summary>The sources of events, newest first, without repeats.</summary>
    public ImmutableArray<SourceRef> Sources(IEnumerable<KnowledgeEvent> events, int max = 6) =>
    [
        .. events.SelectMany(e => e.Sources)
            .DistinctBy(s => (s.Publisher, s.Date, s.Url))
            .Take(max)
            .Select(s => new SourceRef(s.Publisher, Date(s.Date), s.Url, s.Cites, s.Title)),
    ];

    /// <summary>Notes for an event: its own note and any source that reports other figures.</summary>
    public IEnumerable<string> Notes(KnowledgeEvent e)
    {
        foreach (Source source in e.Sources)
        {
            if (source.Reports is not { } report)
            {
                continue;
            }

            string? figure = report.Valuation is { } v ? L("a valuation of ", "een waardering van ") + Money(v)
                : report.Amount is { } a ? Money(a)
                : report.Stake is { } s ? Formats.Stake(s, Language)
                : null;
            if (figure is not null)
            {
                yield return L($"Sources differ: {source.Publisher} reports {figure}.", $"Bronnen verschillen: {source.Publisher} meldt {figure}.");
            }
        }

        if (!string.IsNullOrWhiteSpace(e.Note))
        {
            yield return e.Note;
        }
    }

    /// <summary>The longest a note is shown under an answer; the rest is one follow-up away ("tell me more").</summary>
    public const int NoteLength = 300;

    /// <summary>An event's notes cut to <see cref="NoteLength"/>, and whether any was cut.</summary>
    public (ImmutableArray<string> Notes, bool Cut) ShortNotes(KnowledgeEvent e)
    {
        ImmutableArray<string> all = [.. Notes(e)];
        return ([.. all.Select(n => Formats.Shorten(n, NoteLength))], all.Any(n => n.Length > NoteLength));
    }

    /// <summary>The follow-up that shows a cut note whole.</summary>
    public string MoreSuggestion => L("tell me more", "vertel meer");

    /// <summary>"Knowledge as of 17 Dec 2025 (11 months ago) · revision 3".</summary>
    public string AsOf()
    {
        RevisionInfo revision = Snapshot.Revision;
        string revisionText = revision.Number > 0 ? L($" · revision {revision.Number}", $" · revisie {revision.Number}") : string.Empty;
        if (Snapshot.NewestEventDate is not { } newest)
        {
            return L("The knowledge is empty", "De kennisbank is leeg") + revisionText;
        }

        string ago = Formats.Ago(newest.Start, Today, Language);
        return L($"Knowledge as of {Date(newest)} ({ago})", $"Kennis bijgewerkt tot {Date(newest)} ({ago})") + revisionText;
    }

    /// <summary>A reply with the as-of line filled in.</summary>
    public Reply Reply(ReplyKind kind, string title, string answer) => new(kind, Language, title, answer) { AsOf = AsOf() };
}
