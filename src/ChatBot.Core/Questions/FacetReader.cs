using System.Collections.Immutable;
using System.Globalization;
using ChatBot.Core.Commands;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Questions;

/// <summary>What a question asks for, in what order, and whether it wants Yes or No.</summary>
/// <param name="Facet">The attribute asked for.</param>
/// <param name="Order">Latest, first, biggest, or none.</param>
/// <param name="YesNo">Whether it is a yes/no question.</param>
/// <param name="Still">"still", "nog": about the present state.</param>
/// <param name="Asked">A money figure the question names, if any.</param>
/// <param name="Used">The words these used up.</param>
public sealed record FacetReading(Facet Facet, Ordering Order, bool YesNo, bool Still, Money? Asked, ImmutableArray<int> Used);

/// <summary>
/// Reads the attribute a question asks for — amount, stake, price, valuation, date, term, who led, stage, count —
/// its order ("latest", "first", "biggest") and whether it is a yes/no question, in English and Dutch. Pure.
/// </summary>
public static class FacetReader
{
    public static FacetReading Read(ImmutableArray<Token> words, Language? language, Func<int, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        List<int> used = [];
        string Word(int i) => i >= 0 && i < words.Length ? words[i].Lower : string.Empty;
        bool Free(int i) => i >= 0 && i < words.Length && !taken(i);

        Facet facet = Facet.None;
        for (int i = 0; i < words.Length && facet == Facet.None; i++)
        {
            if (!Free(i))
            {
                continue;
            }

            string w = Word(i);
            string next = Word(i + 1);
            if ((w is "how" or "hoe" && next is "long" or "lang") || w is "hoelang" || (w is "until" or "till" or "tot" or "through" && next is "when" or "wanneer")
                || (w is "when" && next is "does" or "do" or "will" && words.Skip(i).Any(t => t.Lower is "end" or "expire" or "run" or "ends" or "expires"))
                || (w is "wanneer" && words.Skip(i).Any(t => t.Lower is "af" or "eindigt" or "afloopt" or "loopt")))
            {
                facet = Facet.Term;
                used.AddRange([i, i + 1]);
            }
            else if (w is "who" or "wie" && words.Skip(i + 1).Take(3).Any(t => Lexicon.LeadWords.Contains(t.Lower)))
            {
                facet = Facet.Lead;
                used.Add(i);
            }
            else if ((w is "how" && next is "many") || (w is "number" && next is "of") || w is "aantal" || (w is "hoeveel" && CountNoun(Word(i + 1))))
            {
                facet = Facet.Count;
                used.AddRange([i, i + 1]);
            }
            else if ((w is "hoeveel" || (w is "how" && next is "much" or "many")) && words.Skip(i + 1).Take(3).Any(t => t.Lower is "gw" or "mw" or "gigawatt" or "gigawatts" or "megawatt" or "chips" or "gpus" or "gpu's" or "tpus" or "tpu's" or "shares" or "aandelen" or "wafers"))
            {
                facet = Facet.Quantity;
                used.Add(i);
            }
            else if ((w is "how" && next is "big" or "large" or "huge") || (w is "hoe" && next is "groot"))
            {
                facet = words.Any(t => Lexicon.StakeWords.Contains(t.Lower)) ? Facet.Stake : Facet.Amount;
                used.AddRange([i, i + 1]);
            }
        }

        if (facet == Facet.None)
        {
            facet = Scan(words, Free, used);
        }

        Ordering order = Ordering.None;
        for (int i = 0; i < words.Length && order == Ordering.None; i++)
        {
            if (!Free(i))
            {
                continue;
            }

            string w = Word(i);
            order = Lexicon.BiggestWords.Contains(w) && w is not ("most" or "meeste" or "top" or "major") ? Ordering.Biggest
                : (w is "most" && Word(i + 1) is "recent") || Lexicon.LatestWords.Contains(w) ? Ordering.Latest
                : Lexicon.FirstWords.Contains(w) ? Ordering.First
                : Ordering.None;
            if (order != Ordering.None)
            {
                used.Add(i);
            }
        }

        bool yesNo = IsYesNo(words, language);
        bool still = words.Any(w => Lexicon.StillWords.Contains(w.Lower) && w.Lower is not ("now" or "nu"))
            || (words.Length > 1 && words[0].Lower is "is" or "are" or "zijn" && words.Any(w => w.Lower.EndsWith("ing", StringComparison.Ordinal) && Lexicon.RelationWords.ContainsKey(w.Lower)));
        return new FacetReading(facet, order, yesNo, still, AskedMoney(words), [.. used]);
    }

    /// <summary>The first facet word of the question, in order of how specific it is.</summary>
    private static Facet Scan(ImmutableArray<Token> words, Func<int, bool> free, List<int> used)
    {
        (Facet Facet, Func<Token, int, bool> Test)[] tests =
        [
            (Facet.Lead, (t, _) => Lexicon.LeadWords.Contains(t.Lower) && t.Lower is not "lead"),
            (Facet.Date, (t, _) => Lexicon.DateWords.Contains(t.Lower)),
            (Facet.Term, (t, _) => t.Lower is "term" or "duration" or "looptijd" or "expire" or "expires" or "einddatum"),
            (Facet.Stake, (t, i) => (Lexicon.StakeWords.Contains(t.Lower) && !(t.Lower is "share" && i > 0 && words[i - 1].Lower is "revenue" or "omzet")) || (t.Lower is "much" && i + 1 < words.Length && words[i + 1].Lower is "of")),
            (Facet.Price, (t, _) => Lexicon.PriceWords.Contains(t.Lower)),
            (Facet.Valuation, (t, _) => t.Lower is "valuation" or "valued" or "valuing" or "waardering" or "gewaardeerd"),
            (Facet.Amount, (t, _) => Lexicon.AmountWords.Contains(t.Lower) || t.Lower is "worth" or "waard" or "value" or "waarde"),
            (Facet.Stage, (t, _) => Lexicon.StageWords.Contains(t.Lower)),
        ];
        // "What did Amazon pay for its stake?": the price of the stake is asked, not its size.
        foreach (Token word in words)
        {
            if (Lexicon.PriceWords.Contains(word.Lower) && free(word.Index) && words.Skip(word.Index + 1).Any(t => Lexicon.StakeWords.Contains(t.Lower)))
            {
                used.Add(word.Index);
                return Facet.Price;
            }
        }

        foreach ((Facet facet, Func<Token, int, bool> test) in tests)
        {
            for (int i = 0; i < words.Length; i++)
            {
                if (free(i) && test(words[i], i))
                {
                    used.Add(i);
                    return facet;
                }
            }
        }

        return Facet.None;
    }

    private static bool CountNoun(string word) =>
        (word.EndsWith('s') || word.EndsWith("en", StringComparison.Ordinal)) && (Lexicon.Deals.Contains(word) || Lexicon.Funding.Contains(word) || Lexicon.Acquisitions.Contains(word)
            || Lexicon.Partners.Contains(word) || Lexicon.Investors.Contains(word) || word is "investeringen" or "investments" or "rondes" or "keer" or "bedrijven");

    /// <summary>A yes/no question starts with an auxiliary (English) or a finite verb (Dutch) and asks no wh-question.</summary>
    public static bool IsYesNo(ImmutableArray<Token> words, Language? language)
    {
        if (words.IsEmpty)
        {
            return false;
        }

        string first = words[0].Lower;
        return language == Language.Dutch
            ? Lexicon.DutchYesNoStarters.Contains(first)
            : Lexicon.EnglishYesNoStarters.Contains(first) || (language is null && Lexicon.DutchYesNoStarters.Contains(first));
    }

    /// <summary>A money figure named in the question: "$100 billion", "100 billion dollars", "100 miljard", "€5bn".</summary>
    public static Money? AskedMoney(ImmutableArray<Token> words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i].Lower;
            string currency = "USD";
            string number = w;
            if (w.StartsWith('$') || w.StartsWith('€'))
            {
                currency = w[0] == '€' ? "EUR" : "USD";
                number = w[1..];
            }
            else if (!char.IsDigit(w.FirstOrDefault()))
            {
                continue;
            }

            string scaleWord = i + 1 < words.Length ? words[i + 1].Lower : string.Empty;
            decimal scale = 1m;
            foreach ((string suffix, decimal factor) in (ReadOnlySpan<(string, decimal)>)[("bn", 1e9m), ("b", 1e9m), ("m", 1e6m), ("tn", 1e12m)])
            {
                if (number.Length > suffix.Length && number.EndsWith(suffix, StringComparison.Ordinal) && char.IsDigit(number[^(suffix.Length + 1)]))
                {
                    number = number[..^suffix.Length];
                    scale = factor;
                    break;
                }
            }

            if (scale == 1m)
            {
                scale = scaleWord switch
                {
                    "billion" or "miljard" or "bn" => 1e9m,
                    "million" or "miljoen" or "mln" => 1e6m,
                    "trillion" or "biljoen" => 1e12m,
                    _ => 1m,
                };
            }

            if (scale == 1m || !decimal.TryParse(number.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            {
                continue;
            }

            string after = i + 2 < words.Length ? words[i + 2].Lower : string.Empty;
            if (after is "euro" or "euros" or "eur")
            {
                currency = "EUR";
            }

            return new Money(value * scale, currency);
        }

        return null;
    }
}
