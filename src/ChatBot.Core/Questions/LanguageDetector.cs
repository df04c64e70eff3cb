using System.Collections.Immutable;
using ChatBot.Core.Conversations;

namespace ChatBot.Core.Questions;

/// <summary>English or Dutch by marker words; null when the text gives no cue (<c>/valuation OpenAI</c>). Pure.</summary>
public static class LanguageDetector
{
    public static Language? Detect(IEnumerable<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int english = 0;
        int dutch = 0;
        bool first = true;
        foreach (Token token in tokens)
        {
            // The first word (a question word, a verb) weighs double: "Wat is Project Rainier?" is Dutch.
            int weight = first ? 2 : 1;
            first = false;
            bool en = Lexicon.EnglishMarkers.Contains(token.Lower);
            bool nl = Lexicon.DutchMarkers.Contains(token.Lower);
            if (en && !nl)
            {
                english += weight;
            }
            else if (nl && !en)
            {
                dutch += weight;
            }
        }

        return dutch > english ? Language.Dutch : english > dutch ? Language.English : null;
    }

    public static Language? Detect(ImmutableArray<Token> tokens) => Detect((IEnumerable<Token>)tokens);
}
