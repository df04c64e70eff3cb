using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;

namespace ChatBot.Knowledge.Tests.Store;

public class KnowledgeBinaryTests
{
    [Fact]
    public void Events_RoundTripEveryField()
    {
        KnowledgeEvent e = Some.Event("round", "2025-Q3", valuation: "300 billion USD", amount: "3.7-4 billion USD", investor: "bank") with
        {
            Announced = FuzzyDate.OfMonth(2025, 7),
            Closed = FuzzyDate.OfDay(new DateOnly(2025, 9, 1)),
            Others = ["Jane Street", "Bessemer"],
            Valuation = new Valuation(Some.Money("300 billion USD"), ValuationBasis.PostMoney),
            Round = new Round(RoundKind.Secondary, "Series E"),
            Stake = new Stake(27m, Qualifier.About),
            Quantities = [new Quantity(4.5m, "GW"), new Quantity(1_000_000m, "TPUs", Qualifier.UpTo)],
            Period = new Period(2025, PeriodKind.FiscalYear),
            Financials = [new FinancialFigure(FinancialMetric.Loss, Some.Money("about 5 billion USD"))],
            Term = new Term(7, 2032),
            SummaryNl = "Een ronde.",
            Note = "A note.",
            Sources = [new Source("Techzine", FuzzyDate.OfDay(new DateOnly(2025, 12, 17)), "https://www.techzine.nl/x", "Reuters", "Title", new SourceReport(Valuation: Some.Money("45 billion USD")))],
            Parties = [new Party("acme", Role.Subject), new Party("bank", Role.LeadInvestor, Some.Money("30 billion USD"), new Stake(10m), new Valuation(Some.Money("1 trillion USD")))],
        };

        KnowledgeEvent back = Assert.Single(KnowledgeBinary.ReadEvents(KnowledgeBinary.Write([e])));

        Assert.Equal(e with { Parties = [], Sources = [], Others = [], Quantities = [], Financials = [] }, back with { Parties = [], Sources = [], Others = [], Quantities = [], Financials = [] });
        Assert.Equal(e.Parties, back.Parties);
        Assert.Equal(e.Sources, back.Sources);
        Assert.Equal(e.Others, back.Others);
        Assert.Equal(e.Quantities, back.Quantities);
        Assert.Equal(e.Financials, back.Financials);
    }

    [Fact]
    public void Companies_RoundTripEveryField()
    {
        Company company = new("openai", "OpenAI", ["Open AI"], CompanyKind.AiLab, 2015, "San Francisco", "https://openai.com", "X:Y", "parent", "Maker.", "Maker (nl).");

        Company back = Assert.Single(KnowledgeBinary.ReadCompanies(KnowledgeBinary.Write([company])));

        Assert.Equal(company with { Aliases = [] }, back with { Aliases = [] });
        Assert.Equal(company.Aliases, back.Aliases);
    }

    [Fact]
    public void Hash_IsTheSameForEqualNumbersWrittenDifferently()
    {
        static string HashOf(string amount) =>
            CanonicalKnowledge.Of(new KnowledgeContent(Some.Companies("acme"), [Some.Event("e", "2025", amount: amount)])).Hash;

        Assert.Equal(HashOf("40 billion USD"), HashOf("40.0 billion USD"));
        Assert.Equal(HashOf("40 billion USD"), HashOf("40000 million USD"));
        Assert.NotEqual(HashOf("40 billion USD"), HashOf("about 40 billion USD"));
    }

    [Fact]
    public void ShippedKnowledge_RoundTripsToTheSameHash()
    {
        KnowledgeContentResult shipped = Repository.ShippedKnowledge.Content!;
        KnowledgeContent back = new(
            KnowledgeBinary.ReadCompanies(shipped.Canonical.Companies),
            [.. shipped.Canonical.EventChunks.SelectMany(chunk => KnowledgeBinary.ReadEvents(chunk))]);

        Assert.Equal(shipped.ContentHash, CanonicalKnowledge.Of(back).Hash);
    }

    [Fact]
    public void Read_AnotherVersion_IsRefused() =>
        Assert.Throws<InvalidDataException>(() => KnowledgeBinary.ReadEvents([99, 0]));
}
