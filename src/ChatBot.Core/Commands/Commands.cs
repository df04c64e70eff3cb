using System.Collections.Immutable;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Commands;

/// <summary>A company as the user named it, and the company it resolved to (null when we do not know it).</summary>
public sealed record CompanyArg(string Text, string? Id)
{
    public bool IsKnown => Id is not null;
}

/// <summary>What a command asks for: one value per command, never a string.</summary>
public enum Intent
{
    Valuation,
    Deals,
    Partners,
    Investors,
    Portfolio,
    Financials,
    Company,
    Compare,

    /// <summary>Two companies (or a company and a topic) and the relation between them.</summary>
    Relation,

    /// <summary>One event named by a follow-up ("who led it?").</summary>
    Event,
    Search,
    Help,
    About,
    Admin,
    Watch,
    Unwatch,
    Watches,
    Feedback,
}

/// <summary>How two companies are related in a question, from the actor's side.</summary>
public enum Relation
{
    /// <summary>Anything that links them: "Nvidia and Intel", "deals between OpenAI and Oracle".</summary>
    Any,

    /// <summary>The actor puts money into the counterpart: invests in, backs, funds, belang in, investeert in.</summary>
    Invests,

    /// <summary>The actor holds a stake in the counterpart: owns, stake in, share of, bezit.</summary>
    Owns,

    /// <summary>The actor buys or takes over the counterpart (or a part of it): acquires, buys, takes over, koopt, neemt over.</summary>
    Buys,

    /// <summary>The actor pays the counterpart, for whatever: pays for, spends on, betaalt; the widest money relation.</summary>
    Pays,

    /// <summary>The actor supplies the counterpart (cloud, chips, capacity): supplies, provides, levert.</summary>
    Supplies,

    /// <summary>The actor sells the counterpart's shares or itself: sells, divests, exits, verkoopt.</summary>
    Sells,

    /// <summary>A partnership between the two: partners with, works with, samenwerking.</summary>
    Partners,
}

/// <summary>The one thing a question asks for about the facts it is about.</summary>
public enum Facet
{
    /// <summary>Nothing in particular: the facts themselves.</summary>
    None,

    /// <summary>"How much": the money of a deal or investment.</summary>
    Amount,

    /// <summary>A stake in percent.</summary>
    Stake,

    /// <summary>"How many GW", "hoeveel chips": a quantity with its unit.</summary>
    Quantity,

    /// <summary>What was paid.</summary>
    Price,

    /// <summary>The valuation a deal set.</summary>
    Valuation,

    /// <summary>"When".</summary>
    Date,

    /// <summary>"How long", "until when", "tot wanneer": the term or end date.</summary>
    Term,

    /// <summary>"Who led it".</summary>
    Lead,

    /// <summary>"Is it done?", "still planned?": the stage.</summary>
    Stage,

    /// <summary>"How many".</summary>
    Count,
}

/// <summary>Which of several facts a question wants first.</summary>
public enum Ordering
{
    /// <summary>The most relevant or most significant first.</summary>
    None,

    /// <summary>"latest", "most recent", "laatste".</summary>
    Latest,

    /// <summary>"first", "eerste".</summary>
    First,

    /// <summary>"biggest", "largest ever", "grootste".</summary>
    Biggest,
}

/// <summary>One small record per intent; every input form (slash command, typed command, question) ends here.</summary>
public abstract record Command
{
    /// <summary>What the command asks for.</summary>
    public abstract Intent Intent { get; }
}

/// <summary><c>valuation &lt;company&gt;</c>: the latest confirmed valuation, newer reports and the history.</summary>
public sealed record ValuationCommand(CompanyArg Company) : Command
{
    public override Intent Intent => Intent.Valuation;

    /// <summary>"What was OpenAI worth in 2024?": the valuation as of the end of that period.</summary>
    public TimeFrame? Period { get; init; }

    /// <summary>"Is xAI worth $200 billion?": the figure the question names, checked against the knowledge.</summary>
    public Money? Asked { get; init; }

    /// <summary>Whether the question wants Yes or No first.</summary>
    public bool YesNo { get; init; }
}

/// <summary>
/// <c>deals [company] [period] [type]</c>: deals ranked by significance; "recent" when no period is given. A question
/// may narrow it to one fact: the latest, the biggest, when, who led it, how many.
/// </summary>
public sealed record DealsCommand(CompanyArg? Company, TimeFrame? Period, DealType? Type) : Command
{
    public override Intent Intent => Intent.Deals;

    /// <summary>Which deal first: the latest, the first, the biggest, or by significance.</summary>
    public Ordering Order { get; init; }

    /// <summary>What is asked of the deal shown first.</summary>
    public Facet Facet { get; init; }

    /// <summary>Whether the question wants Yes or No first ("Did Anthropic file for an IPO?").</summary>
    public bool YesNo { get; init; }

    /// <summary>Words that narrow the deals to a topic ("Series G", "Michigan"), as typed.</summary>
    public ImmutableArray<string> Topic { get; init; } = [];

    /// <summary>Every content word of the question, which ranks the deals without narrowing them ("option", "licence").</summary>
    public ImmutableArray<string> Words { get; init; } = [];

    /// <summary>A figure the question names ("Did xAI raise $15 billion?").</summary>
    public Money? Asked { get; init; }
}

/// <summary><c>partners &lt;company&gt; [cloud|chips]</c>: cloud, chip and distribution partners.</summary>
public sealed record PartnersCommand(CompanyArg Company, PartnerKind Kind = PartnerKind.All) : Command
{
    public override Intent Intent => Intent.Partners;
}

/// <summary><c>investors &lt;company&gt;</c>: who backs the company, with rounds and stakes.</summary>
public sealed record InvestorsCommand(CompanyArg Company) : Command
{
    public override Intent Intent => Intent.Investors;

    /// <summary>"Who invested the most in X?": <see cref="Ordering.Biggest"/> lists the largest known commitment first.</summary>
    public Ordering Order { get; init; }
}

/// <summary><c>portfolio &lt;investor&gt;</c>: where a company or investor has put money.</summary>
public sealed record PortfolioCommand(CompanyArg Investor) : Command
{
    public override Intent Intent => Intent.Portfolio;
}

/// <summary><c>financials &lt;company&gt; [year]</c>: revenue, spending and losses by period.</summary>
public sealed record FinancialsCommand(CompanyArg Company, TimeFrame? Period, FinancialMetric? Focus) : Command
{
    public override Intent Intent => Intent.Financials;

    /// <summary>Whether the question wants Yes or No first ("Is OpenAI profitable?").</summary>
    public bool YesNo { get; init; }
}

/// <summary><c>company &lt;company&gt;</c>: the profile.</summary>
public sealed record CompanyCommand(CompanyArg Company) : Command
{
    public override Intent Intent => Intent.Company;
}

/// <summary><c>compare &lt;a&gt; &lt;b&gt;</c>: two companies side by side.</summary>
public sealed record CompareCommand(CompanyArg First, CompanyArg Second) : Command
{
    public override Intent Intent => Intent.Compare;
}

/// <summary>
/// Two companies and the relation asked about, from the actor's side: "How much did Microsoft invest in Anthropic?"
/// is (Microsoft, <see cref="Relation.Invests"/>, Anthropic, <see cref="Facet.Amount"/>). Without a counterpart the
/// topic words name the other side ("Is Blue Owl still funding the Michigan data centre?").
/// </summary>
/// <param name="Actor">Who invests, pays, buys, holds or supplies; the first company of an undirected relation.</param>
/// <param name="Counterpart">The other company, if one is named.</param>
/// <param name="Relation">How they are related.</param>
/// <param name="Facet">What is asked of the facts that link them.</param>
public sealed record RelationCommand(CompanyArg Actor, CompanyArg? Counterpart, Relation Relation, Facet Facet) : Command
{
    public override Intent Intent => Intent.Relation;

    public TimeFrame? Period { get; init; }

    public Ordering Order { get; init; }

    /// <summary>Whether the question wants Yes, No or Not any more first.</summary>
    public bool YesNo { get; init; }

    /// <summary>"still", "nog": the question is about the present state.</summary>
    public bool Still { get; init; }

    /// <summary>"would", "could", "zou": the question is about what is planned or talked about, not what is done.</summary>
    public bool Prospective { get; init; }

    /// <summary>"considered", "in talks", "overwoog": talks answer the question Yes.</summary>
    public bool AboutTalks { get; init; }

    /// <summary>"acquire", "take over", "overname": only an acquisition or merger answers Yes, not a licence or a share purchase.</summary>
    public bool Takeover { get; init; }

    /// <summary>Whether the grammar fixed who is the actor; when not, the answer may read the other way too.</summary>
    public bool Directed { get; init; } = true;

    /// <summary>A figure the question names ("Is Nvidia investing $100 billion in OpenAI?").</summary>
    public Money? Asked { get; init; }

    /// <summary>Words that narrow the facts to a topic, as typed.</summary>
    public ImmutableArray<string> Topic { get; init; } = [];

    /// <summary>Every content word of the question, which ranks the facts without narrowing them.</summary>
    public ImmutableArray<string> Words { get; init; } = [];
}

/// <summary>One event, named by a follow-up ("who led it?", "when was that?"): the headline fact of the last answer.</summary>
public sealed record EventCommand(string EventId, Facet Facet) : Command
{
    public override Intent Intent => Intent.Event;
}

/// <summary><c>search &lt;text&gt;</c>: the events that match the words best.</summary>
/// <param name="Text">What to look for.</param>
/// <param name="Fallback">Whether no frame fitted the question and the search stands in for an answer.</param>
public sealed record SearchCommand(string Text, bool Fallback = false) : Command
{
    public override Intent Intent => Intent.Search;
}

/// <summary><c>help [command]</c>.</summary>
public sealed record HelpCommand(string? Topic) : Command
{
    public override Intent Intent => Intent.Help;
}

/// <summary><c>about</c>: the knowledge revision, counts and the newest fact's date.</summary>
public sealed record AboutCommand : Command
{
    public override Intent Intent => Intent.About;
}

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

/// <summary>The intents' command names and the event types each deal type covers.</summary>
public static class Intents
{
    /// <summary>The command name of an intent, as users type it (<c>valuation</c>, <c>deals</c>).</summary>
    public static string Name(Intent intent) => intent.ToString().ToLowerInvariant();

    /// <summary>The event types a deal type covers.</summary>
    public static ImmutableArray<EventType> EventTypes(DealType type) => type switch
    {
        DealType.Funding => [EventType.FundingRound],
        DealType.Investment => [EventType.Investment, EventType.Stake, EventType.FundingRound],
        DealType.Acquisition => [EventType.Acquisition, EventType.Merger, EventType.Divestment, EventType.Offer],
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
public sealed record AdminCommand(AdminAction Action, int? Revision = null) : OperationCommand
{
    public override Intent Intent => Intent.Admin;
}

/// <summary><c>/watch OpenAI</c> (or <c>/unwatch</c>): this channel hears of new events for the company.</summary>
public sealed record WatchCommand(CompanyArg Company, bool Subscribe = true) : OperationCommand
{
    public override Intent Intent => Subscribe ? Intent.Watch : Intent.Unwatch;
}

/// <summary><c>/watches</c>: the companies this channel watches.</summary>
public sealed record WatchesCommand : OperationCommand
{
    public override Intent Intent => Intent.Watches;
}

/// <summary><c>/feedback the valuation is outdated</c>: a report about the last answer.</summary>
public sealed record FeedbackCommand(string Text) : OperationCommand
{
    public override Intent Intent => Intent.Feedback;
}
