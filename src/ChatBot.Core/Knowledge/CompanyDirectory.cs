using System.Collections.Frozen;
using System.Text;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Finds companies by what users type: names and aliases regardless of case, spacing, punctuation and
/// possessives (<c>OpenAI's</c>, <c>open ai</c>), and with small typos (<c>OpenAl</c>). Immutable and thread-safe.
/// </summary>
public sealed class CompanyDirectory
{
    private readonly FrozenDictionary<string, Company> _byKey;
    private readonly FrozenDictionary<string, Company> _byShortName;
    private readonly (string Key, Company Company)[] _keys;

    /// <summary>Words that end a company's name without telling it apart ("Scale AI", "Annapurna Labs", "Blue Owl Capital").</summary>
    private static readonly string[] GenericSuffixes = ["ai", "labs", "lab", "inc", "systems", "capital", "group", "technologies", "corporation", "corp", "holdings"];

    public CompanyDirectory(IEnumerable<Company> companies)
    {
        ArgumentNullException.ThrowIfNull(companies);
        Dictionary<string, Company> byKey = new(StringComparer.Ordinal);
        foreach (Company company in companies)
        {
            foreach (string name in NamesOf(company))
            {
                string key = Normalize(name);
                if (key.Length > 0)
                {
                    byKey.TryAdd(key, company);
                }
            }
        }

        _byKey = byKey.ToFrozenDictionary(StringComparer.Ordinal);

        // "Scale" for "Scale AI": a name without its generic last word, when no other company and no full name has it.
        Dictionary<string, Company?> shortNames = new(StringComparer.Ordinal);
        foreach (Company company in companies)
        {
            foreach (string name in NamesOf(company))
            {
                string[] words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length >= 2 && GenericSuffixes.Contains(words[^1].ToLowerInvariant()))
                {
                    string key = Normalize(string.Join(' ', words[..^1]));
                    if (key.Length >= 4 && !byKey.ContainsKey(key))
                    {
                        shortNames[key] = shortNames.TryGetValue(key, out Company? other) && other is not null && !ReferenceEquals(other, company) ? null : company;
                    }
                }
            }
        }

        _byShortName = shortNames.Where(p => p.Value is not null).ToFrozenDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        _keys = byKey.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        LongestKeyWords = companies.SelectMany(NamesOf).Select(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).DefaultIfEmpty(1).Max();
    }

    /// <summary>How many words the longest name or alias has; free-text scanning looks at no longer phrases.</summary>
    public int LongestKeyWords { get; }

    /// <summary>Every name a company answers to: id, name and aliases.</summary>
    public static IEnumerable<string> NamesOf(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        yield return company.Id;
        yield return company.Name;
        foreach (string alias in company.Aliases)
        {
            yield return alias;
        }
    }

    /// <summary>
    /// The matching key of a name: lower case, letters and digits only, a trailing possessive removed.
    /// </summary>
    /// <example>Normalize("OpenAI's") => "openai"; Normalize("Open AI") => "openai"; Normalize("X.AI") => "xai"</example>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string s = text.Trim();
        foreach (string possessive in (ReadOnlySpan<string>)["'s", "’s", "s'", "'"])
        {
            if (s.Length > possessive.Length + 1 && s.EndsWith(possessive, StringComparison.OrdinalIgnoreCase))
            {
                s = s[..^possessive.Length];
                break;
            }
        }

        StringBuilder builder = new(s.Length);
        foreach (char c in s.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The company a name means exactly (after normalization), if any.</summary>
    public Company? FindExact(string text)
    {
        string key = Normalize(text);
        return key.Length > 0 && _byKey.TryGetValue(key, out Company? company) ? company : null;
    }

    /// <summary>The company a name means without its generic last word ("Scale" → Scale AI), if exactly one does.</summary>
    public Company? FindShortName(string text)
    {
        string key = Normalize(text);
        return key.Length > 0 && _byShortName.TryGetValue(key, out Company? company) ? company : null;
    }

    /// <summary>The company a name means, allowing a small typo; null when nothing is close enough or two are.</summary>
    public Company? Find(string text)
    {
        string key = Normalize(text);
        if (key.Length == 0)
        {
            return null;
        }

        if (_byKey.TryGetValue(key, out Company? exact))
        {
            return exact;
        }

        int allowed = AllowedTypos(key.Length);
        if (allowed == 0)
        {
            return null;
        }

        Company? best = null;
        int bestDistance = int.MaxValue;
        bool tie = false;
        foreach ((string candidate, Company company) in _keys)
        {
            if (Math.Abs(candidate.Length - key.Length) > allowed)
            {
                continue;
            }

            int distance = EditDistance.Between(key, candidate, allowed);
            if (distance > allowed)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                best = company;
                bestDistance = distance;
                tie = false;
            }
            else if (distance == bestDistance && !ReferenceEquals(best, company))
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    /// <summary>The names we know that are closest to an unknown one, best first, for "did you mean".</summary>
    public IReadOnlyList<string> Closest(string text, int count = 3)
    {
        string key = Normalize(text);
        if (key.Length == 0)
        {
            return [];
        }

        int limit = Math.Max(2, key.Length / 2);
        return _keys
            .Select(k => (k.Company, Score: k.Key.StartsWith(key, StringComparison.Ordinal) || key.StartsWith(k.Key, StringComparison.Ordinal)
                ? Math.Min(1, Math.Abs(k.Key.Length - key.Length))
                : EditDistance.Between(key, k.Key, limit + 1)))
            .Where(x => x.Score <= limit)
            .OrderBy(x => x.Score)
            .ThenBy(x => x.Company.Name, StringComparer.Ordinal)
            .Select(x => x.Company.Name)
            .Distinct(StringComparer.Ordinal)
            .Take(count)
            .ToArray();
    }

    /// <summary>How many typos a key of this length may carry and still match.</summary>
    public static int AllowedTypos(int length) => length switch
    {
        < 5 => 0,
        < 9 => 1,
        _ => 2,
    };
}

/// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions), with an early exit.</summary>
public static class EditDistance
{
    /// <summary>The distance between two strings, or <paramref name="max"/> + 1 once it is certainly larger.</summary>
    public static int Between(string a, string b, int max)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        int[] previous2 = new int[b.Length + 1];
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
