using System.Text;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Discord.Api.Models;

namespace ChatBot.Discord;

/// <summary>
/// Renders a <see cref="Reply"/> as Discord embeds: title, answer, fields, sections, sources as links, a colour by
/// status and the "as of" footer. Every Discord limit is respected: long lists are split over fields and embeds at
/// line boundaries, a single over-long line is shortened at a word boundary, and nothing goes over 6,000 characters.
/// </summary>
public static class EmbedRenderer
{
    /// <summary>Green: completed and confirmed.</summary>
    public const int Settled = 0x2E9E5B;

    /// <summary>Amber: talks, announced, agreed, reported or estimated.</summary>
    public const int Unsettled = 0xE0A526;

    /// <summary>Red: cancelled or denied.</summary>
    public const int Negative = 0xC0392B;

    /// <summary>Blue: help, about, lists.</summary>
    public const int Neutral = 0x4A6FA5;

    /// <summary>Grey: not understood, unknown company, rate limited.</summary>
    public const int Muted = 0x95A5A6;

    public static IReadOnlyList<Embed> Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Builder builder = new(Colour(reply));
        string title = reply.Badge is { } badge ? $"{reply.Title} · {badge.StageLabel}, {badge.CertaintyLabel}" : reply.Title;
        builder.Start(Formats.Shorten(title, EmbedLimits.Title), Formats.Shorten(reply.Answer, EmbedLimits.Description));
        foreach (ReplyField field in reply.Fields)
        {
            builder.AddField(field.Name, field.Value, field.Inline);
        }

        foreach (ReplySection section in reply.Sections)
        {
            IEnumerable<string> lines = section.Items.Select(Line);
            if (section.More > 0)
            {
                lines = lines.Append($"… +{section.More}");
            }

            builder.AddLines(section.Title, lines);
        }

        if (reply.Notes.Length > 0)
        {
            builder.AddLines(reply.Language == Core.Conversations.Language.Dutch ? "Let op" : "Note", reply.Notes);
        }

        if (reply.Sources.Length > 0)
        {
            builder.AddLines(reply.Language == Core.Conversations.Language.Dutch ? "Bronnen" : "Sources", reply.Sources.Select(Source));
        }

        if (reply.Suggestions.Length > 0)
        {
            builder.AddField(reply.Language == Core.Conversations.Language.Dutch ? "Probeer" : "Try", string.Join(" · ", reply.Suggestions), inline: false);
        }

        return builder.Finish(reply.AsOf);
    }

    private static int Colour(Reply reply) => reply.Kind switch
    {
        ReplyKind.Answer when reply.Badge is { } b => b.Stage == Stage.Cancelled || b.Certainty == Certainty.Denied ? Negative : b.IsSettled ? Settled : Unsettled,
        ReplyKind.Answer or ReplyKind.Help or ReplyKind.About => Neutral,
        ReplyKind.NoResults => Neutral,
        _ => Muted,
    };

    private static string Line(ReplyItem item)
    {
        StringBuilder line = new("• ");
        if (item.DateLabel is not null)
        {
            line.Append("**").Append(item.DateLabel).Append("** · ");
        }

        line.Append(Escape(item.Text));
        if (item.Badge is { } badge)
        {
            line.Append(" *(").Append(badge.StageLabel).Append(", ").Append(badge.CertaintyLabel).Append(")*");
        }

        return line.ToString();
    }

    private static string Source(SourceRef source)
    {
        string name = source.Cites is null ? source.Publisher : $"{source.Publisher} ({source.Cites})";
        return source.Url is null ? $"• {Escape(name)}, {source.DateLabel}" : $"• [{Escape(name)}]({source.Url}), {source.DateLabel}";
    }

    /// <summary>Markdown characters in knowledge text are shown as written.</summary>
    private static string Escape(string text) => text.Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal);

    /// <summary>Fills embeds field by field, opening a new embed when one is full, and stops before any limit.</summary>
    private sealed class Builder(int colour)
    {
        private readonly List<Embed> _embeds = [];
        private readonly List<EmbedField> _fields = [];
        private string? _title;
        private string? _description;
        private int _total;
        private bool _full;

        public void Start(string title, string description)
        {
            _title = title;
            _description = description;
            _total = title.Length + description.Length;
        }

        public void AddField(string name, string value, bool inline)
        {
            name = Formats.Shorten(name.Length == 0 ? "—" : name, EmbedLimits.FieldName);
            value = Formats.Shorten(value.Length == 0 ? "—" : value, EmbedLimits.FieldValue);
            if (_full || _total + name.Length + value.Length > EmbedLimits.TotalCharacters - FooterReserve)
            {
                _full = true;
                return;
            }

            if (_fields.Count == EmbedLimits.Fields)
            {
                Flush();
                if (_embeds.Count == EmbedLimits.EmbedsPerMessage)
                {
                    _full = true;
                    return;
                }
            }

            _fields.Add(new EmbedField(name, value, inline));
            _total += name.Length + value.Length;
        }

        /// <summary>Adds lines under a name, splitting into as many fields as needed, never inside a line.</summary>
        public void AddLines(string name, IEnumerable<string> lines)
        {
            StringBuilder value = new();
            bool first = true;
            foreach (string raw in lines)
            {
                string line = Formats.Shorten(raw, EmbedLimits.FieldValue);
                if (value.Length > 0 && value.Length + 1 + line.Length > EmbedLimits.FieldValue)
                {
                    AddField(first ? name : name + " (…)", value.ToString(), inline: false);
                    first = false;
                    value.Clear();
                }

                if (value.Length > 0)
                {
                    value.Append('\n');
                }

                value.Append(line);
            }

            if (value.Length > 0)
            {
                AddField(first ? name : name + " (…)", value.ToString(), inline: false);
            }
        }

        public List<Embed> Finish(string? asOf)
        {
            string footer = Formats.Shorten(asOf ?? string.Empty, FooterReserve);
            if (_fields.Count > 0 || _title is not null || _description is not null || _embeds.Count == 0)
            {
                Flush(footer);
            }
            else if (footer.Length > 0)
            {
                _embeds[^1] = _embeds[^1] with { Footer = new EmbedFooter(footer) };
            }

            return _embeds;
        }

        private const int FooterReserve = 200;

        private void Flush(string? footer = null)
        {
            if (_fields.Count == 0 && _title is null && _description is null && footer is null)
            {
                return;
            }

            _embeds.Add(new Embed
            {
                Title = _title,
                Description = _description,
                Color = colour,
                Fields = _fields.Count == 0 ? null : [.. _fields],
                Footer = string.IsNullOrEmpty(footer) ? null : new EmbedFooter(footer),
            });
            _fields.Clear();
            _title = null;
            _description = null;
        }
    }
}
