using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Questions;

/// <summary>
/// Turns a <see cref="Question"/> into a command: the frame — how many companies, the relation between them, the
/// attribute asked for — picks the query, never the first company found. A question that fits no frame becomes a
/// ranked search over the events; one that only adds to the last question carries a <see cref="FollowUp"/>. Pure.
/// </summary>
public static class QuestionMapper
{
    public static ParseResult Map(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Words.IsEmpty)
        {
            return ParseResult.Fail(ParseFailure.Empty, null);
        }

        ParseResult standalone = Standalone(question);
        FollowUp? followUp = FollowUps.Read(question);
        return followUp is null ? standalone : standalone with { FollowUp = followUp };
    }

    private static ParseResult Standalone(Question q)
    {
        Language? language = q.Language;
        ImmutableArray<Mention> mentions = q.Mentions;
        if (q.Has(Lexicon.Help) && mentions.IsEmpty && q.Words.Length <= 4)
        {
            return ParseResult.Ok(new HelpCommand(null), language);
        }

        if (q.Has(Lexicon.About) && mentions.IsEmpty && q.Words.Length <= 3 && q.SignificantTopic.IsEmpty)
        {
            return ParseResult.Ok(new AboutCommand(), language);
        }

        if (mentions.Length >= 2)
        {
            return TwoCompanies(q, mentions);
        }

        if (mentions.Length == 1)
        {
            return OneCompany(q, mentions[0]);
        }

        if (q.Linked.Unknown.Length > 0 && NamesACompany(q))
        {
            return ParseResult.Fail(ParseFailure.UnknownCompany, language, IntentOf(q), q.Linked.Unknown[0].Text);
        }

        // A place, a project or a product ("Saline Township", "Milam County") is looked up, not listed as deals.
        if (!q.SignificantTopic.IsEmpty)
        {
            return Fallback(q);
        }

        if (q.Has(Lexicon.Deals) || q.Has(Lexicon.Funding) || q.Has(Lexicon.Acquisitions) || q.DealType is not null
            || q.Period is not null || q.Facets.Order != Ordering.None)
        {
            return ParseResult.Ok(Deals(q, null), language);
        }

        if (NamesACompany(q) && q.Topic.IsEmpty && (q.Has(Lexicon.Valuation) || q.Has(Lexicon.Investors) || q.Has(Lexicon.Financials)))
        {
            return ParseResult.Fail(ParseFailure.MissingCompany, language, IntentOf(q));
        }

        return Fallback(q);
    }

    private static ParseResult TwoCompanies(Question q, ImmutableArray<Mention> mentions)
    {
        RelationReading reading = q.Relation;
        if (q.Has(Lexicon.Compare) && reading.Relation is null or Relation.Any)
        {
            return ParseResult.Ok(new CompareCommand(mentions[0].Company, mentions[1].Company), q.Language);
        }

        Mention actor = mentions[reading.Actor];
        Mention counterpart = mentions[reading.Counterpart];
        bool lead = q.Words.Any(w => w.Lower is "lead" or "led" or "leidde" or "leiden" or "leading");
        Relation relation = reading.Relation ?? (lead ? Relation.Invests : q.PartnerKind != PartnerKind.All ? Relation.Supplies : Relation.Any);
        RelationCommand command = RelationBetween(q, actor.Company, counterpart.Company, relation, lead && q.Facets.Facet == Facet.None ? Facet.Lead : FacetFor(q, relation)) with
        {
            Directed = reading.Directed && !lead,
            Prospective = q.AboutFuture || q.Has(Lexicon.ConditionalWords),
            Takeover = q.Has(Lexicon.TakeoverWords) || (relation == Relation.Buys && BuysTheCompany(q, counterpart)),
        };
        return ParseResult.Ok(command, q.Language);
    }

    private static ParseResult OneCompany(Question q, Mention mention)
    {
        Language? language = q.Language;
        CompanyArg company = mention.Company;

        // "Did Microsoft invest in Foobar?", "Wat heeft Microsoft met Flurbo afgesproken?": the other company is one we
        // do not know; never answer about Microsoft alone.
        if (q.Relation.Relation is not null && q.Linked.Unknown.FirstOrDefault(u => InSlot(q, u)) is { } other)
        {
            return ParseResult.Fail(ParseFailure.UnknownCompany, language, Intent.Relation, other.Text);
        }

        FacetReading facets = q.Facets;
        Relation? relation = q.Relation.Relation;
        bool receiver = IsReceiver(q, mention);
        ImmutableArray<string> topic = q.SignificantTopic;
        bool funding = q.Has(Lexicon.Funding) || q.Words.Any(w => w.Lower is "raise" or "raised" or "raising" or "opgehaald" or "haalde" or "ophalen" or "ophaalde" or "ophaalden" or "haalt");

        // The company raising money ("raise", "funding round", "opgehaald"), as opposed to an investor funding something
        // ("Is Blue Owl still funding the Michigan data centre?", "Financiert Blue Owl …?").
        bool raising = funding && !FundsSomething(q);
        if (q.Has(Lexicon.Compare))
        {
            return ParseResult.Fail(ParseFailure.MissingCompany, language, Intent.Compare);
        }

        // "How much will Google invest in 2026?", "verwachte investeringen": capital spending, a forecast.
        bool spending = (q.AboutFuture && relation is Relation.Invests or Relation.Pays && !receiver && !funding && facets.Facet is Facet.Amount or Facet.None)
            || q.Words.Any(w => w.Lower is "capex" or "expenditure" or "investeringsuitgaven");
        if (spending && q.Metric is null or FinancialMetric.Spending)
        {
            return ParseResult.Ok(new FinancialsCommand(company, q.Period?.Frame, FinancialMetric.Spending), language);
        }

        if ((q.Metric is not null || q.Has(Lexicon.Financials) || q.Has(Lexicon.ProjectionWords)) && !funding && relation is not (Relation.Supplies or Relation.Buys or Relation.Sells) && topic.IsEmpty)
        {
            return ParseResult.Ok(new FinancialsCommand(company, q.Period?.Frame, q.Metric) { YesNo = facets.YesNo }, language);
        }

        if (q.Has(Lexicon.Valuation) && q.DealType == DealType.Ipo)
        {
            // "What valuation could an OpenAI IPO reach?": the valuation of the listing plan, not the company's latest.
            return ParseResult.Ok(Deals(q, company) with { Type = DealType.Ipo, Facet = Facet.Valuation }, language);
        }

        if ((q.Has(Lexicon.Valuation) && !q.Has(Lexicon.Deals) && !raising && relation is null or Relation.Any or Relation.Owns or Relation.Sells) || (facets.Facet == Facet.Valuation && relation is null))
        {
            return ParseResult.Ok(new ValuationCommand(company) { Period = q.Period?.Frame, Asked = facets.Asked, YesNo = facets.YesNo }, language);
        }

        if (relation is { } named and not Relation.Any && topic.Length > 0 && !raising)
        {
            // "Is Blue Owl still funding the Michigan data centre?": one company, and a topic for the other side.
            return ParseResult.Ok(RelationBetween(q, company, null, named, FacetFor(q, named)), language);
        }

        if (q.Has(Lexicon.Portfolio))
        {
            return ParseResult.Ok(new PortfolioCommand(company), language);
        }

        if (facets.Facet is Facet.Count or Facet.Lead || (raising && !receiver) || (facets.YesNo && raising))
        {
            // "How many funding rounds did Anthropic raise?", "Who led Anthropic's Series G?", "How much did SpaceX raise in its IPO?"
            DealType? type = q.DealType ?? (raising || facets.Facet == Facet.Lead ? DealType.Funding : null);
            return ParseResult.Ok(Deals(q, company) with { Type = type }, language);
        }

        switch (relation)
        {
            case Relation.Invests or Relation.Owns when q.Period is not null:
                // "Investeringen in Anthropic in de eerste helft van 2025", "What did Alphabet invest in 2025?"
                return ParseResult.Ok(Deals(q, company) with { Type = DealType.Investment }, language);
            case Relation.Invests or Relation.Owns when !facets.YesNo || receiver:
                return ParseResult.Ok(receiver || q.Has(Lexicon.Investors) ? new InvestorsCommand(company) { Order = MostOrder(q) } : new PortfolioCommand(company), language);
            case Relation.Supplies or Relation.Partners when topic.IsEmpty:
                return ParseResult.Ok(new PartnersCommand(company, q.PartnerKind), language);
            case Relation.Buys:
                return ParseResult.Ok(Deals(q, company) with { Type = q.DealType is DealType.Chips or DealType.Cloud ? q.DealType : DealType.Acquisition }, language);
            case Relation.Sells:
                return ParseResult.Ok(Deals(q, company) with { Type = DealType.Acquisition }, language);
        }

        if (topic.Length > 0)
        {
            // "Mistral datacenter in Zweden", "CHIPS Act subsidies Intel": the company's facts about that topic.
            return ParseResult.Ok(Deals(q, company), language);
        }

        if (q.Has(Lexicon.Partners) || (q.PartnerKind != PartnerKind.All && !q.Has(Lexicon.Deals) && !q.Has(Lexicon.Invest)))
        {
            return ParseResult.Ok(new PartnersCommand(company, q.PartnerKind), language);
        }

        if (q.Has(Lexicon.Investors))
        {
            return ParseResult.Ok(new InvestorsCommand(company) { Order = MostOrder(q) }, language);
        }

        // A yes/no question alone is no question about deals: "Is OpenAI profitable?" must not answer Yes from a funding round.
        bool aboutDeals = q.Has(Lexicon.Deals) || funding || q.DealType is not null || q.Period is not null || relation is not null
            || facets.Order != Ordering.None || facets.Facet is Facet.Date or Facet.Term or Facet.Amount or Facet.Price or Facet.Stage or Facet.Stake;
        if (aboutDeals)
        {
            return ParseResult.Ok(Deals(q, company), language);
        }

        if (!q.Topic.IsEmpty && !q.Has(Lexicon.Profile) && !q.StartsWith("who", "wie", "tell", "vertel") && q.Topic.Any(t => !Lexicon.IsKnownWord(t.ToLowerInvariant())))
        {
            return Fallback(q);
        }

        return ParseResult.Ok(new CompanyCommand(company), language);
    }

    /// <summary>A relation command with what the question says of period, order, yes/no, "still", talks, figure and topic.</summary>
    private static RelationCommand RelationBetween(Question q, CompanyArg actor, CompanyArg? counterpart, Relation relation, Facet facet) =>
        new(actor, counterpart, relation, facet)
        {
            Period = q.Period?.Frame,
            Order = q.Facets.Order,
            YesNo = q.Facets.YesNo,
            Still = q.Facets.Still,
            AboutTalks = q.Has(Lexicon.TalksWords),
            Asked = q.Facets.Asked,
            Topic = q.SignificantTopic,
            Words = q.RankingWords,
        };

    /// <summary>"Who invested the most", "wie het meest", "the biggest investor": the largest first.</summary>
    private static Ordering MostOrder(Question q) =>
        q.Facets.Order == Ordering.Biggest || q.Words.Any(w => w.Lower is "most" or "meest" or "meeste") ? Ordering.Biggest : Ordering.None;

    /// <summary>
    /// "Did Meta buy Scale AI?", "Was Groq bought by Nvidia?": buying the company itself, not shares of it (no "stake",
    /// "shares", "aandelen") — the verb right before it, or right after it in the passive.
    /// </summary>
    private static bool BuysTheCompany(Question q, Mention counterpart)
    {
        bool Buy(Token w) => w.Lower is "buy" or "bought" or "buys" or "buying" or "koopt" or "kocht" or "kopen" or "gekocht";
        bool Passive(Token w) => w.Index == counterpart.Last + 1 && w.Index + 1 < q.Words.Length && q.Words[w.Index + 1].Lower is "by" or "door";
        return q.Words.Any(w => Buy(w) && (w.Index == counterpart.First - 1 || Passive(w)))
            && !q.Words.Any(w => Lexicon.HoldingWords.Contains(w.Lower) || w.Lower is "licence" or "license");
    }

    /// <summary>"funding the", "still funding", "financiert": funding as an investor's verb, not a company's round.</summary>
    private static bool FundsSomething(Question q)
    {
        ImmutableArray<Token> words = q.Words;
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i].Lower;
            string before = i > 0 ? words[i - 1].Lower : string.Empty;
            string after = i + 1 < words.Length ? words[i + 1].Lower : string.Empty;
            if (w is "financiert" or "financierde" or "financieren" or "gefinancierd" or "funded" or "funds"
                || (w is "funding" or "fund" && (Lexicon.Determiners.Contains(after) || before is "still" or "is" or "are" or "was" or "were" or "to" || q.Linked.InMention(i + 1))))
            {
                return true;
            }
        }

        return false;
    }

    private static DealsCommand Deals(Question q, CompanyArg? company) =>
        new(company, q.Period?.Frame, q.DealType)
        {
            Order = q.Facets.Order,
            Facet = q.Facets.Facet,
            YesNo = q.Facets.YesNo,
            Topic = q.SignificantTopic,
            Asked = q.Facets.Asked,
            Words = q.RankingWords,
        };

    /// <summary>No frame fits: the ranked search answers with the closest facts, or the help reply below its minimum.</summary>
    private static ParseResult Fallback(Question q) =>
        q.Topic.IsEmpty && q.Mentions.IsEmpty
            ? ParseResult.Fail(ParseFailure.UnknownIntent, q.Language)
            : ParseResult.Ok(new SearchCommand(q.Text, Fallback: true), q.Language);

    /// <summary>The attribute of a relation question; a price for "pay", a stake for "own", else what the words say.</summary>
    private static Facet FacetFor(Question q, Relation relation) => q.Facets.Facet switch
    {
        Facet.None when relation == Relation.Owns => Facet.Stake,
        Facet.Amount when relation == Relation.Owns && q.Words.Any(w => w.Lower is "of") => Facet.Stake,
        Facet.Valuation when relation != Relation.Any && q.Has(Lexicon.AmountWords) => Facet.Amount,
        { } facet => facet,
    };

    /// <summary>
    /// Whether the single company receives: "Who invested in Anthropic?", "Who owns OpenAI?", "Which companies back
    /// Mistral?", "Is Anthropic backed by anyone?". Not in "What has Nvidia invested in?" or "Hoeveel haalde CoreWeave op?",
    /// where the verb before the company is Dutch word order, not a question about who gives.
    /// </summary>
    private static bool IsReceiver(Question q, Mention mention)
    {
        RoleMark mark = q.Relation.Marks.Length > 0 ? q.Relation.Marks[0] : RoleMark.None;
        if (mark is RoleMark.Receiver or RoleMark.WeakReceiver)
        {
            return true;
        }

        if (mark == RoleMark.Giver)
        {
            return false;
        }

        bool endsWithPreposition = q.Words[^1].Lower is "in" or "into" or "geïnvesteerd" or "geinvesteerd" or "gestoken";
        bool passive = q.Words.Any(w => w.Index > mention.Last && w.Lower is "backed" or "funded" or "owned" or "financed" or "gesteund" or "gefinancierd" or "bezeten");
        bool who = q.Words.Any(w => Lexicon.Who.Contains(w.Lower) && w.Index < mention.First);
        bool whichCompanies = q.StartsWith("which", "welke") && q.Words.Skip(1).Take(2).Any(w => w.Lower is "companies" or "bedrijven" or "firms" or "funds" or "fondsen");
        bool verbBefore = q.Words.Any(w => w.Index < mention.First && Lexicon.RelationWords.ContainsKey(w.Lower) && !Lexicon.Funding.Contains(w.Lower));
        return passive || (!endsWithPreposition && (who || (whichCompanies && verbBefore)));
    }

    /// <summary>Whether an unknown name stands where a company would ("in Foobar", "met Flurbo", "Foobar's").</summary>
    private static bool InSlot(Question q, UnknownName name) =>
        (RelationReader.MarkBefore(q.Words, name.First) != RoleMark.None && q.Words[name.First].IsCapitalized) || name.First <= 1;

    /// <summary>Whether a question without a known company asks about a company (rather than a topic).</summary>
    private static bool NamesACompany(Question q) =>
        q.Has(Lexicon.Valuation) || q.Has(Lexicon.Investors) || q.Has(Lexicon.Portfolio) || q.Has(Lexicon.Financials)
        || q.Has(Lexicon.Partners) || q.Relation.Relation is not null || q.Facets.YesNo || q.Has(Lexicon.Profile)
        || q.StartsWith("who", "wie", "what", "wat", "tell", "vertel") || q.Words.Length <= 2;

    private static Intent? IntentOf(Question q) =>
        q.Has(Lexicon.Valuation) ? Intent.Valuation
        : q.Has(Lexicon.Investors) ? Intent.Investors
        : q.Has(Lexicon.Portfolio) ? Intent.Portfolio
        : q.Has(Lexicon.Financials) ? Intent.Financials
        : q.Has(Lexicon.Partners) ? Intent.Partners
        : q.Relation.Relation is not null ? Intent.Relation
        : q.Has(Lexicon.Deals) ? Intent.Deals
        : null;
}
