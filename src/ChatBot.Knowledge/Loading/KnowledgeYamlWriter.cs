using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatBot.Core.Knowledge;

namespace ChatBot.Knowledge.Loading;

/// <summary>
/// Writes knowledge back as YAML files in the format <see cref="KnowledgeFileReader"/> reads: every field the parser
/// knows, free text double-quoted, so reading the files back gives the same content and the same content hash.
/// </summary>
public static class KnowledgeYamlWriter
{
    /// <summary>Events per file: large sets stay well under <c>Knowledge:MaxFileBytes</c>.</summary>
    public const int EventsPerFile = 10_000;

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The files to write: <c>companies.yaml</c>, then <c>events.yaml</c> (or <c>events-001.yaml</c>… when large).</summary>
    public static IReadOnlyList<(string Name, string Text)> Files(KnowledgeContent content, string header)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(header);
        List<(string, string)> files = [("companies.yaml", Companies(content.Companies, header))];
        KnowledgeEvent[][] parts = [.. content.Events.Chunk(EventsPerFile)];
        for (int i = 0; i < parts.Length; i++)
        {
            string name = parts.Length == 1 ? "events.yaml" : string.Create(CultureInfo.InvariantCulture, $"events-{i + 1:D3}.yaml");
            files.Add((name, Events(parts[i], header)));
        }

        return files;
    }

    /// <summary>A <c>companies:</c> file.</summary>
    public static string Companies(IEnumerable<Company> companies, string header)
    {
        ArgumentNullException.ThrowIfNull(companies);
        StringBuilder y = Start(header).Append("companies:\n");
        foreach (Company c in companies)
        {
            y.Append("  - id: ").Append(c.Id).Append('\n');
            Field(y, 4, "name", Quote(c.Name));
            if (!c.Aliases.IsEmpty)
            {
                Field(y, 4, "aliases", "[" + string.Join(", ", c.Aliases.Select(Quote)) + "]");
            }

            Field(y, 4, "kind", EnumNames.Name(c.Kind));
            Field(y, 4, "founded", c.Founded?.ToString(CultureInfo.InvariantCulture));
            Field(y, 4, "headquarters", Quote(c.Headquarters));
            Field(y, 4, "website", Quote(c.Website));
            Field(y, 4, "ticker", Quote(c.Ticker));
            Field(y, 4, "parent", c.ParentId);
            Field(y, 4, "description", Quote(c.Description));
            Field(y, 4, "description_nl", Quote(c.DescriptionNl));
        }

        return y.ToString();
    }

    /// <summary>An <c>events:</c> file.</summary>
    public static string Events(IEnumerable<KnowledgeEvent> events, string header)
    {
        ArgumentNullException.ThrowIfNull(events);
        StringBuilder y = Start(header).Append("events:\n");
        foreach (KnowledgeEvent e in events)
        {
            y.Append("  - id: ").Append(e.Id).Append('\n');
            Field(y, 4, "type", EnumNames.Name(e.Type));
            Field(y, 4, "date", e.Date.ToString());
            Field(y, 4, "announced", e.Announced?.ToString());
            Field(y, 4, "closed", e.Closed?.ToString());
            Field(y, 4, "stage", EnumNames.Name(e.Stage));
            Field(y, 4, "certainty", EnumNames.Name(e.Certainty));
            y.Append("    parties:\n");
            foreach (Party p in e.Parties)
            {
                if (p.Amount is null && p.Stake is null && p.Valuation is null)
                {
                    Field(y, 6, p.CompanyId, EnumNames.Name(p.Role));
                    continue;
                }

                y.Append("      ").Append(p.CompanyId).Append(":\n");
                Field(y, 8, "role", EnumNames.Name(p.Role));
                Field(y, 8, "amount", Quote(p.Amount?.ToString()));
                Field(y, 8, "stake", Quote(p.Stake?.ToString()));
                Valuation(y, 8, p.Valuation);
            }

            if (!e.Others.IsEmpty)
            {
                Field(y, 4, "others", "[" + string.Join(", ", e.Others.Select(Quote)) + "]");
            }

            Field(y, 4, "amount", Quote(e.Amount?.ToString()));
            Valuation(y, 4, e.Valuation);
            if (e.Round is { } round)
            {
                Field(y, 4, "round", "{ kind: " + EnumNames.Name(round.Kind) + (round.Name is null ? string.Empty : ", name: " + Quote(round.Name)) + " }");
            }

            Field(y, 4, "stake", Quote(e.Stake?.ToString()));
            if (!e.Quantities.IsEmpty)
            {
                Field(y, 4, "quantities", "[" + string.Join(", ", e.Quantities.Select(q => Quote(q.ToString()))) + "]");
            }

            Field(y, 4, "period", e.Period?.ToString());
            if (!e.Financials.IsEmpty)
            {
                y.Append("    financials:\n");
                foreach (FinancialFigure f in e.Financials)
                {
                    Field(y, 6, EnumNames.Name(f.Metric).Replace('-', '_'), Quote(f.Amount.ToString()));
                }
            }

            if (e.Term is { } term)
            {
                List<string> parts = [];
                if (term.Years is { } years)
                {
                    parts.Add("years: " + years.ToString(CultureInfo.InvariantCulture));
                }

                if (term.Until is { } until)
                {
                    parts.Add("until: " + until.ToString(CultureInfo.InvariantCulture));
                }

                Field(y, 4, "term", "{ " + string.Join(", ", parts) + " }");
            }

            Field(y, 4, "summary", Quote(e.Summary));
            Field(y, 4, "summary_nl", Quote(e.SummaryNl));
            Field(y, 4, "note", Quote(e.Note));
            y.Append("    sources:\n");
            foreach (Source s in e.Sources)
            {
                y.Append("      - publisher: ").Append(Quote(s.Publisher)).Append('\n');
                Field(y, 8, "date", s.Date.ToString());
                Field(y, 8, "url", Quote(s.Url));
                Field(y, 8, "cites", Quote(s.Cites));
                Field(y, 8, "title", Quote(s.Title));
                if (s.Reports is { } r)
                {
                    y.Append("        reports:\n");
                    Field(y, 10, "amount", Quote(r.Amount?.ToString()));
                    Field(y, 10, "valuation", Quote(r.Valuation?.ToString()));
                    Field(y, 10, "stake", Quote(r.Stake?.ToString()));
                }
            }
        }

        return y.ToString();
    }

    private static StringBuilder Start(string header)
    {
        StringBuilder y = new();
        foreach (string line in header.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            y.Append("# ").Append(line).Append('\n');
        }

        return y;
    }

    private static void Valuation(StringBuilder y, int indent, Valuation? valuation)
    {
        if (valuation is null)
        {
            return;
        }

        string basis = valuation.Basis == ValuationBasis.Unspecified ? string.Empty : ", basis: " + EnumNames.Name(valuation.Basis);
        Field(y, indent, "valuation", "{ amount: " + Quote(valuation.Amount.ToString()) + basis + " }");
    }

    private static void Field(StringBuilder y, int indent, string key, string? value)
    {
        if (value is not null)
        {
            y.Append(' ', indent).Append(key).Append(": ").Append(value).Append('\n');
        }
    }

    /// <summary>A YAML double-quoted scalar (JSON string escapes are valid YAML escapes).</summary>
    private static string? Quote(string? text) => text is null ? null : JsonSerializer.Serialize(text, Quoting);
}
