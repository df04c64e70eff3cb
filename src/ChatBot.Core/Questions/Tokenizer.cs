using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ChatBot.Core.Questions;

/// <summary>One word of a question: as typed, folded to lower case, its position and where it starts in the text.</summary>
/// <param name="Text">The word as typed (<c>OpenAI's</c>).</param>
/// <param name="Lower">The word in lower case, for matching.</param>
/// <param name="Index">Its position among the words.</param>
/// <param name="Start">Where it starts in the cleaned text.</param>
public readonly record struct Token(string Text, string Lower, int Index, int Start)
{
    public int End => Start + Text.Length;

    public bool IsCapitalized => Text.Length > 0 && char.IsUpper(Text[0]);

    /// <summary>A number as written: <c>2024</c>, <c>1.5</c>, <c>200,000</c>.</summary>
    public bool IsNumber => Lower.Length > 0 && char.IsDigit(Lower[0]) && Lower.All(c => char.IsDigit(c) || c is '.' or ',');

    /// <summary>A four-digit year between 1990 and 2100.</summary>
    public int? Year => Lower.Length == 4 && int.TryParse(Lower, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1990 and <= 2100 ? year : null;
}

/// <summary>
/// Splits a question into words, keeping inner apostrophes, dots and hyphens (<c>OpenAI's</c>, <c>X.AI</c>,
/// <c>run-rate</c>) and splitting the Dutch compounds the bot knows (<c>cloudpartners</c> → cloud partners). Pure.
/// </summary>
public static class Tokenizer
{
    private static readonly char[] Separators = [' ', '\t', ',', ';', '?', '!', '(', ')', '"', ':', '&', '+', '“', '”', '–', '—'];

    /// <summary>Typographic quotes to plain ones, control characters to spaces, trimmed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        StringBuilder builder = new(text.Length);
        foreach (char c in text.Trim())
        {
            builder.Append(c switch
            {
                '’' or '‘' or '`' => '\'',
                '“' or '”' => '"',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }

        return builder.ToString().Trim();
    }

    /// <summary>The words of a cleaned text, with their positions.</summary>
    public static ImmutableArray<Token> Tokenize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ImmutableArray<Token>.Builder tokens = ImmutableArray.CreateBuilder<Token>();
        int at = 0;
        while (at < input.Length)
        {
            if (Array.IndexOf(Separators, input[at]) >= 0)
            {
                at++;
                continue;
            }

            int end = input.IndexOfAny(Separators, at);
            if (end < 0)
            {
                end = input.Length;
            }

            Add(tokens, input, at, end);
            at = end;
        }

        return tokens.ToImmutable();
    }

    private static void Add(ImmutableArray<Token>.Builder tokens, string input, int start, int end)
    {
        string raw = input[start..end];
        if (raw.StartsWith('/') || raw.StartsWith('!'))
        {
            tokens.Add(new Token(raw, raw.ToLowerInvariant(), tokens.Count, start));
            return;
        }

        int trimStart = 0;
        while (trimStart < raw.Length && raw[trimStart] is '.' or '\'' or '-')
        {
            trimStart++;
        }

        int trimEnd = raw.Length;
        while (trimEnd > trimStart && raw[trimEnd - 1] is '.' or '\'' or '-')
        {
            trimEnd--;
        }

        if (trimEnd <= trimStart)
        {
            return;
        }

        string word = raw[trimStart..trimEnd];
        int wordStart = start + trimStart;
        string lower = word.ToLowerInvariant();

        // A name joined to a word by a hyphen, as Dutch writes it: "AWS-deal" → "AWS deal", "OpenAI-modellen".
        int hyphen = word.LastIndexOf('-');
        if (hyphen > 0 && hyphen < word.Length - 3 && word.AsSpan(0, hyphen).ContainsAnyInRange('A', 'Z') && word.AsSpan(hyphen + 1).ToString().All(char.IsLetter)
            && !word.AsSpan(0, hyphen).ContainsAny('-', '.'))
        {
            tokens.Add(new Token(word[..hyphen], lower[..hyphen], tokens.Count, wordStart));
            tokens.Add(new Token(word[(hyphen + 1)..], lower[(hyphen + 1)..], tokens.Count, wordStart + hyphen + 1));
            return;
        }

        // Dutch compounds: "cloudpartners" → "cloud partners", "chipleveranciers" → "chip leveranciers".
        foreach (string head in (ReadOnlySpan<string>)["cloud", "chip"])
        {
            if (lower.Length > head.Length + 4 && lower.StartsWith(head, StringComparison.Ordinal) && Lexicon.CompoundTails.Contains(lower[head.Length..]))
            {
                tokens.Add(new Token(word[..head.Length], head, tokens.Count, wordStart));
                tokens.Add(new Token(word[head.Length..], lower[head.Length..], tokens.Count, wordStart + head.Length));
                return;
            }
        }

        tokens.Add(new Token(word, lower, tokens.Count, wordStart));
    }
}
