namespace ChatBot.Teams.Api.Activities;

/// <summary>Mentions of the bot in a message, found through the activity's entities, never by parsing text alone.</summary>
public static class Mentions
{
    /// <summary>
    /// The message text, on one line, without the mentions of the recipient (the bot): for each <c>mention</c> entity whose
    /// <c>mentioned.id</c> is the recipient's id, its <c>text</c> (or <c>&lt;at&gt;name&lt;/at&gt;</c>) is removed,
    /// ignoring case. Other users' mentions keep their name without the <c>&lt;at&gt;</c> tags.
    /// </summary>
    public static string RemoveRecipientMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        string text = activity.Text ?? string.Empty;
        string? botId = activity.Recipient?.Id;
        foreach (Entity entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Mentioned is null)
            {
                continue;
            }

            if (botId is not null && string.Equals(entity.Mentioned.Id, botId, StringComparison.Ordinal))
            {
                text = Remove(text, entity.Text);
                // Teams' entity text may differ from the message text (<at>@Name</at> vs <at>Name</at>): try the name too.
                text = Remove(text, entity.Mentioned.Name is { Length: > 0 } name ? "<at>" + name + "</at>" : null);
            }
        }

        return CollapseSpaces(StripTags(text));
    }

    /// <summary>Runs of white space (left where mentions were removed, or CR/LF around Teams' text) become one space.</summary>
    private static string CollapseSpaces(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Remove(string text, string? mention) =>
        string.IsNullOrEmpty(mention) ? text : text.Replace(mention, " ", StringComparison.OrdinalIgnoreCase);

    /// <summary>Turns any remaining <c>&lt;at&gt;Name&lt;/at&gt;</c> into <c>Name</c>, keeping words apart.</summary>
    private static string StripTags(string text)
    {
        if (!text.Contains("<at", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        System.Text.StringBuilder result = new(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf("<at", i, StringComparison.OrdinalIgnoreCase);
            int close = open < 0 ? -1 : text.IndexOf('>', open);
            int end = close < 0 ? -1 : text.IndexOf("</at>", close, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            result.Append(text, i, open - i);
            if (result.Length > 0 && !char.IsWhiteSpace(result[^1]))
            {
                result.Append(' ');
            }

            result.Append(text, close + 1, end - close - 1).Append(' ');
            i = end + "</at>".Length;
        }

        return result.ToString();
    }
}
