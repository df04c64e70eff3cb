using System.Collections.Immutable;
using System.Text;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Conversations;

/// <summary>A question the bot could not answer: the curators' to-do list. Immutable.</summary>
/// <param name="At">When it was asked.</param>
/// <param name="Platform">Where: <c>console</c>, <c>discord</c>, <c>teams</c>.</param>
/// <param name="Text">The question, normalized (<see cref="UnansweredQuestion.Normalize"/>).</param>
/// <param name="Kind">Why there was no answer: <see cref="ReplyKind.UnknownCompany"/>, <see cref="ReplyKind.NotUnderstood"/>, <see cref="ReplyKind.NoResults"/>, or <see cref="ReplyKind.Closest"/> when the ranked fallback stood in.</param>
/// <param name="UserId">Who asked; the store keeps it only when configured to.</param>
public sealed record UnansweredQuestion(DateTimeOffset At, string Platform, string Text, ReplyKind Kind, string? UserId)
{
    /// <summary>The events the ranked fallback served instead of an answer, best first; empty for the other kinds.</summary>
    public ImmutableArray<string> Served { get; init; } = [];

    /// <summary>Whether a reply of this kind means the bot could not answer (the closest facts are not an answer either).</summary>
    public static bool IsUnanswered(ReplyKind kind) => kind is ReplyKind.UnknownCompany or ReplyKind.NotUnderstood or ReplyKind.NoResults or ReplyKind.Closest;

    /// <summary>The form questions are grouped by: trimmed, lower case, single spaces, no closing punctuation.</summary>
    /// <example>"  What is  Zorblax worth?? " => "what is zorblax worth"</example>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder builder = new(text.Length);
        bool space = false;
        foreach (char c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().TrimEnd('?', '!', '.', ' ');
    }
}

/// <summary>
/// Where the engine reports questions it could not answer; implemented outside the core. <see cref="Record"/> is
/// called on the answering path, so it must return at once (queue the question, store it elsewhere) and never throw.
/// </summary>
public interface IUnansweredQuestions
{
    void Record(UnansweredQuestion question);
}
