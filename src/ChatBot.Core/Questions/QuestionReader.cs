using System.Collections.Immutable;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Questions;

/// <summary>
/// Reads a free question into a <see cref="Question"/>: tokens → language → company mentions → period → relation
/// and roles → attribute → topic. Each step is its own small part; this one only runs them in order. Pure.
/// </summary>
public static class QuestionReader
{
    /// <summary>Words that never make a topic: question words, relation verbs, attribute words.</summary>
    private static readonly HashSet<string> NotTopic = Lexicon.FunctionWords
        .Concat(Lexicon.RelationWords.Keys).Concat(Lexicon.EnglishYesNoStarters).Concat(Lexicon.DutchYesNoStarters)
        .Concat(Lexicon.StillWords).Concat(Lexicon.LatestWords).Concat(Lexicon.FirstWords).Concat(Lexicon.BiggestWords)
        .Concat(Lexicon.LeadWords).Concat(Lexicon.DateWords).Concat(Lexicon.TermWords).Concat(Lexicon.StageWords)
        .Concat(Lexicon.AmountWords).Concat(Lexicon.Valuation).Concat(Lexicon.Investors).Concat(Lexicon.Portfolio)
        .Concat(Lexicon.Deals).Concat(Lexicon.Compare).Concat(Lexicon.Help).Concat(Lexicon.Profile).Concat(Lexicon.Recent)
        .Concat(Lexicon.PeriodWords).Concat(Lexicon.Months.Keys).Concat(Lexicon.CountWords).Concat(Lexicon.PointingWords)
        .Concat(Lexicon.FollowUpOpeners).Concat(["long", "lang", "until", "till", "when", "who", "what", "worth", "waard", "money",
            "geld", "much", "billion", "million", "miljard", "miljoen", "dollar", "dollars", "euro", "euros", "about", "over"])
        .ToHashSet(StringComparer.Ordinal);

    /// <param name="text">The question.</param>
    /// <param name="directory">The companies we know.</param>
    /// <param name="usedWord">Whether the events use a word, so a place or project named in them is not taken for an unknown company.</param>
    public static Question Read(string text, CompanyDirectory directory, Func<string, bool>? usedWord = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string cleaned = Tokenizer.Clean(text);
        ImmutableArray<Token> tokens = Tokenizer.Tokenize(cleaned);
        Linked linked = EntityLinker.Link(tokens, directory, usedWord);
        ImmutableArray<Token> words = linked.Words;
        var language = LanguageDetector.Detect(words.Where(w => !linked.InMention(w.Index)));
        PeriodReading? period = PeriodReader.Read([.. words.Select(w => linked.InMention(w.Index) ? w with { Lower = string.Empty } : w)]);
        bool Taken(int i) => linked.InMention(i) || (period?.Used.Contains(i) ?? false);
        RelationReading relation = RelationReader.Read(words, linked.Distinct, linked.InMention);
        FacetReading facets = FacetReader.Read(words, language, Taken);
        return new Question(cleaned, language, linked, period, relation, facets, TopicOf(words, Taken, facets));
    }

    /// <summary>The content words left once companies, the period, question words and relation words are taken, as typed.</summary>
    private static ImmutableArray<string> TopicOf(ImmutableArray<Token> words, Func<int, bool> taken, FacetReading facets)
    {
        ImmutableArray<string>.Builder topic = ImmutableArray.CreateBuilder<string>();
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i].Lower;
            if (taken(i) || facets.Used.Contains(i))
            {
                continue;
            }

            // Round names are topics of their own: "Series G", "serie B".
            if (w is "series" or "serie" && i + 1 < words.Length && words[i + 1].Lower.Length == 1 && char.IsLetter(words[i + 1].Lower[0]))
            {
                topic.Add("Series " + words[i + 1].Text.ToUpperInvariant());
                i++;
                continue;
            }

            if (NotTopic.Contains(w) || words[i].IsNumber || w.Length < 2 || w.StartsWith('$') || w.StartsWith('€') || w.StartsWith('/'))
            {
                continue;
            }

            topic.Add(Possessive(words[i].Text));
        }

        return topic.ToImmutable();
    }

    private static string Possessive(string word) =>
        word.Length > 3 && word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;
}
