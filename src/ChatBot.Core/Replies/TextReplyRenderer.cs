using System.Text;

namespace ChatBot.Core.Replies;

/// <summary>
/// Renders a <see cref="Reply"/> as plain text with light Markdown (bold title, bullet lists), for the console
/// and anywhere Markdown is read.
/// </summary>
public static class TextReplyRenderer
{
    public static string Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        StringBuilder text = new();
        text.Append("**").Append(reply.Title).Append("**");
        if (reply.Badge is { } badge)
        {
            text.Append("  [").Append(badge.StageLabel).Append(" · ").Append(badge.CertaintyLabel).Append(']');
        }

        text.Append('\n').Append(reply.Answer).Append('\n');
        if (reply.Fields.Length > 0)
        {
            text.Append('\n');
            foreach (ReplyField field in reply.Fields)
            {
                string value = field.Value.Replace("\n", "\n    ", StringComparison.Ordinal);
                text.Append(field.Name).Append(field.Value.Contains('\n', StringComparison.Ordinal) ? ":\n    " : ": ").Append(value).Append('\n');
            }
        }

        foreach (ReplySection section in reply.Sections)
        {
            text.Append('\n').Append(section.Title).Append('\n');
            foreach (ReplyItem item in section.Items)
            {
                text.Append("- ");
                if (item.DateLabel is not null)
                {
                    text.Append(item.DateLabel).Append(" · ");
                }

                text.Append(item.Text);
                if (item.Badge is { } itemBadge)
                {
                    text.Append(" [").Append(itemBadge.StageLabel).Append(" · ").Append(itemBadge.CertaintyLabel).Append(']');
                }

                text.Append('\n');
            }

            if (section.More > 0)
            {
                text.Append("- … +").Append(section.More).Append('\n');
            }
        }

        foreach (string note in reply.Notes)
        {
            text.Append('\n').Append(reply.Language == Conversations.Language.Dutch ? "Let op: " : "Note: ").Append(note);
        }

        if (reply.Notes.Length > 0)
        {
            text.Append('\n');
        }

        if (reply.Sources.Length > 0)
        {
            text.Append('\n').Append(reply.Language == Conversations.Language.Dutch ? "Bronnen" : "Sources").Append('\n');
            foreach (SourceRef source in reply.Sources)
            {
                text.Append("- ").Append(source.Publisher);
                if (source.Cites is not null)
                {
                    text.Append(reply.Language == Conversations.Language.Dutch ? " (citeert " : " (citing ").Append(source.Cites).Append(')');
                }

                text.Append(", ").Append(source.DateLabel);
                if (source.Url is not null)
                {
                    text.Append(" — ").Append(source.Url);
                }

                text.Append('\n');
            }
        }

        if (reply.Choices.Length > 0)
        {
            // The console's buttons: type the number to ask that reading of the question.
            text.Append('\n').Append(reply.Language == Conversations.Language.Dutch ? "Of bedoelde je:" : "Or did you mean:").Append('\n');
            for (int i = 0; i < reply.Choices.Length; i++)
            {
                text.Append("  ").Append(i + 1).Append(". ").Append(reply.Choices[i].Label).Append('\n');
            }
        }

        if (reply.Suggestions.Length > 0)
        {
            text.Append('\n').Append(reply.Language == Conversations.Language.Dutch ? "Probeer: " : "Try: ")
                .Append(string.Join(" · ", reply.Suggestions)).Append('\n');
        }

        if (reply.AsOf is not null)
        {
            text.Append('\n').Append('_').Append(reply.AsOf).Append('_').Append('\n');
        }

        return text.ToString();
    }
}
