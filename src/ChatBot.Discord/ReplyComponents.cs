using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Discord.Api.Models;

namespace ChatBot.Discord;

/// <summary>
/// The buttons under a reply: the other readings of the question (each asks its question when clicked) and, under an
/// answer, "Wrong answer?". One action row; a reading whose question does not fit a <c>custom_id</c> is left out.
/// </summary>
public static class ReplyComponents
{
    /// <summary>The <c>custom_id</c> of the "Wrong answer?" button under answers.</summary>
    public const string FeedbackButtonId = "feedback";

    /// <summary>The prefix of a reading's button: <c>ask:</c> followed by the question it asks.</summary>
    public const string AskPrefix = "ask:";

    public static IReadOnlyList<MessageComponent>? For(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        bool feedback = reply.Kind == ReplyKind.Answer;
        List<MessageComponent> buttons = [];
        foreach (ReplyChoice choice in reply.Choices)
        {
            if (buttons.Count == MessageComponent.ButtonsPerRow - (feedback ? 1 : 0) || AskPrefix.Length + choice.Question.Length > MessageComponent.MaxCustomIdLength)
            {
                continue;
            }

            buttons.Add(new MessageComponent
            {
                Type = MessageComponent.Button,
                Style = MessageComponent.PrimaryStyle,
                Label = Formats.Shorten(choice.Label, MessageComponent.MaxLabelLength),
                CustomId = AskPrefix + choice.Question,
            });
        }

        if (feedback)
        {
            buttons.Add(new MessageComponent
            {
                Type = MessageComponent.Button,
                Style = MessageComponent.SecondaryStyle,
                Label = reply.Language == Language.Dutch ? "Fout antwoord?" : "Wrong answer?",
                CustomId = FeedbackButtonId,
            });
        }

        return buttons.Count == 0 ? null : [new MessageComponent { Type = MessageComponent.ActionRow, Components = buttons }];
    }

    /// <summary>The question a reading's button asks, or null for any other button.</summary>
    public static string? QuestionOf(string? customId) =>
        customId is not null && customId.StartsWith(AskPrefix, StringComparison.Ordinal) && customId.Length > AskPrefix.Length ? customId[AskPrefix.Length..] : null;
}
