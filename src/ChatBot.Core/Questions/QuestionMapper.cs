using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Conversations;

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
            UnknownName unknown = q.Linked.Unknown[0];
            return ParseResult.Fail(ParseFailure.UnknownCompany, language, IntentOf(q), unknown.Text);
        }

        if (q.Has(Lexicon.Deals) || q.Has(Lexicon.Funding) || q.Has(Lexicon.Acquisitions) || q.DealType is not null
            || (q.Period is not null && q.SignificantTopic.IsEmpty) || q.Facets.Order != Ordering.None && q.SignificantTopic.IsEmpty)
        {
            return ParseResult.Ok(Deals(q, null), language);
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
        Relation relation = reading.Relation ?? (q.PartnerKind != PartnerKind.All ? Relation.Supplies : Relation.Any);
        RelationCommand command = new(actor.Company, counterpart.Company, relation, FacetFor(q, relation))
        {
            Period = q.Period?.Frame,
            Order = q.Facets.Order,
            YesNo = q.Facets.YesNo,
            Still = q.Facets.Still,
            Directed = reading.Directed,
            Asked = q.Facets.Asked,
            Topic = q.SignificantTopic,
        };
        return ParseResult.Ok(command, q.Language);
    }

    private static ParseResult OneCompany(Question q, Mention mention)
    {
        Language? language = q.Language;
        CompanyArg company = mention.Company;

        // "Did Microsoft invest in Foobar?": the other company is one we do not know; never answer about Microsoft alone.
        if (q.Relation.Relation is not null and not Relation.Any && q.Linked.Unknown.FirstOrDefault(u => InSlot(q, u)) is { } other)
        {
            return ParseResult.Fail(ParseFailure.UnknownCompany, language, Intent.Relation, other.Text);
        }

        FacetReading facets = q.Facets;
        Relation? relation = q.Relation.Relation;
        bool receiver = IsReceiver(q, mention);
        ImmutableArray<string> topic = q.SignificantTopic;
        if (q.Has(Lexicon.Compare))
        {
            return ParseResult.Fail(ParseFailure.MissingCompany, language, Intent.Compare);
        }

        if (q.Metric is { } metric && !q.Has(Lexicon.Funding) && relation is not (Relation.Supplies or Relation.Buys) && !(relation == Relation.Pays && topic.Length > 0))
        {
            return ParseResult.Ok(new FinancialsCommand(company, q.Period?.Frame, metric), language);
        }

        if (q.Has(Lexicon.Valuation) && !q.Has(Lexicon.Deals) && relation is null or Relation.Any or Relation.Owns || (facets.Facet == Facet.Valuation && relation is null))
        {
            return ParseResult.Ok(new ValuationCommand(company) { Period = q.Period?.Frame, Asked = facets.Asked, YesNo = facets.YesNo }, language);
        }

        if (relation is { } named and not Relation.Any && topic.Length > 0 && (facets.YesNo || facets.Facet != Facet.None || facets.Still))
        {
            // "Is Blue Owl still funding the Michigan data centre?": one company, and a topic for the other side.
            return ParseResult.Ok(new RelationCommand(company, null, named, FacetFor(q, named))
            {
                Period = q.Period?.Frame,
                Order = facets.Order,
                YesNo = facets.YesNo,
                Still = facets.Still,
                Asked = facets.Asked,
                Topic = topic,
            }, language);
        }

        if (q.Has(Lexicon.Portfolio))
        {
            return ParseResult.Ok(new PortfolioCommand(company), language);
        }

        bool funding = q.Has(Lexicon.Funding) || q.Words.Any(w => w.Lower is "raise" or "raised" or "raising" or "opgehaald" or "haalde");
        switch (relation)
        {
            case Relation.Invests or Relation.Owns when funding && !receiver:
                return ParseResult.Ok(Deals(q, company) with { Type = DealType.Funding }, language);
            case Relation.Invests or Relation.Owns when facets.Facet == Facet.Lead:
                return ParseResult.Ok(Deals(q, company) with { Type = DealType.Funding }, language);
            case Relation.Invests or Relation.Owns:
                return ParseResult.Ok(receiver || q.Has(Lexicon.Investors) ? new InvestorsCommand(company) : new PortfolioCommand(company), language);
            case Relation.Supplies or Relation.Partners:
                return ParseResult.Ok(new PartnersCommand(company, q.PartnerKind), language);
            case Relation.Buys:
                return ParseResult.Ok(Deals(q, company) with { Type = q.DealType is DealType.Chips or DealType.Cloud ? q.DealType : DealType.Acquisition }, language);
        }

        if (q.Has(Lexicon.Partners) || (q.PartnerKind != PartnerKind.All && !q.Has(Lexicon.Deals) && !q.Has(Lexicon.Invest)))
        {
            return ParseResult.Ok(new PartnersCommand(company, q.PartnerKind), language);
        }

        if (q.Has(Lexicon.Investors))
        {
            return ParseResult.Ok(new InvestorsCommand(company), language);
        }

        bool aboutDeals = q.Has(Lexicon.Deals) || funding || q.DealType is not null || q.Period is not null || relation is not null
            || facets.Order != Ordering.None || facets.YesNo || facets.Facet is Facet.Date or Facet.Count or Facet.Lead or Facet.Term or Facet.Amount or Facet.Price or Facet.Stage;
        if (aboutDeals)
        {
            return ParseResult.Ok(Deals(q, company), language);
        }

        if (topic.Length > 0 && !q.Has(Lexicon.Profile))
        {
            return Fallback(q);
        }

        return ParseResult.Ok(new CompanyCommand(company), language);
    }

    private static DealsCommand Deals(Question q, CompanyArg? company) =>
        new(company, q.Period?.Frame, q.DealType)
        {
            Order = q.Facets.Order,
            Facet = q.Facets.Facet,
            YesNo = q.Facets.YesNo,
            Topic = q.SignificantTopic,
        };

    /// <summary>No frame fits: the ranked search answers with the closest facts, or the help reply below its minimum.</summary>
    private static ParseResult Fallback(Question q) =>
        q.Topic.IsEmpty && q.Mentions.IsEmpty
            ? ParseResult.Fail(ParseFailure.UnknownIntent, q.Language)
            : ParseResult.Ok(new SearchCommand(q.Text, Fallback: true), q.Language);

    /// <summary>The attribute of a relation question; a price for "pay", a stake for "own", else what the words say.</summary>
    private static Facet FacetFor(Question q, Relation relation) => q.Facets.Facet switch
    {
        Facet.None when relation == Relation.Owns && q.Has(Lexicon.StakeWords) => Facet.Stake,
        Facet.Amount when relation == Relation.Owns && q.Words.Any(w => w.Lower is "of") => Facet.Stake,
        Facet.Valuation when relation != Relation.Any && q.Has(Lexicon.AmountWords) => Facet.Amount,
        { } facet => facet,
    };

    /// <summary>Whether the single company receives: "Who invested in Anthropic?", "Who owns OpenAI?", "Wie steunt Mistral?".</summary>
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

        // "Who backs Anthropic?", "Which companies back Mistral?": a verb before the company asks for the giver, except
        // after "where"/"waarin" ("Waarin investeerde SoftBank?"); "Is Anthropic backed by anyone?" is passive.
        bool endsWithPreposition = q.Words[^1].Lower is "in" or "into" or "geïnvesteerd" or "geinvesteerd" or "gestoken";
        bool where = q.StartsWith("where", "waar", "waarin", "what", "wat", "welke", "which") && !q.Words.Any(w => Lexicon.Investors.Contains(w.Lower) || w.Lower is "companies" or "bedrijven" && w.Index < mention.First);
        bool verbBefore = q.Words.Any(w => w.Index < mention.First && Lexicon.RelationWords.ContainsKey(w.Lower) && Lexicon.RelationWords[w.Lower] != Relation.Any);
        bool passive = q.Words.Any(w => w.Index > mention.Last && w.Lower is "backed" or "funded" or "owned" or "financed" or "gesteund" or "gefinancierd" or "bezeten");
        bool who = q.Words.Any(w => Lexicon.Who.Contains(w.Lower) && w.Index < mention.First);
        return passive || (!endsWithPreposition && (who || (verbBefore && !where)));
    }

    /// <summary>Whether an unknown name stands where a company would ("in Foobar", "Foobar's", the subject).</summary>
    private static bool InSlot(Question q, UnknownName name) =>
        RelationReader.MarkBefore(q.Words, name.First) != RoleMark.None || q.Words[name.First].IsCapitalized || name.First <= 1;

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
