using ChatBot.Core.Commands;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Queries;
using ChatBot.Core.Replies;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Queries;

public class DealsQueryTests
{
    private static readonly KnowledgeSnapshot Snapshot = Some.Snapshot(Some.Companies("acme", "bank", "cloudco"),
    [
        Some.Event("old", "2023-05-01", investor: "bank"),
        Some.Event("round", "2025-03-01", investor: "bank"),
        Some.Event("cloud", "2025-11-03", EventType.CloudDeal, subject: "cloudco", investor: null) with { Parties = [new Party("acme", Role.Customer), new Party("cloudco", Role.Provider)] },
        Some.Event("figures", "2025-12-01", EventType.Financials),
    ]);

    private static Reply Ask(DealsCommand command, DateOnly? today = null) =>
        DealsQuery.Answer(command, new QueryContext(Snapshot, today ?? new DateOnly(2026, 11, 26), Language.English));

    [Fact]
    public void Answer_Recent_IsTheTwelveMonthsToTheNewestEvent_LargestFirst()
    {
        Reply reply = Ask(new DealsCommand(null, null, null));

        // Neither has an amount and both are completed: the newer leads; the 2023 round is outside the 12 months.
        Assert.Equal("cloud", reply.EventId);
        Assert.Equal(["round"], reply.Sections.Single().Items.Select(i => i.EventId));
        Assert.StartsWith("2 deals in the 12 months to Dec 2025; the largest: ", reply.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_CappedList_RanksBySizeThenStageThenDate_AndCountsTheRest()
    {
        // Twelve deals in one year: the largest lead, whatever their date, and the list says how many more there are.
        KnowledgeEvent[] events = [.. Enumerable.Range(1, 12).Select(i => Some.Event($"deal-{i:D2}", $"2025-{i:D2}-01", investor: "bank") with
        {
            Amount = new Money(i % 4 * 1_000_000_000m, "USD"),
            Stage = i == 4 ? Stage.Talks : Stage.Completed,
        })];
        KnowledgeSnapshot snapshot = Some.Snapshot(Some.Companies("acme", "bank"), events);
        Reply reply = DealsQuery.Answer(new DealsCommand(null, new TimeFrame(TimeFrameKind.Year, 2025), null), new QueryContext(snapshot, new DateOnly(2026, 11, 26), Language.English));

        // $3 billion deals: 3, 7 and 11 (newest first among equals); then $2 billion... ; the $0 deals last.
        Assert.Equal("deal-11", reply.EventId);
        Assert.Equal(["deal-07", "deal-03", "deal-10", "deal-06", "deal-02", "deal-09", "deal-05", "deal-01", "deal-12", "deal-08"], reply.Sections.Single().Items.Select(i => i.EventId));
        Assert.Equal(1, reply.Sections.Single().More);
    }

    [Fact]
    public void Answer_FinancialsAreNotDeals()
    {
        Reply reply = Ask(new DealsCommand(null, new TimeFrame(TimeFrameKind.Year, 2025), null));

        Assert.NotEqual("figures", reply.EventId);
        Assert.DoesNotContain(reply.Sections.Single().Items, i => i.EventId == "figures");
    }

    [Fact]
    public void Answer_EmptyPeriod_NamesTheNewestWeHave()
    {
        Reply reply = Ask(new DealsCommand(new CompanyArg("acme", "acme"), new TimeFrame(TimeFrameKind.ThisYear), null));

        Assert.Equal(ReplyKind.NoResults, reply.Kind);
        Assert.StartsWith("No deals for acme in 2026 so far. The newest we know is from 3 Nov 2025:", reply.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_TypeFilter_KeepsOnlyThatType()
    {
        Reply reply = Ask(new DealsCommand(new CompanyArg("acme", "acme"), new TimeFrame(TimeFrameKind.Since, 2020), DealType.Cloud));

        Assert.Equal("cloud", reply.EventId);
        Assert.Empty(reply.Sections);
        Assert.StartsWith("1 cloud deal involving acme since Jan 2020: ", reply.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_EveryItemCarriesItsBadge() =>
        Assert.All(Ask(new DealsCommand(null, new TimeFrame(TimeFrameKind.Since, 2020), null)).Sections.Single().Items, i => Assert.NotNull(i.Badge));
}
