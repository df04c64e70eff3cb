using System.Collections.Immutable;
using System.Globalization;

namespace ChatBot.Core.Knowledge;

/// <summary>A company the bot knows. Immutable.</summary>
public sealed record Company(
    string Id,
    string Name,
    ImmutableArray<string> Aliases,
    CompanyKind Kind,
    int? Founded = null,
    string? Headquarters = null,
    string? Website = null,
    string? Ticker = null,
    string? ParentId = null,
    string? Description = null,
    string? DescriptionNl = null);

/// <summary>A valuation and whether it counts the new money. Immutable.</summary>
public sealed record Valuation(Money Amount, ValuationBasis Basis = ValuationBasis.Unspecified);

/// <summary>A funding round: new money or a secondary sale, with its name (Series E). Immutable.</summary>
public sealed record Round(RoundKind Kind, string? Name = null);

/// <summary>A company's part in an event, with the figures that are its own. Immutable.</summary>
public sealed record Party(string CompanyId, Role Role, Money? Amount = null, Stake? Stake = null, Valuation? Valuation = null);

/// <summary>The period financial figures cover.</summary>
public enum PeriodKind
{
    CalendarYear,
    FiscalYear,
    Half,
    Quarter,
}

/// <summary>A calendar or fiscal period: <c>2024</c>, <c>FY2025</c>, <c>2025-H1</c>, <c>2025-Q3</c>. Immutable.</summary>
public readonly record struct Period(int Year, PeriodKind Kind, int Part = 0)
{
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        string s = text?.Trim() ?? string.Empty;
        if (s.StartsWith("FY", StringComparison.OrdinalIgnoreCase) && s.Length == 6
            && int.TryParse(s.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out int fiscal))
        {
            period = new Period(fiscal, PeriodKind.FiscalYear);
            return true;
        }

        if (!FuzzyDate.TryParse(s, out FuzzyDate date))
        {
            return false;
        }

        period = date.Precision switch
        {
            DatePrecision.Year => new Period(date.Year, PeriodKind.CalendarYear),
            DatePrecision.Half => new Period(date.Year, PeriodKind.Half, date.Start.Month == 1 ? 1 : 2),
            DatePrecision.Quarter => new Period(date.Year, PeriodKind.Quarter, ((date.Start.Month - 1) / 3) + 1),
            _ => default,
        };
        return period.Year != 0;
    }

    public override string ToString() => Kind switch
    {
        PeriodKind.FiscalYear => $"FY{Year:D4}",
        PeriodKind.Half => $"{Year:D4}-H{Part}",
        PeriodKind.Quarter => $"{Year:D4}-Q{Part}",
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}

/// <summary>How long a deal runs: a number of years, an end year, or both. Immutable.</summary>
public sealed record Term(int? Years, int? Until);

/// <summary>One financial figure of a period. Immutable.</summary>
public sealed record FinancialFigure(FinancialMetric Metric, Money Amount);

/// <summary>What a dissenting source reports where it differs from the event's figures. Immutable.</summary>
public sealed record SourceReport(Money? Amount = null, Money? Valuation = null, Stake? Stake = null);

/// <summary>Where a fact comes from: the original outlet, its date, and whom it cites. Immutable.</summary>
public sealed record Source(
    string Publisher,
    FuzzyDate Date,
    string? Url = null,
    string? Cites = null,
    string? Title = null,
    SourceReport? Reports = null);

/// <summary>
/// One dated fact: a round, a deal, a stake, a set of figures. Stage (how far it got) and certainty (how sure we
/// are) are separate closed sets, so a reported deal in talks can never read as done. Immutable.
/// </summary>
public sealed record KnowledgeEvent(
    string Id,
    EventType Type,
    FuzzyDate Date,
    Stage Stage,
    Certainty Certainty,
    ImmutableArray<Party> Parties,
    string Summary,
    ImmutableArray<Source> Sources)
{
    public FuzzyDate? Announced { get; init; }

    public FuzzyDate? Closed { get; init; }

    public ImmutableArray<string> Others { get; init => field = value.IsDefault ? [] : value; } = [];

    public Money? Amount { get; init; }

    public Valuation? Valuation { get; init; }

    public Round? Round { get; init; }

    public Stake? Stake { get; init; }

    public ImmutableArray<Quantity> Quantities { get; init => field = value.IsDefault ? [] : value; } = [];

    public Period? Period { get; init; }

    public ImmutableArray<FinancialFigure> Financials { get; init => field = value.IsDefault ? [] : value; } = [];

    public Term? Term { get; init; }

    public string? SummaryNl { get; init; }

    public string? Note { get; init; }

    /// <summary>The party that is the event's subject, if one is marked.</summary>
    public Party? Subject => Parties.FirstOrDefault(p => p.Role == Role.Subject);

    /// <summary>Whether the company takes part in the event, in any role.</summary>
    public bool Involves(string companyId) => Parties.Any(p => p.CompanyId == companyId);

    /// <summary>The role of a company in the event, if it takes part.</summary>
    public Role? RoleOf(string companyId)
    {
        foreach (Party party in Parties)
        {
            if (party.CompanyId == companyId)
            {
                return party.Role;
            }
        }

        return null;
    }
}

/// <summary>The parsed content of a knowledge revision: companies and events, in file order. Immutable.</summary>
public sealed record KnowledgeContent(ImmutableArray<Company> Companies, ImmutableArray<KnowledgeEvent> Events);

/// <summary>Which stored revision a snapshot was built from. Immutable.</summary>
/// <param name="Number">The revision number, counting from 1; 0 for content that was never stored.</param>
/// <param name="ContentHash">Hash of the canonical content (comments and formatting do not count).</param>
/// <param name="ImportedAt">When the revision was imported.</param>
public sealed record RevisionInfo(int Number, string ContentHash, DateTimeOffset ImportedAt)
{
    /// <summary>Whether an admin rolled back to this revision: it is served, though newer ones exist, until the files change.</summary>
    public bool RolledBack { get; init; }
}
