using System.Collections.Frozen;
using System.Text;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// The kebab-case spelling of every closed set as it is written in the knowledge files
/// (<c>funding-round</c>, <c>lead-investor</c>, <c>post-money</c>).
/// </summary>
public static class EnumNames
{
    /// <summary>Parses the file spelling; returns false for anything outside the closed set.</summary>
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum => Cache<T>.Values.TryGetValue(text, out value);

    /// <summary>All file spellings of a closed set, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Cache<T>.Ordered;

    /// <summary>The file spelling of a value: <c>FundingRound</c> → <c>funding-round</c>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => Cache<T>.Names[value];

    private static string Kebab(string pascal)
    {
        StringBuilder builder = new(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> Ordered = [.. Enum.GetValues<T>().Select(v => Kebab(v.ToString()))];

        public static readonly FrozenDictionary<T, string> Names = Enum.GetValues<T>().ToFrozenDictionary(v => v, v => Kebab(v.ToString()));

        public static readonly FrozenDictionary<string, T> Values =
            Enum.GetValues<T>().ToFrozenDictionary(v => Kebab(v.ToString()), v => v, StringComparer.Ordinal);
    }
}
