using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Questions;

/// <summary>
/// A question as the reader understood it, before it becomes a command: its words, language, company mentions,
/// period, relation and roles, the attribute asked for, and the topic words left over. Immutable.
/// </summary>
public sealed record Question(
    string Text,
    Language? Language,
    Linked Linked,
    PeriodReading? Period,
    RelationReading Relation,
    FacetReading Facets,
    ImmutableArray<string> Topic)
{
    public ImmutableArray<Token> Words => Linked.Words;

    /// <summary>The distinct companies named, in order.</summary>
    public ImmutableArray<Mention> Mentions => Linked.Distinct;

    /// <summary>Whether a word is used by a mention or the period.</summary>
    public bool Taken(int index) => Linked.InMention(index) || (Period?.Used.Contains(index) ?? false);

    /// <summary>Whether any free word of the question is in the set.</summary>
    public bool Has(IReadOnlySet<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (Token word in Words)
        {
            if (!Taken(word.Index) && words.Contains(word.Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the first word is in the set.</summary>
    public bool StartsWith(params string[] words) => Words.Length > 0 && words.Contains(Words[0].Lower);

    /// <summary>The kind of deal the question names, if any.</summary>
    public DealType? DealType
    {
        get
        {
            if (Has(Lexicon.Ipo) && !(Words.Any(t => t.Lower == "public") && Words.All(u => u.Lower is not ("go" or "going" or "went" or "goes" or "gone" or "gaan"))))
            {
                return Commands.DealType.Ipo;
            }

            foreach (Token word in Words)
            {
                if (!Taken(word.Index) && Lexicon.DealTypeOf(word.Lower) is { } type)
                {
                    return type;
                }
            }

            return null;
        }
    }

    /// <summary>The financial figure asked for: "lost" → loss, "omzet" → revenue, "cash flow", "run rate".</summary>
    public FinancialMetric? Metric
    {
        get
        {
            for (int i = 0; i < Words.Length; i++)
            {
                string next = i + 1 < Words.Length ? Words[i + 1].Lower : string.Empty;
                switch (Words[i].Lower)
                {
                    case "cash" when next is "flow" or "flows":
                        return FinancialMetric.CashFlow;
                    case "cash" when next is "burn":
                        return FinancialMetric.CashBurn;
                    case "run" when next is "rate":
                    case "jaarbasis" or "annualised" or "annualized" or "arr":
                        return FinancialMetric.RunRate;
                }
            }

            return Words.Where(w => !Taken(w.Index) && !(w.Index + 1 < Words.Length && Words[w.Index + 1].Lower is "share" or "sharing")).Select(w => Lexicon.MetricOf(w.Lower)).FirstOrDefault(m => m is not null);
        }
    }

    /// <summary>The topic words that may rank facts ("option", "exclusive"): not the words that chose the intent ("rounds").</summary>
    public ImmutableArray<string> RankingWords =>
        [.. Topic.Where(t => !Lexicon.IntentWords.Contains(t.ToLowerInvariant())), .. Words.Where(w => w.Lower is "revenue" && w.Index + 1 < Words.Length && Words[w.Index + 1].Lower is "share" or "sharing").Select(_ => "revenue")];

    /// <summary>Whether the question is about what is expected or planned ("will", "expects", "verwacht").</summary>
    public bool AboutFuture => Has(Lexicon.FutureWords);

    /// <summary>Cloud or chip partners, if the question says which.</summary>
    public PartnerKind PartnerKind =>
        Has(Lexicon.Chips) ? PartnerKind.Chips : Has(Lexicon.Cloud) ? PartnerKind.Cloud : PartnerKind.All;

    /// <summary>
    /// Topic words that name something — "Michigan", "Sora", "Series G", "GB300" — as typed: capitalized (not as the
    /// question's first word) or with a digit. Ordinary words ("gehad", "option") narrow nothing.
    /// </summary>
    public ImmutableArray<string> SignificantTopic =>
        [.. Topic.Where(t => t.StartsWith("Series ", StringComparison.Ordinal)
            || (!Lexicon.IsKnownWord(t.ToLowerInvariant()) && (t.Any(char.IsDigit) || (char.IsUpper(t[0]) && !IsFirstWord(t)))))];

    private bool IsFirstWord(string word) => Words.Length > 0 && string.Equals(Words[0].Text, word, StringComparison.Ordinal);
}
