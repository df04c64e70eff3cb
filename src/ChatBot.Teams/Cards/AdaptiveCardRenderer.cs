using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;

namespace ChatBot.Teams.Cards;

/// <summary>One Adaptive Card of a reply, with its plain-text version (the card's <c>fallbackText</c>).</summary>
public sealed record AdaptiveCard(JsonElement Content, string FallbackText)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The most characters of the fallback text a post's <c>summary</c> (the notification preview) takes.</summary>
    public const int SummaryLength = 200;

    /// <summary>The card as UTF-8 JSON, encoded once: replies write it as it is.</summary>
    public byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(Content.GetRawText());

    /// <summary>The start of the fallback text for the post's <c>summary</c>, never ending inside a surrogate pair.</summary>
    public string Summary { get; } = FallbackText.Length <= SummaryLength
        ? FallbackText
        : FallbackText[..(char.IsHighSurrogate(FallbackText[SummaryLength - 1]) ? SummaryLength - 1 : SummaryLength)];
}

/// <summary>
/// Renders a <see cref="Reply"/> as Adaptive Cards in the version Teams renders (1.5): title, the stage and
/// certainty badge in a colour, the answer, a fact set of the fields, sections of items, notes, sources as links,
/// the "as of" line, and suggestions as <c>Action.Submit</c> buttons whose data is the question to ask. The plain
/// text goes in <c>fallbackText</c> (text beside a card would make Teams post two messages). A reply too long for
/// one Teams post (about 28 KB) is split between items over several cards, never inside one.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string Version = "1.5";

    /// <summary>The most buttons a card carries.</summary>
    public const int MaxActions = 5;

    /// <summary>The budget of one card, JSON and fallback text together, leaving room for the activity around it.</summary>
    public const int CardBudgetBytes = 22 * 1024;

    public static IReadOnlyList<AdaptiveCard> Render(Reply reply) => Render(reply, CardBudgetBytes);

    internal static IReadOnlyList<AdaptiveCard> Render(Reply reply, int budgetBytes)
    {
        ArgumentNullException.ThrowIfNull(reply);
        bool dutch = reply.Language == Language.Dutch;
        List<Block> head = [];
        head.Add(Block.Of(Text(reply.Title, size: "Large", weight: "Bolder", style: "heading"), reply.Title));
        if (reply.Badge is { } badge)
        {
            string label = $"{badge.StageLabel} · {badge.CertaintyLabel}";
            head.Add(Block.Of(Text(label, weight: "Bolder", color: BadgeColour(badge), spacing: "None"), "[" + label + "]"));
        }

        head.Add(Block.Of(Text(reply.Answer), reply.Answer));
        if (reply.Fields.Length > 0)
        {
            JsonArray facts = [];
            StringBuilder plain = new();
            foreach (ReplyField field in reply.Fields)
            {
                facts.Add(new JsonObject { ["title"] = field.Name, ["value"] = field.Value });
                plain.Append(field.Name).Append(": ").Append(field.Value).Append('\n');
            }

            head.Add(Block.Of(new JsonObject { ["type"] = "FactSet", ["facts"] = facts }, plain.ToString().TrimEnd()));
        }

        List<Block> body = [];
        foreach (ReplySection section in reply.Sections)
        {
            body.Add(Block.Of(Text(section.Title, weight: "Bolder", separator: true), "\n" + section.Title, header: true));
            foreach (ReplyItem item in section.Items)
            {
                body.Add(Item(item));
            }

            if (section.More > 0)
            {
                string more = dutch ? $"… en nog {section.More}" : $"… and {section.More} more";
                body.Add(Block.Of(Text(more, isSubtle: true, spacing: "Small"), more));
            }
        }

        if (reply.Notes.Length > 0)
        {
            string title = dutch ? "Let op" : "Note";
            body.Add(Block.Of(Text(title, weight: "Bolder", separator: true), "\n" + title, header: true));
            foreach (string note in reply.Notes)
            {
                body.Add(Block.Of(Text("⚠ " + note, color: "Warning", spacing: "Small"), "⚠ " + note));
            }
        }

        if (reply.Sources.Length > 0)
        {
            string title = dutch ? "Bronnen" : "Sources";
            body.Add(Block.Of(Text(title, weight: "Bolder", separator: true), "\n" + title, header: true));
            foreach (SourceRef source in reply.Sources)
            {
                body.Add(Source(source));
            }
        }

        List<Block> tail = [];
        if (reply.AsOf is { } asOf)
        {
            tail.Add(Block.Of(Text(asOf, size: "Small", isSubtle: true, separator: true), "\n" + asOf));
        }

        JsonArray actions = [];
        bool feedback = reply.Kind == ReplyKind.Answer;
        int room = feedback ? MaxActions - 1 : MaxActions;

        // Other readings of the question first: each button asks its question, as if it had been typed.
        foreach (ReplyChoice choice in reply.Choices.Take(room))
        {
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = Formats.Shorten(choice.Label, 40),
                ["style"] = "positive",
                ["data"] = new JsonObject { ["question"] = choice.Question },
            });
        }

        foreach (string suggestion in reply.Suggestions.Take(Math.Max(0, room - actions.Count)))
        {
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = Formats.Shorten(suggestion, 40),
                ["data"] = new JsonObject { ["question"] = suggestion },
            });
        }

        if (feedback)
        {
            // "Wrong answer?" files the user's note on this answer with the curators (/feedback).
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = dutch ? "Fout antwoord?" : "Wrong answer?",
                ["data"] = new JsonObject { ["question"] = dutch ? "feedback fout antwoord (knop)" : "feedback wrong answer (button)" },
            });
        }

        return Pack(head, body, tail, actions, budgetBytes, dutch);
    }

    private static List<AdaptiveCard> Pack(List<Block> head, List<Block> body, List<Block> tail, JsonArray actions, int budget, bool dutch)
    {
        int fixedSize = 400 + head.Sum(b => b.Size) + tail.Sum(b => b.Size) + Encoding.UTF8.GetByteCount(actions.ToJsonString());
        List<AdaptiveCard> cards = [];
        List<Block> current = [.. head];
        int size = fixedSize;
        string? lastHeader = null;
        foreach (Block block in body)
        {
            if (size + block.Size > budget && current.Count > head.Count)
            {
                cards.Add(Card(current, null));
                string continued = dutch ? "(vervolg)" : "(continued)";
                Block title = head[0];
                current = [Block.Of(Text(title.Plain + " " + continued, weight: "Bolder"), title.Plain + " " + continued)];
                size = 400 + current[0].Size + tail.Sum(b => b.Size) + Encoding.UTF8.GetByteCount(actions.ToJsonString());
                if (lastHeader is not null && !block.IsHeader)
                {
                    Block header = Block.Of(Text(lastHeader + " " + continued, weight: "Bolder", separator: true), "\n" + lastHeader + " " + continued, header: true);
                    current.Add(header);
                    size += header.Size;
                }
            }

            if (block.IsHeader)
            {
                lastHeader = block.Plain.TrimStart('\n');
            }

            current.Add(block);
            size += block.Size;
        }

        current.AddRange(tail);
        cards.Add(Card(current, actions));
        return cards;
    }

    private static AdaptiveCard Card(List<Block> blocks, JsonArray? actions)
    {
        JsonArray body = [];
        StringBuilder fallback = new();
        foreach (Block block in blocks)
        {
            body.Add(block.Element.DeepClone());
            fallback.Append(block.Plain).Append('\n');
        }

        JsonObject card = new()
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["fallbackText"] = fallback.ToString().Trim(),
            ["body"] = body,
        };
        if (actions is { Count: > 0 })
        {
            card["actions"] = actions.DeepClone();
        }

        return new AdaptiveCard(JsonSerializer.SerializeToElement(card, CardJson.Default.JsonObject), fallback.ToString().Trim());
    }

    private static Block Item(ReplyItem item)
    {
        StringBuilder markdown = new("• ");
        StringBuilder plain = new("- ");
        if (item.DateLabel is not null)
        {
            markdown.Append("**").Append(item.DateLabel).Append("** · ");
            plain.Append(item.DateLabel).Append(" · ");
        }

        markdown.Append(item.Text);
        plain.Append(item.Text);
        if (item.Badge is { } badge)
        {
            markdown.Append(" _(").Append(badge.StageLabel).Append(", ").Append(badge.CertaintyLabel).Append(")_");
            plain.Append(" (").Append(badge.StageLabel).Append(", ").Append(badge.CertaintyLabel).Append(')');
        }

        return Block.Of(Text(markdown.ToString(), spacing: "Small"), plain.ToString());
    }

    private static Block Source(SourceRef source)
    {
        string name = source.Cites is null ? source.Publisher : $"{source.Publisher} ({source.Cites})";
        string markdown = source.Url is null ? $"• {name}, {source.DateLabel}" : $"• [{name}]({source.Url}), {source.DateLabel}";
        string plain = source.Url is null ? $"- {name}, {source.DateLabel}" : $"- {name}, {source.DateLabel}: {source.Url}";
        return Block.Of(Text(markdown, size: "Small", spacing: "Small"), plain);
    }

    /// <summary>Green when completed and confirmed, red when cancelled or denied, amber for anything not settled.</summary>
    private static string BadgeColour(Badge badge) =>
        badge.Stage == Stage.Cancelled || badge.Certainty == Certainty.Denied ? "Attention" : badge.IsSettled ? "Good" : "Warning";

    private static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null, string? spacing = null, string? style = null, bool isSubtle = false, bool separator = false)
    {
        JsonObject block = new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        if (style is not null)
        {
            block["style"] = style;
        }

        if (isSubtle)
        {
            block["isSubtle"] = true;
        }

        if (separator)
        {
            block["separator"] = true;
        }

        return block;
    }

    /// <summary>A card element with its plain text and its size in the card (JSON plus fallback text).</summary>
    private sealed record Block(JsonObject Element, string Plain, int Size, bool IsHeader)
    {
        public static Block Of(JsonObject element, string plain, bool header = false) =>
            new(element, plain, Encoding.UTF8.GetByteCount(element.ToJsonString()) + Encoding.UTF8.GetByteCount(plain) + 8, header);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class CardJson : System.Text.Json.Serialization.JsonSerializerContext;
