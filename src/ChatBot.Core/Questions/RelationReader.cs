using System.Collections.Immutable;
using ChatBot.Core.Commands;

namespace ChatBot.Core.Questions;

/// <summary>What role the words around a company give it.</summary>
public enum RoleMark
{
    /// <summary>No marker: the grammar alone decides (subject first).</summary>
    None,

    /// <summary>It gives, holds or does: "from Nvidia", "by Amazon", "van Nvidia", "door Amazon".</summary>
    Giver,

    /// <summary>It receives or is the object: "in Anthropic", "for Groq", "to OpenAI", "aan OpenAI", "voor Groq".</summary>
    Receiver,

    /// <summary>"of OpenAI": the object, unless another company is marked as one ("the stake of Microsoft in OpenAI").</summary>
    WeakReceiver,

    /// <summary>No direction: "with Broadcom", "and Anthropic", "between", "met", "en".</summary>
    Symmetric,
}

/// <summary>The relation a question names and who plays which part in it.</summary>
/// <param name="Relation">The relation, or null when no word names one.</param>
/// <param name="Actor">The mention (index into the distinct mentions) that gives, holds, buys or supplies.</param>
/// <param name="Counterpart">The other mention, or -1 when only one company is named.</param>
/// <param name="Directed">Whether the grammar fixed the actor.</param>
/// <param name="Marks">The marker before each distinct mention.</param>
public sealed record RelationReading(Relation? Relation, int Actor, int Counterpart, bool Directed, ImmutableArray<RoleMark> Marks);

/// <summary>
/// Reads the relation between the companies of a question from the words around them, in English and Dutch, and
/// gives the roles by the grammar: in "What did Nvidia pay for Groq?" and in "How much did Groq get from Nvidia?"
/// Nvidia is the payer. Pure.
/// </summary>
public static class RelationReader
{
    public static RelationReading Read(ImmutableArray<Token> words, ImmutableArray<Mention> mentions, Func<int, bool> inMention)
    {
        ArgumentNullException.ThrowIfNull(inMention);
        Relation? relation = RelationOf(words, inMention);

        // "What does OpenAI buy from Oracle?", "Wat koopt Nvidia bij CoreWeave?": what is bought from a company it supplies;
        // a company is taken over, not bought from.
        if (relation == Relation.Buys && mentions.Any(m => Before(words, m.First) is "from" or "bij") && !words.Any(w => Lexicon.TakeoverWords.Contains(w.Lower)))
        {
            relation = Relation.Supplies;
        }

        bool receiving = words.Any(w => Lexicon.ReceiverVerbs.Contains(w.Lower));
        ImmutableArray<RoleMark> marks = [.. mentions.Select(m => Adjust(MarkBefore(words, m.First), words, m.First, relation, receiving))];
        if (mentions.Length < 2)
        {
            return new RelationReading(relation, 0, -1, mentions.Length == 1 && marks[0] is RoleMark.Giver or RoleMark.None, marks);
        }

        (int actor, int counterpart, bool directed) = Roles(words, mentions[0], mentions[1], marks[0], marks[1], relation);
        return new RelationReading(relation, actor, counterpart, directed, marks);
    }

    /// <summary>The relation the words name; the most specific one wins when several do.</summary>
    public static Relation? RelationOf(ImmutableArray<Token> words, Func<int, bool> inMention)
    {
        ArgumentNullException.ThrowIfNull(inMention);
        bool supplies = false, buys = false, pays = false, owns = false, invests = false, partners = false, any = false, goods = false, receiving = false, sells = false, takeOver = false, stakeWord = false, committed = false, investWord = false, cloudNamed = false;
        foreach (Token word in words)
        {
            if (inMention(word.Index))
            {
                // A cloud named as a company ("Google Cloud", "Azure"): a commitment to it is spending on capacity.
                cloudNamed |= Lexicon.CloudNames.Contains(word.Lower);
                continue;
            }

            // "take over", "taking over", Dutch "neemt … over", "nam … over".
            if ((word.Lower is "take" or "takes" or "taking" or "took" && word.Index + 1 < words.Length && words[word.Index + 1].Lower is "over")
                || (word.Lower is "neemt" or "nam" or "namen" && words.Skip(word.Index + 1).Any(w => w.Lower is "over")))
            {
                buys = takeOver = true;
                continue;
            }

            // "revenue share" is a deal between the two, not a stake.
            if (word.Lower is "share" or "shares" or "sharing" && word.Index > 0 && words[word.Index - 1].Lower is "revenue" or "omzet")
            {
                any = true;
                continue;
            }

            goods |= Lexicon.Cloud.Contains(word.Lower) || Lexicon.Chips.Contains(word.Lower);
            committed |= Lexicon.CommitWords.Contains(word.Lower);
            receiving |= Lexicon.ReceiverVerbs.Contains(word.Lower);
            stakeWord |= Lexicon.HoldingWords.Contains(word.Lower);
            if (!Lexicon.RelationWords.TryGetValue(word.Lower, out Relation found))
            {
                continue;
            }

            switch (found)
            {
                case Relation.Supplies: supplies = true; break;
                case Relation.Buys: buys = true; break;
                case Relation.Pays: pays = true; break;
                case Relation.Owns: owns = true; break;
                case Relation.Invests: invests = true; investWord |= !Lexicon.CommitWords.Contains(word.Lower); break;
                case Relation.Partners: partners = true; break;
                case Relation.Sells: sells = true; break;
                default: any = true; break;
            }
        }

        // "buys compute from Oracle", "gets chips from Nvidia": goods bought are supplied; money paid for a company is not.
        if (supplies || (goods && (buys || pays || receiving)))
        {
            return Relation.Supplies;
        }

        // "Anthropic's Google Cloud commitment", "committed to spend on chips": money promised for capacity is spending.
        if ((goods || cloudNamed) && committed && !investWord)
        {
            return Relation.Pays;
        }

        // "Did Nvidia buy a stake in xAI?", "kocht aandelen": buying into a company is investing, not taking it over.
        if (buys && stakeWord && !takeOver && !sells && !pays)
        {
            return Relation.Invests;
        }

        return sells ? Relation.Sells
            : buys ? Relation.Buys
            : pays ? Relation.Pays
            : owns ? Relation.Owns
            : invests ? Relation.Invests
            : partners ? Relation.Partners
            : any ? Relation.Any
            : null;
    }

    /// <summary>
    /// Dutch markers whose meaning depends on the relation: "bij" names the payee of a payment ("uitgeven bij AWS") but the
    /// giver of what is received ("ophalen bij", "afnemen bij"); "van" names the customer of a supplier ("leverancier van
    /// OpenAI") but the giver or holder otherwise ("kreeg van Nvidia", "het belang van Microsoft").
    /// </summary>
    private static RoleMark Adjust(RoleMark mark, ImmutableArray<Token> words, int index, Relation? relation, bool receiving)
    {
        string before = Before(words, index);
        return before switch
        {
            "bij" => words.Any(w => Lexicon.FromVerbs.Contains(w.Lower)) ? RoleMark.Giver : RoleMark.Receiver,
            "van" when relation is Relation.Supplies or Relation.Partners && !receiving => RoleMark.WeakReceiver,
            _ => mark,
        };
    }

    /// <summary>The word before a company, past articles and possessive pronouns; empty at the start.</summary>
    private static string Before(ImmutableArray<Token> words, int index)
    {
        int i = index - 1;
        while (i >= 0 && Lexicon.Determiners.Contains(words[i].Lower))
        {
            i--;
        }

        return i >= 0 ? words[i].Lower : string.Empty;
    }

    /// <summary>The marker before a word, looking past articles and possessive pronouns ("for its Intel shares").</summary>
    public static RoleMark MarkBefore(ImmutableArray<Token> words, int index)
    {
        string w = Before(words, index);
        return w.Length == 0 ? RoleMark.None
            : w is "of" ? RoleMark.WeakReceiver
            : w is "van" ? RoleMark.Giver
            : Lexicon.GiverMarkers.Contains(w) ? RoleMark.Giver
            : Lexicon.ObjectMarkers.Contains(w) ? RoleMark.Receiver
            : Lexicon.SymmetricMarkers.Contains(w) ? RoleMark.Symmetric
            : RoleMark.None;
    }

    private static (int Actor, int Counterpart, bool Directed) Roles(ImmutableArray<Token> words, Mention a, Mention b, RoleMark ma, RoleMark mb, Relation? relation)
    {
        // A company after "from"/"by" gives; a company after "in"/"for"/"to" receives; "of" receives unless the other does.
        if (mb == RoleMark.Giver)
        {
            return (1, 0, true);
        }

        if (ma == RoleMark.Giver && mb != RoleMark.Symmetric)
        {
            return (0, 1, true);
        }

        if (mb == RoleMark.Receiver)
        {
            return (0, 1, true);
        }

        if (ma == RoleMark.Receiver)
        {
            return (1, 0, true);
        }

        if (ma == RoleMark.WeakReceiver && mb == RoleMark.None)
        {
            return (1, 0, true);
        }

        if (mb == RoleMark.WeakReceiver)
        {
            return (0, 1, true);
        }

        if (ma == RoleMark.Symmetric || mb == RoleMark.Symmetric)
        {
            return (0, 1, false);
        }

        // No marker: a verb between the two names makes the first the subject ("Did Nvidia buy Groq?"), except a
        // verb of receiving ("Does OpenAI use Oracle?"), whose object is the one that gives.
        bool receiving = false, verb = false;
        for (int i = a.Last + 1; i < b.First; i++)
        {
            string w = words[i].Lower;

            // A payer of capacity is its customer: "What does OpenAI pay Microsoft Azure?" — Microsoft supplies.
            receiving |= Lexicon.ReceiverVerbs.Contains(w) || (relation == Relation.Supplies && Lexicon.RelationWords.TryGetValue(w, out Relation named) && named is Relation.Pays or Relation.Buys);
            verb |= Lexicon.RelationWords.ContainsKey(w);
        }

        // A seller receives money too ("What did SoftBank get for selling its Nvidia shares?"), and stays the actor.
        if (receiving && relation != Relation.Sells)
        {
            return (1, 0, true);
        }

        bool possessive = a.Company.Text.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || a.Company.Text.EndsWith("s'", StringComparison.OrdinalIgnoreCase);
        return (0, 1, verb || possessive);
    }
}
