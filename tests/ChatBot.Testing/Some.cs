using System.Collections.Immutable;
using ChatBot.Core.Knowledge;

namespace ChatBot.Testing;

/// <summary>Builders for knowledge records with sensible defaults: state only what a test is about.</summary>
public static class Some
{
    public static Company Company(string id, string? name = null, params string[] aliases) =>
        new(id, name ?? id, [.. aliases], CompanyKind.AiLab);

    public static Source Source(string publisher = "Reuters", string date = "2025-01-01") =>
        new(publisher, FuzzyDate.TryParse(date, out FuzzyDate d) ? d : throw new ArgumentException("bad date", nameof(date)));

    public static KnowledgeEvent Event(
        string id,
        string date,
        EventType type = EventType.FundingRound,
        Stage stage = Stage.Completed,
        Certainty certainty = Certainty.Confirmed,
        string? subject = "acme",
        string? investor = null,
        string? valuation = null,
        string? amount = null)
    {
        List<Party> parties = [];
        if (subject is not null)
        {
            parties.Add(new Party(subject, Role.Subject));
        }

        if (investor is not null)
        {
            parties.Add(new Party(investor, Role.LeadInvestor));
        }

        return new KnowledgeEvent(
            id,
            type,
            FuzzyDate.TryParse(date, out FuzzyDate d) ? d : throw new ArgumentException("bad date", nameof(date)),
            stage,
            certainty,
            [.. parties],
            $"Summary of {id}.",
            [Source(date: date)])
        {
            Valuation = valuation is null ? null : new Valuation(Money(valuation)),
            Amount = amount is null ? null : Money(amount),
        };
    }

    public static Money Money(string text) =>
        ChatBot.Core.Knowledge.Money.TryParse(text, out Money money, out string error) ? money : throw new ArgumentException(error, nameof(text));

    public static KnowledgeSnapshot Snapshot(IEnumerable<Company> companies, IEnumerable<KnowledgeEvent> events, int revision = 1) =>
        new(new KnowledgeContent([.. companies], [.. events]), new RevisionInfo(revision, "0123456789abcdef", new DateTimeOffset(2025, 12, 18, 9, 0, 0, TimeSpan.Zero)));

    public static ImmutableArray<Company> Companies(params string[] ids) => [.. ids.Select(id => Company(id))];
}
