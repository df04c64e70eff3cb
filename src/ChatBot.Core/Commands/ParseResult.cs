using ChatBot.Core.Conversations;
using ChatBot.Core.Questions;

namespace ChatBot.Core.Commands;

/// <summary>Why a text could not be turned into a command.</summary>
public enum ParseFailure
{
    /// <summary>Nothing was said.</summary>
    Empty,

    /// <summary>We could not tell what was asked.</summary>
    UnknownIntent,

    /// <summary>The intent needs a company and none was named.</summary>
    MissingCompany,

    /// <summary>A company was named that we do not know.</summary>
    UnknownCompany,

    /// <summary>A structured command with an unknown name or a bad option.</summary>
    BadCommand,
}

/// <summary>
/// The outcome of parsing: a command, or a failure with what we understood. Never an exception.
/// </summary>
/// <param name="Command">The command, when parsing succeeded: the reading of the text on its own.</param>
/// <param name="Language">The language the text was written in, when it gave a cue.</param>
/// <param name="Failure">Why parsing failed, when it did.</param>
/// <param name="Intent">The intent understood, even on failure (e.g. valuation with an unknown company).</param>
/// <param name="UnknownName">The name we did not know, for "I don't know X".</param>
/// <param name="Detail">For <see cref="ParseFailure.BadCommand"/>: what was wrong.</param>
public sealed record ParseResult(
    Command? Command,
    Language? Language,
    ParseFailure? Failure = null,
    Intent? Intent = null,
    string? UnknownName = null,
    string? Detail = null)
{
    public bool Succeeded => Command is not null;

    /// <summary>
    /// What the text adds to the previous question when it reads as a follow-up ("and Anthropic?", "who led it?");
    /// null for a question that stands on its own.
    /// </summary>
    public FollowUp? FollowUp { get; init; }

    public static ParseResult Ok(Command command, Language? language) => new(command, language);

    public static ParseResult Fail(ParseFailure failure, Language? language, Intent? intent = null, string? unknownName = null, string? detail = null) =>
        new(null, language, failure, intent, unknownName, detail);
}
