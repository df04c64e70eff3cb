using System.Collections.Immutable;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Replies;

/// <summary>What kind of reply this is; renderers use it for tone (colour, ephemerality).</summary>
public enum ReplyKind
{
    /// <summary>A real answer from the knowledge.</summary>
    Answer,

    /// <summary>The question was understood but the knowledge has nothing for it (an empty period, no valuation).</summary>
    NoResults,

    /// <summary>A company we do not know.</summary>
    UnknownCompany,

    /// <summary>A question we could not understand; suggestions follow.</summary>
    NotUnderstood,

    /// <summary>Help text.</summary>
    Help,

    /// <summary>About the bot and its knowledge.</summary>
    About,

    /// <summary>The user asked too often; polite.</summary>
    RateLimited,

    /// <summary>The user may not do this (an admin command from a non-admin).</summary>
    Refused,

    /// <summary>The outcome of an operation: admin status, a reload, a watch, feedback taken.</summary>
    Operation,

    /// <summary>No question frame fitted: the closest facts the ranked search found, labelled as such.</summary>
    Closest,
}

/// <summary>The stage and certainty of a fact, with their labels in the reply's language.</summary>
public sealed record Badge(Stage Stage, Certainty Certainty, string StageLabel, string CertaintyLabel)
{
    /// <summary>True when the fact is done and confirmed; anything else must read as not done.</summary>
    public bool IsSettled => Stage == Stage.Completed && Certainty == Certainty.Confirmed;
}

/// <summary>A named value: "Valuation: $500 billion".</summary>
public sealed record ReplyField(string Name, string Value, bool Inline = true);

/// <summary>A line of a list: a date label, the text, its badge and the ids of the events it comes from.</summary>
public sealed record ReplyItem(string Text, string? DateLabel = null, Badge? Badge = null, string? EventId = null);

/// <summary>A titled list of items ("Newer reports", "History").</summary>
public sealed record ReplySection(string Title, ImmutableArray<ReplyItem> Items, int More = 0);

/// <summary>Another reading of the question, offered as a button: its label and the question that asks it.</summary>
/// <param name="Label">What the button says ("Anthropic → Amazon", "Compare Nvidia and Intel").</param>
/// <param name="Question">The text to ask when it is chosen; it reads back as that command.</param>
public sealed record ReplyChoice(string Label, string Question);

/// <summary>A source with its date label, in the reply's language.</summary>
public sealed record SourceRef(string Publisher, string DateLabel, string? Url, string? Cites, string? Title);

/// <summary>
/// A platform-neutral reply: title, a one-sentence answer, fields, sections of items, the badge of the headline
/// fact, sources, suggestions and the "as of" line. All text is already in the reply's language; renderers only
/// lay it out (console text, Discord embeds, Adaptive Cards).
/// </summary>
public sealed record Reply(ReplyKind Kind, Language Language, string Title, string Answer)
{
    public ImmutableArray<ReplyField> Fields { get; init; } = [];

    public ImmutableArray<ReplySection> Sections { get; init; } = [];

    public Badge? Badge { get; init; }

    public ImmutableArray<SourceRef> Sources { get; init; } = [];

    /// <summary>Follow-up commands to try, as the user would type them (<c>/deals OpenAI</c>).</summary>
    public ImmutableArray<string> Suggestions { get; init; } = [];

    /// <summary>"Knowledge as of 17 Dec 2025 · revision 3", in the reply's language.</summary>
    public string? AsOf { get; init; }

    /// <summary>Notes a reader must see (sources disagree, a denial, a condition).</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>Only the asker should see it (admin replies, refusals): ephemeral where the platform allows.</summary>
    public bool Private { get; init; }

    /// <summary>Other readings of the question, offered as buttons (Discord components, Teams card actions, a numbered choice in the console).</summary>
    public ImmutableArray<ReplyChoice> Choices { get; init; } = [];

    /// <summary>The event the first sentence is about, if one: what "it" means in a follow-up ("who led it?").</summary>
    public string? EventId { get; init; }

    /// <summary>The events a ranked search served, best first (fallback replies), for the curators' log.</summary>
    public ImmutableArray<string> Served { get; init; } = [];
}
