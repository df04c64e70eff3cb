using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ChatBot.Evaluation;

/// <summary>Where a row's must-patterns are looked for.</summary>
public enum CorpusScope
{
    /// <summary>Anywhere in the reply as <c>ask</c> prints it.</summary>
    Any,

    /// <summary>In the first three non-empty lines: the title, the answer sentence and the next line.</summary>
    Head,
}

/// <summary>One question of an evaluation file, with what its reply must and must not say.</summary>
/// <param name="Id">A unique id.</param>
/// <param name="Question">What the user types.</param>
/// <param name="Must">Patterns the reply must match (within <paramref name="Scope"/>).</param>
/// <param name="MustNot">Patterns the whole reply must not match.</param>
/// <param name="Scope">Where the must-patterns are looked for.</param>
/// <param name="Reason">Why the row is there.</param>
/// <param name="Line">Its line in the file.</param>
public sealed record CorpusRow(string Id, string Question, ImmutableArray<Regex> Must, ImmutableArray<Regex> MustNot, CorpusScope Scope, string? Reason, int Line);

/// <summary>
/// An evaluation file: one question a line, tab-separated — <c>id</c>, <c>question</c>, the patterns the reply must
/// match (case-insensitive .NET regular expressions separated by <c>;;</c>), optionally the patterns it must not
/// match, optionally the scope (<c>head</c> or <c>any</c>, the default) and optionally the reason. Lines starting with
/// <c>#</c> are comments. Errors are values with their line, never exceptions.
/// </summary>
public static class QuestionCorpus
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static (ImmutableArray<CorpusRow> Rows, ImmutableArray<string> Errors) Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ImmutableArray<CorpusRow>.Builder rows = ImmutableArray.CreateBuilder<CorpusRow>();
        ImmutableArray<string>.Builder errors = ImmutableArray.CreateBuilder<string>();
        HashSet<string> ids = new(StringComparer.Ordinal);
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int number = i + 1;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            string[] columns = line.Split('\t');
            if (columns.Length < 3 || columns[0].Trim().Length == 0 || columns[1].Trim().Length == 0)
            {
                errors.Add($"{fileName}:{number}: expected at least 3 tab-separated columns (id, question, patterns), found {columns.Length}");
                continue;
            }

            string id = columns[0].Trim();
            if (!ids.Add(id))
            {
                errors.Add($"{fileName}:{number}: the id '{id}' is used twice");
                continue;
            }

            CorpusScope scope = CorpusScope.Any;
            if (columns.Length > 4 && columns[4].Trim().Length > 0)
            {
                switch (columns[4].Trim().ToLowerInvariant())
                {
                    case "head":
                        scope = CorpusScope.Head;
                        break;
                    case "any":
                        break;
                    default:
                        errors.Add($"{fileName}:{number}: unknown scope '{columns[4].Trim()}' (expected head or any)");
                        continue;
                }
            }

            ImmutableArray<Regex> must = Patterns(columns[2], fileName, number, errors);
            ImmutableArray<Regex> mustNot = columns.Length > 3 ? Patterns(columns[3], fileName, number, errors) : [];
            if (must.IsEmpty)
            {
                errors.Add($"{fileName}:{number}: row '{id}' has no pattern to match");
                continue;
            }

            string? reason = columns.Length > 5 && columns[5].Trim().Length > 0 ? columns[5].Trim() : null;
            rows.Add(new CorpusRow(id, columns[1].Trim(), must, mustNot, scope, reason, number));
        }

        return (rows.ToImmutable(), errors.ToImmutable());
    }

    private static ImmutableArray<Regex> Patterns(string column, string fileName, int line, ImmutableArray<string>.Builder errors)
    {
        ImmutableArray<Regex>.Builder patterns = ImmutableArray.CreateBuilder<Regex>();
        foreach (string pattern in column.Split(";;", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                patterns.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout));
            }
            catch (ArgumentException ex)
            {
                errors.Add($"{fileName}:{line}: bad pattern '{pattern}': {ex.Message}");
            }
        }

        return patterns.ToImmutable();
    }
}
