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
    public void Answer_Recent_IsTheTwelveMonthsToTheNewestEvent_NewestFirst()
    {
        Reply reply = Ask(new DealsCommand(null, null, null));

        Assert.Equal(["cloud", "round"], reply.Sections.Single().Items.Select(i => i.EventId));
        Assert.Equal("2 deals in the 12 months to Dec 2025, newest first.", reply.Answer);
    }

    [Fact]
    public void Answer_FinancialsAreNotDeals() =>
        Assert.DoesNotContain(Ask(new DealsCommand(null, new TimeFrame(TimeFrameKind.Year, 2025), null)).Sections.Single().Items, i => i.EventId == "figures");

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

        Assert.Equal(["cloud"], reply.Sections.Single().Items.Select(i => i.EventId));
        Assert.Equal("1 cloud deal involving acme since Jan 2020, newest first.", reply.Answer);
    }

    [Fact]
    public void Answer_EveryItemCarriesItsBadge() =>
        Assert.All(Ask(new DealsCommand(null, new TimeFrame(TimeFrameKind.Since, 2020), null)).Sections.Single().Items, i => Assert.NotNull(i.Badge));
}
