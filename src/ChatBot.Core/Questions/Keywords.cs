using System.Collections.Immutable;

namespace ChatBot.Core.Questions;

/// <summary>The content words of a question, for ranked search: what is left once question words are set aside. Pure.</summary>
public static class Keywords
{
    private static readonly HashSet<string> Ignored = Lexicon.FunctionWords
        .Concat(Lexicon.EnglishYesNoStarters).Concat(Lexicon.DutchYesNoStarters.Where(w => !Lexicon.RelationWords.ContainsKey(w)))
        .Concat(Lexicon.PointingWords).Concat(Lexicon.FollowUpOpeners).Concat(Lexicon.StillWords)
        .Concat(["know", "about", "anything", "something", "iets", "info", "information", "informatie", "details", "happened", "gebeurd",
            "story", "verhaal", "deal", "deals", "like", "happening", "gebeurt", "gebeurde", "allemaal", "everything", "alles", "there",
            "please", "graag", "thing", "things", "stuff", "ding", "dingen", "kind", "sort", "lately", "nowadays", "tegenwoordig"])
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The words of <paramref name="text"/> a search should match, in lower case, in order, without repeats.</summary>
    /// <example>Of("What happened with Project Rainier?") => ["project", "rainier"]</example>
    public static ImmutableArray<string> Of(string text)
    {
        ImmutableArray<Token> tokens = Tokenizer.Tokenize(Tokenizer.Clean(text));
        return [.. tokens
            .Select(t => t.Lower.EndsWith("'s", StringComparison.Ordinal) ? t.Lower[..^2] : t.Lower)
            .Where(w => w.Length > 1 && !w.StartsWith('/') && !Ignored.Contains(w))
            .Distinct(StringComparer.Ordinal)];
    }
}
