using System.Collections.Immutable;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Commands;

/// <summary>A company as the user named it, and the company it resolved to (null when we do not know it).</summary>
public sealed record CompanyArg(string Text, string? Id)
{
    public bool IsKnown => Id is not null;
}

/// <summary>One small record per intent; every input form (slash command, typed command, question) ends here.</summary>
public abstract record Command;

/// <summary><c>valuation &lt;company&gt;</c>: the latest confirmed valuation, newer reports and the history.</summary>
public sealed record ValuationCommand(CompanyArg Company) : Command;

/// <summary><c>deals [company] [period] [type]</c>: deals newest first; "recent" when no period is given.</summary>
public sealed record DealsCommand(CompanyArg? Company, TimeFrame? Period, DealType? Type) : Command;

/// <summary><c>partners &lt;company&gt; [cloud|chips]</c>: cloud, chip and distribution partners.</summary>
public sealed record PartnersCommand(CompanyArg Company, PartnerKind Kind = PartnerKind.All) : Command;

/// <summary><c>investors &lt;company&gt;</c>: who backs the company, with rounds and stakes.</summary>
public sealed record InvestorsCommand(CompanyArg Company) : Command;

/// <summary><c>portfolio &lt;investor&gt;</c>: where a company or investor has put money.</summary>
public sealed record PortfolioCommand(CompanyArg Investor) : Command;

/// <summary><c>financials &lt;company&gt; [year]</c>: revenue, spending and losses by period.</summary>
public sealed record FinancialsCommand(CompanyArg Company, TimeFrame? Period, FinancialMetric? Focus) : Command;

/// <summary><c>company &lt;company&gt;</c>: the profile.</summary>
public sealed record CompanyCommand(CompanyArg Company) : Command;

/// <summary><c>compare &lt;a&gt; &lt;b&gt;</c>: two companies side by side.</summary>
public sealed record CompareCommand(CompanyArg First, CompanyArg Second) : Command;

/// <summary><c>search &lt;text&gt;</c>: events whose summary, companies or sources mention the text.</summary>
public sealed record SearchCommand(string Text) : Command;

/// <summary><c>help [command]</c>.</summary>
public sealed record HelpCommand(string? Topic) : Command;

/// <summary><c>about</c>: the knowledge revision, counts and the newest fact's date.</summary>
public sealed record AboutCommand : Command;

/// <summary>Kinds of deal a user can ask for.</summary>
public enum DealType
{
    Funding,
    Investment,
    Acquisition,
    Partnership,
    Cloud,
    Chips,
    Infrastructure,
    Ipo,
}

/// <summary>Which partners a user asks for.</summary>
public enum PartnerKind
{
    All,
    Cloud,
    Chips,
}

/// <summary>The intents, by their command names.</summary>
public static class Intents
{
    public static readonly ImmutableArray<string> Names =
        ["valuation", "deals", "partners", "investors", "portfolio", "financials", "company", "compare", "search", "help", "about"];

    /// <summary>The event types a deal type covers.</summary>
    public static ImmutableArray<EventType> EventTypes(DealType type) => type switch
    {
        DealType.Funding => [EventType.FundingRound],
        DealType.Investment => [EventType.Investment, EventType.Stake, EventType.Offer, EventType.FundingRound],
        DealType.Acquisition => [EventType.Acquisition, EventType.Merger, EventType.Divestment],
        DealType.Partnership => [EventType.Partnership],
        DealType.Cloud => [EventType.CloudDeal],
        DealType.Chips => [EventType.ChipDeal],
        DealType.Infrastructure => [EventType.Infrastructure],
        DealType.Ipo => [EventType.IpoPlan],
        _ => [],
    };

    /// <summary>The event types that count as deals when no type is asked for.</summary>
    public static readonly ImmutableArray<EventType> DealEventTypes =
    [
        EventType.FundingRound, EventType.Investment, EventType.Acquisition, EventType.Merger, EventType.Divestment,
        EventType.Partnership, EventType.CloudDeal, EventType.ChipDeal, EventType.Infrastructure, EventType.Offer,
    ];
}

/// <summary>
/// A command the knowledge cannot answer by itself: it reads or changes the bot's own state (admin commands,
/// watches, feedback). The engine hands these to <see cref="Conversations.IBotOperations"/>; they are never cached.
/// </summary>
public abstract record OperationCommand : Command;

/// <summary>What an admin asks for.</summary>
public enum AdminAction
{
    /// <summary>Revision served, counts, last reload and last error.</summary>
    Status,

    /// <summary>Reload the knowledge files now.</summary>
    Reload,

    /// <summary>The latest revisions with their diffs.</summary>
    History,

    /// <summary>Serve an older revision until the files change.</summary>
    Rollback,

    /// <summary>The questions the bot could not answer, most frequent first.</summary>
    Unanswered,

    /// <summary>The feedback users gave on answers.</summary>
    Feedback,
}

/// <summary><c>/admin status</c>, <c>/admin rollback 3</c>…: admins only.</summary>
public sealed record AdminCommand(AdminAction Action, int? Revision = null) : OperationCommand;

/// <summary><c>/watch OpenAI</c> (or <c>/unwatch</c>): this channel hears of new events for the company.</summary>
public sealed record WatchCommand(CompanyArg Company, bool Subscribe = true) : OperationCommand;

/// <summary><c>/watches</c>: the companies this channel watches.</summary>
public sealed record WatchesCommand : OperationCommand;

/// <summary><c>/feedback the valuation is outdated</c>: a report about the last answer.</summary>
public sealed record FeedbackCommand(string Text) : OperationCommand;
