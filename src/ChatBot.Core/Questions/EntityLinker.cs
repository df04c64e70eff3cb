using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Questions;

/// <summary>A company named in a question, and where: its first word and how many words it spans.</summary>
public sealed record Mention(CompanyArg Company, int First, int Count)
{
    public int Last => First + Count - 1;

    public bool Covers(int index) => index >= First && index <= Last;
}

/// <summary>A name that looks like a company's but is not one we know, with its span.</summary>
public sealed record UnknownName(string Text, int First, int Count);

/// <summary>
/// What the linker found: every company mention with its span (in the order named), the names it could not place,
/// and the words with typos in known question words corrected (<c>portfolo</c> → <c>portfolio</c>).
/// </summary>
public sealed record Linked(ImmutableArray<Token> Words, ImmutableArray<Mention> Mentions, ImmutableArray<UnknownName> Unknown)
{
    /// <summary>Whether a word is part of a company mention.</summary>
    public bool InMention(int index)
    {
        foreach (Mention mention in Mentions)
        {
            if (mention.Covers(index))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The distinct companies, in the order first named.</summary>
    public ImmutableArray<Mention> Distinct => [.. Mentions.DistinctBy(m => m.Company.Id)];
}

/// <summary>
/// Finds the companies in a question: the longest known names first (aliases, spacing and possessives as the
/// <see cref="CompanyDirectory"/> allows), then single words with a small typo — after words that are typos of
/// question words have been corrected, so "portfolo" never becomes a company. Pure.
/// </summary>
public static class EntityLinker
{
    /// <param name="tokens">The words of the question.</param>
    /// <param name="directory">The companies we know.</param>
    /// <param name="usedWord">Whether the events use a word (<see cref="KnowledgeSnapshot.UsesWord"/>): a name made of such words is a topic, not an unknown company.</param>
    public static Linked Link(ImmutableArray<Token> tokens, CompanyDirectory directory, Func<string, bool>? usedWord = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        List<Mention> found = [];
        bool[] used = new bool[tokens.Length];
        int longest = Math.Min(4, Math.Max(1, directory.LongestKeyWords));
        for (int length = longest; length >= 1; length--)
        {
            for (int start = 0; start + length <= tokens.Length; start++)
            {
                if (AnyUsed(used, start, length) || (length == 1 && Lexicon.NeverCompanies.Contains(tokens[start].Lower)) || tokens[start].IsNumber)
                {
                    continue;
                }

                string phrase = length == 1 ? tokens[start].Text : string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Text));
                if (length == 1 && CompanyDirectory.Normalize(phrase).Length <= 2 && !phrase.All(c => !char.IsLetter(c) || char.IsUpper(c)))
                {
                    // "x" or "ai" in lower case is a word ("openai x aws"), not the company X.
                    continue;
                }

                if (directory.FindExact(phrase) is { } company)
                {
                    found.Add(new Mention(new CompanyArg(phrase, company.Id), start, length));
                    Array.Fill(used, true, start, length);
                }
            }
        }

        ImmutableArray<Token>.Builder words = tokens.ToBuilder();
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!used[i] && Lexicon.Correct(tokens[i].Lower) is { } corrected)
            {
                words[i] = tokens[i] with { Lower = corrected };
                used[i] = true;
            }
        }

        // Names of two or three words with a typo: "Reflecton AI", "Thinking Machine Lab", "Scael AI".
        for (int length = 3; length >= 2; length--)
        {
            for (int start = 0; start + length <= tokens.Length; start++)
            {
                if (AnyUsed(used, start, length) || Lexicon.NeverCompanies.Contains(tokens[start].Lower) || !tokens[start].IsCapitalized)
                {
                    continue;
                }

                string phrase = string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Text));
                if (CompanyDirectory.Normalize(phrase).Length >= 7 && directory.Find(phrase) is { } company)
                {
                    found.Add(new Mention(new CompanyArg(phrase, company.Id), start, length));
                    Array.Fill(used, true, start, length);
                }
            }
        }

        bool lowerCase = tokens.All(t => !t.IsCapitalized);
        for (int i = 0; i < tokens.Length; i++)
        {
            Token token = tokens[i];
            if (!used[i] && (token.IsCapitalized || lowerCase) && !Lexicon.NeverCompanies.Contains(token.Lower) && directory.FindShortName(token.Text) is { } named)
            {
                found.Add(new Mention(new CompanyArg(token.Text, named.Id), i, 1));
                used[i] = true;
            }
        }

        for (int i = 0; i < tokens.Length; i++)
        {
            Token token = tokens[i];
            if (used[i] || Lexicon.NeverCompanies.Contains(token.Lower) || CompanyDirectory.Normalize(token.Text).Length < 5)
            {
                continue;
            }

            if (directory.Find(token.Text) is { } company)
            {
                found.Add(new Mention(new CompanyArg(token.Text, company.Id), i, 1));
                used[i] = true;
            }
        }

        ImmutableArray<Mention> mentions = [.. found.OrderBy(m => m.First)];
        ImmutableArray<Token> linkedWords = words.ToImmutable();
        ImmutableArray<UnknownName> unknown = Unknowns(linkedWords, mentions);
        if (usedWord is not null && !unknown.IsEmpty)
        {
            unknown = [.. unknown.Where(u => !linkedWords.Skip(u.First).Take(u.Count).All(w => usedWord(w.Lower) || usedWord(w.Lower.TrimEnd('\'', 's'))))];
        }

        return new Linked(linkedWords, mentions, unknown);
    }

    /// <summary>
    /// Runs of words that may be a company we do not know: not a question word, not a number, not after an article
    /// ("the Michigan data centre" is a topic), and capitalized unless the whole question is in lower case.
    /// </summary>
    private static ImmutableArray<UnknownName> Unknowns(ImmutableArray<Token> words, ImmutableArray<Mention> mentions)
    {
        bool lowerCaseQuestion = words.All(w => !w.IsCapitalized || w.Index == 0);
        ImmutableArray<UnknownName>.Builder names = ImmutableArray.CreateBuilder<UnknownName>();
        int i = 0;
        while (i < words.Length)
        {
            if (!MayBeName(words[i], mentions, lowerCaseQuestion))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < words.Length && MayBeName(words[i], mentions, lowerCaseQuestion || i > start))
            {
                i++;
            }

            bool afterArticle = start > 0 && words[start - 1].Lower is "the" or "de" or "het" or "a" or "an" or "een";
            if (!afterArticle)
            {
                string text = string.Join(' ', words.Skip(start).Take(i - start).Select(w => w.Text));
                names.Add(new UnknownName(StripPossessive(text), start, i - start));
            }
        }

        return names.ToImmutable();
    }

    private static bool MayBeName(Token word, ImmutableArray<Mention> mentions, bool anyCase) =>
        word.Lower.Length > 1
        && !mentions.Any(m => m.Covers(word.Index))
        && !Lexicon.IsKnownWord(word.Lower)
        && !word.IsNumber
        && word.Lower.Any(char.IsLetter)
        && !word.Text.StartsWith('$') && !word.Text.StartsWith('€')
        && (anyCase || word.IsCapitalized || word.Text.Any(char.IsDigit));

    private static string StripPossessive(string text) =>
        text.Length > 3 && (text.EndsWith("'s", StringComparison.Ordinal) || text.EndsWith("’s", StringComparison.Ordinal)) ? text[..^2] : text;

    private static bool AnyUsed(bool[] used, int start, int length)
    {
        for (int i = start; i < start + length; i++)
        {
            if (used[i])
            {
                return true;
            }
        }

        return false;
    }
}
