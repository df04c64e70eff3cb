using ChatBot.Core.Commands;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Queries;
using ChatBot.Core.Replies;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Queries;

public class ValuationQueryTests
{
    private static readonly DateOnly Today = new(2026, 1, 10);

    private static Reply Ask(KnowledgeSnapshot snapshot, string companyId = "acme", Language language = Language.English) =>
        ValuationQuery.Answer(new ValuationCommand(new CompanyArg(companyId, companyId)), new QueryContext(snapshot, Today, language));

    [Fact]
    public void Answer_HeadlineIsTheLatestConfirmed_NewerReportsListedUnderIt()
    {
        KnowledgeSnapshot snapshot = Some.Snapshot(Some.Companies("acme", "bank"),
        [
            Some.Event("round-2024", "2024-05-01", valuation: "10 billion USD", amount: "1 billion USD", investor: "bank"),
            Some.Event("round-2025", "2025-03-01", valuation: "20 billion USD", amount: "2 billion USD", investor: "bank"),
            Some.Event("talks-2025", "2025-11-01", EventType.Valuation, Stage.Talks, Certainty.Reported, valuation: "more than 40 billion USD"),
        ]);

        Reply reply = Ask(snapshot);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.StartsWith("acme was last valued at $20 billion on 1 Mar 2025, set by a $2 billion funding round led by bank.", reply.Answer, StringComparison.Ordinal);
        Assert.Contains("A newer report puts it at more than $40 billion (talks, reported).", reply.Answer, StringComparison.Ordinal);
        Assert.Equal(new Badge(Stage.Completed, Certainty.Confirmed, "completed", "confirmed"), reply.Badge);
        ReplySection newer = Assert.Single(reply.Sections, s => s.Title.StartsWith("Newer", StringComparison.Ordinal));
        Assert.Equal("talks-2025", Assert.Single(newer.Items).EventId);
        Assert.Equal("reported", newer.Items[0].Badge!.CertaintyLabel);
        ReplySection history = Assert.Single(reply.Sections, s => s.Title == "History");
        Assert.Equal("round-2024", Assert.Single(history.Items).EventId);
    }

    [Theory]
    [InlineData(Stage.Talks, Certainty.Confirmed, "a confirmed valuation still in talks is not a headline")]
    [InlineData(Stage.Completed, Certainty.Reported, "a reported figure is not a headline")]
    [InlineData(Stage.Completed, Certainty.Estimate, "an estimate is not a headline")]
    [InlineData(Stage.Cancelled, Certainty.Confirmed, "a cancelled round is not a headline")]
    public void Answer_NoConfirmedValuation_SaysSoAndShowsTheLatestReport(Stage stage, Certainty certainty, string why)
    {
        KnowledgeSnapshot snapshot = Some.Snapshot(Some.Companies("acme"),
            [Some.Event("v", "2025-06", EventType.Valuation, stage, certainty, valuation: "about 5 billion USD")]);

        Reply reply = Ask(snapshot);

        Assert.True(reply.Answer.StartsWith("We have no confirmed valuation of acme; the latest reported figure is about $5 billion", StringComparison.Ordinal), why);
        Assert.Equal(stage, reply.Badge!.Stage);
    }

    [Fact]
    public void Answer_PartyValuation_CountsForThatParty()
    {
        KnowledgeEvent merger = Some.Event("merger", "2025-03-28", EventType.Merger, subject: null) with
        {
            Parties = [new Party("acme", Role.Acquirer, Valuation: new Valuation(Some.Money("80 billion USD"))), new Party("target", Role.Target, Valuation: new Valuation(Some.Money("33 billion USD")))],
        };
        KnowledgeSnapshot snapshot = Some.Snapshot(Some.Companies("acme", "target"), [merger]);

        Assert.Contains("$80 billion", Ask(snapshot, "acme").Answer, StringComparison.Ordinal);
        Assert.Contains("$33 billion", Ask(snapshot, "target").Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_NoValuationAtAll_IsAnHonestNoResult()
    {
        Reply reply = Ask(Some.Snapshot(Some.Companies("acme"), [Some.Event("deal", "2025-01-01", EventType.CloudDeal)]));

        Assert.Equal(ReplyKind.NoResults, reply.Kind);
        Assert.Equal("We have no valuation of acme yet.", reply.Answer);
    }

    [Fact]
    public void Answer_Dutch_WritesDutchMoneyAndWords()
    {
        KnowledgeSnapshot snapshot = Some.Snapshot(Some.Companies("acme"), [Some.Event("r", "2025-10-02", valuation: "500 billion USD", amount: "6.6 billion USD")]);

        Reply reply = Ask(snapshot, language: Language.Dutch);

        Assert.Equal("acme werd op 2 okt 2025 voor het laatst gewaardeerd op 500 miljard dollar, vastgesteld bij een financieringsronde van 6,6 miljard dollar.", reply.Answer);
        Assert.Equal("afgerond", reply.Badge!.StageLabel);
    }

    [Fact]
    public void Answer_SourcesThatDisagree_AreShownSideBySide()
    {
        KnowledgeEvent round = Some.Event("r", "2024-12-23", valuation: "about 50 billion USD") with
        {
            Sources = [Some.Source("CNBC", "2024-12-23"), new Source("Financial Times", FuzzyDate.OfDay(new DateOnly(2024, 12, 23)), Reports: new SourceReport(Valuation: Some.Money("45 billion USD")))],
        };

        Reply reply = Ask(Some.Snapshot(Some.Companies("acme"), [round]));

        Assert.Contains("Sources differ: Financial Times reports a valuation of $45 billion.", reply.Notes);
    }
}
