using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Questions;

/// <summary>
/// What a follow-up adds to the last question: companies ("and Anthropic?"), a period ("and in 2024?"), another
/// intent for the same company ("what about their investors?") or an attribute of the last answer's fact ("who led
/// it?"). Immutable.
/// </summary>
/// <param name="Companies">The companies it names, each with the marker before it.</param>
/// <param name="Period">The period it names.</param>
/// <param name="Intent">The intent it switches to, if it names one.</param>
/// <param name="Facet">The attribute it asks for.</param>
/// <param name="PointsAtFact">Whether it points at the last answer's fact ("it", "that", "het").</param>
public sealed record FollowUp(ImmutableArray<(CompanyArg Company, RoleMark Mark)> Companies, TimeFrame? Period, Intent? Intent, Facet Facet, bool PointsAtFact)
{
    /// <summary>A topic it switches to ("en de Series H?").</summary>
    public ImmutableArray<string> Topic { get; init; } = [];

    public PartnerKind PartnerKind { get; init; }

    public FinancialMetric? Metric { get; init; }

    public DealType? DealType { get; init; }
}

/// <summary>What the last answer was about, per user and place: the command it answered and its headline fact.</summary>
/// <param name="Command">The command the last question became.</param>
/// <param name="EventId">The event its first sentence was about, if any.</param>
public sealed record Context(Command Command, string? EventId);

/// <summary>Reads follow-ups and fills what they leave out from the last question. Pure.</summary>
public static class FollowUps
{
    /// <summary>The follow-up a question may be: short, opening with "and"/"what about"/"en", or pointing back ("it", "their").</summary>
    public static FollowUp? Read(Question q)
    {
        ArgumentNullException.ThrowIfNull(q);
        ImmutableArray<Token> words = q.Words;
        if (words.Length <= 4 && q.Mentions.IsEmpty && words.Any(w => w.Lower is "more" or "meer" or "details" or "detail")
            && words.All(w => w.Lower is "more" or "meer" or "details" or "detail" or "tell" or "me" or "vertel" or "geef" or "show" or "toon" or "and" or "en" or "please" or "graag" or "about" or "over" or "it" or "that" or "dat" or "het"))
        {
            // "tell me more", "vertel meer": the whole of the last answer's fact, notes and sources.
            return new FollowUp([], null, null, Facet.None, PointsAtFact: true);
        }

        bool opener = words.Length > 0 && (Lexicon.FollowUpOpeners.Contains(words[0].Lower)
            || (words.Length > 1 && words[0].Lower is "what" or "how" && words[1].Lower is "about")
            || (words.Length > 1 && words[0].Lower is "wat" && words[1].Lower is "dacht" or "over")
            || (words.Length > 2 && words[0].Lower is "hoe" && words[1].Lower is "zit" && words[2].Lower is "het"));
        if (!q.Linked.Unknown.IsEmpty && q.Linked.Unknown.Any(u => !q.SignificantTopic.Contains(u.Text)))
        {
            // "Wie zijn de investeerders van Brakwater?" names a company we do not know: it continues nothing.
            return null;
        }

        // "that round", "die deal": pointing at the last answer's fact by naming its kind.
        bool pointingAtDeal = words.Any(w => w.Lower is "die" or "deze" or "dat" or "dit" or "that" or "this" or "the" or "de" or "het" && w.Index + 1 < words.Length
            && (Lexicon.Funding.Contains(words[w.Index + 1].Lower) || Lexicon.Deals.Contains(words[w.Index + 1].Lower) || Lexicon.Acquisitions.Contains(words[w.Index + 1].Lower))
            && words.Length <= 5 && q.Mentions.IsEmpty && q.SignificantTopic.IsEmpty);
        bool pointing = words.Any(w => Lexicon.PointingWords.Contains(w.Lower) && !q.Taken(w.Index)) || pointingAtDeal;
        int content = words.Count(w => !q.Taken(w.Index) && !Lexicon.FunctionWords.Contains(w.Lower) && !Lexicon.PointingWords.Contains(w.Lower) && !Lexicon.FollowUpOpeners.Contains(w.Lower) && w.Lower is not "about" and not "dacht" and not "zit");
        bool onlyPeriod = q.Mentions.IsEmpty && q.Period is not null && words.All(w => q.Taken(w.Index) || Lexicon.FollowUpOpeners.Contains(w.Lower) || w.Lower is "in" or "for" or "voor" or "what" or "about" or "wat");
        if (!opener && !(pointing && words.Length <= 6) && !onlyPeriod)
        {
            return null;
        }

        if (words.Length > 9)
        {
            return null;
        }

        Intent? intent = q.Has(Lexicon.Valuation) ? Intent.Valuation
            : q.Has(Lexicon.Investors) ? Intent.Investors
            : q.Has(Lexicon.Portfolio) ? Intent.Portfolio
            : q.Has(Lexicon.Partners) || q.PartnerKind != PartnerKind.All ? Intent.Partners
            : q.Has(Lexicon.Financials) ? Intent.Financials
            : q.Has(Lexicon.Deals) || q.DealType is not null ? Intent.Deals
            : q.Has(Lexicon.Profile) ? Intent.Company
            : null;
        bool pointsAtFact = (pointingAtDeal && q.Facets.Facet != Facet.None) || (pointing && q.Mentions.IsEmpty && intent is null && q.Facets.Facet != Facet.None);
        if (!q.Mentions.IsEmpty && (intent is not null || q.Relation.Relation is not null || q.Facets.Facet != Facet.None || q.Facets.YesNo))
        {
            // "Did SoftBank sell its Nvidia stake?" names its companies and what it asks: it stands on its own.
            return null;
        }

        if (q.Mentions.IsEmpty && q.Period is null && intent is null && !pointsAtFact && q.Facets.Facet == Facet.None && q.SignificantTopic.IsEmpty)
        {
            return null;
        }

        if (content > 4)
        {
            return null;
        }

        return new FollowUp([.. q.Mentions.Select((m, i) => (m.Company, q.Relation.Marks[i] == RoleMark.Symmetric ? RoleMark.None : q.Relation.Marks[i]))], q.Period?.Frame, intent, q.Facets.Facet, pointsAtFact)
        {
            Topic = q.SignificantTopic,
            PartnerKind = q.PartnerKind,
            Metric = q.Metric,
            DealType = q.DealType,
        };
    }

    /// <summary>The last question with what the follow-up changes; null when the two do not fit together.</summary>
    public static Command? Resolve(Context last, FollowUp followUp, KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (followUp.PointsAtFact && last.EventId is { } eventId && snapshot.FindEvent(eventId) is not null)
        {
            return new EventCommand(eventId, followUp.Facet);
        }

        Command command = last.Command;
        if (followUp.Intent is { } intent && followUp.Companies.IsEmpty)
        {
            // "what about their investors?": the same company, another intent.
            return MainCompany(command) is { } company ? Single(intent, company, followUp, command) : null;
        }

        if (!followUp.Companies.IsEmpty)
        {
            command = WithCompanies(command, followUp, snapshot) ?? command;
            if (followUp.Intent is { } switched && command is not RelationCommand && MainCompany(command) is { } replaced)
            {
                command = Single(switched, replaced, followUp, command);
            }
        }

        if (followUp.Period is { } period)
        {
            command = WithPeriod(command, period);
        }

        if (!followUp.Topic.IsEmpty)
        {
            command = command switch
            {
                RelationCommand r => r with { Topic = followUp.Topic },
                DealsCommand d => d with { Topic = followUp.Topic },
                _ => command,
            };
        }

        if (followUp.Facet != Facet.None)
        {
            command = command switch
            {
                RelationCommand r => r with { Facet = followUp.Facet },
                DealsCommand d => d with { Facet = followUp.Facet },
                _ => command,
            };
        }

        return ReferenceEquals(command, last.Command) ? null : command;
    }

    private static Command? WithCompanies(Command command, FollowUp followUp, KnowledgeSnapshot snapshot)
    {
        CompanyArg first = followUp.Companies[0].Company;
        if (command is RelationCommand relation)
        {
            if (followUp.Companies.Length >= 2)
            {
                return relation with { Actor = first, Counterpart = followUp.Companies[1].Company };
            }

            // "and in OpenAI?" replaces the object, "and from Amazon?" the giver; otherwise the side the knowledge links the
            // new company to, then the one of the same kind.
            RoleMark mark = followUp.Companies[0].Mark;
            if (relation.Counterpart is not { } other || mark == RoleMark.Giver)
            {
                return relation with { Actor = first };
            }

            if (mark is RoleMark.Receiver or RoleMark.WeakReceiver)
            {
                return relation with { Counterpart = first };
            }

            bool asActor = Fits(snapshot, relation.Relation, first, other);
            bool asCounterpart = Fits(snapshot, relation.Relation, relation.Actor, first);
            bool replaceActor = asActor != asCounterpart ? asActor : SameKind(snapshot, first, relation.Actor) && !SameKind(snapshot, first, other);
            return replaceActor ? relation with { Actor = first } : relation with { Counterpart = first };
        }

        if (command is CompareCommand compare)
        {
            return followUp.Companies.Length >= 2 ? new CompareCommand(first, followUp.Companies[1].Company) : compare with { Second = first };
        }

        return MainCompany(command) is null ? null : Replace(command, first);
    }

    private static Command Replace(Command command, CompanyArg company) => command switch
    {
        ValuationCommand c => c with { Company = company },
        DealsCommand c => c with { Company = company },
        PartnersCommand c => c with { Company = company },
        InvestorsCommand c => c with { Company = company },
        PortfolioCommand c => c with { Investor = company },
        FinancialsCommand c => c with { Company = company },
        CompanyCommand c => c with { Company = company },
        _ => command,
    };

    private static Command WithPeriod(Command command, TimeFrame period) => command switch
    {
        DealsCommand c => c with { Period = period },
        FinancialsCommand c => c with { Period = period },
        RelationCommand c => c with { Period = period },
        ValuationCommand c => c with { Period = period },
        InvestorsCommand c => new DealsCommand(c.Company, period, DealType.Funding),
        PortfolioCommand c => new DealsCommand(c.Investor, period, DealType.Investment),
        PartnersCommand c => new DealsCommand(c.Company, period, c.Kind switch { PartnerKind.Cloud => DealType.Cloud, PartnerKind.Chips => DealType.Chips, _ => null }),
        CompanyCommand c => new DealsCommand(c.Company, period, null),
        _ => command,
    };

    private static Command Single(Intent intent, CompanyArg company, FollowUp followUp, Command last)
    {
        TimeFrame? period = followUp.Period ?? PeriodOf(last);
        return intent switch
        {
            Intent.Valuation => new ValuationCommand(company),
            Intent.Investors => new InvestorsCommand(company),
            Intent.Portfolio => new PortfolioCommand(company),
            Intent.Partners => new PartnersCommand(company, followUp.PartnerKind),
            Intent.Financials => new FinancialsCommand(company, period, followUp.Metric),
            Intent.Deals => new DealsCommand(company, period, followUp.DealType),
            _ => new CompanyCommand(company),
        };
    }

    /// <summary>The company a command is about; for a relation the counterpart ("their" points at the last one named).</summary>
    private static CompanyArg? MainCompany(Command command) => command switch
    {
        ValuationCommand c => c.Company,
        DealsCommand c => c.Company,
        PartnersCommand c => c.Company,
        InvestorsCommand c => c.Company,
        PortfolioCommand c => c.Investor,
        FinancialsCommand c => c.Company,
        CompanyCommand c => c.Company,
        CompareCommand c => c.Second,
        RelationCommand c => c.Counterpart ?? c.Actor,
        _ => null,
    };

    private static TimeFrame? PeriodOf(Command command) => command switch
    {
        DealsCommand c => c.Period,
        FinancialsCommand c => c.Period,
        RelationCommand c => c.Period,
        _ => null,
    };

    /// <summary>Whether any event links the two by the relation.</summary>
    private static bool Fits(KnowledgeSnapshot snapshot, Relation relation, CompanyArg actor, CompanyArg counterpart) =>
        actor.Id is not null && counterpart.Id is not null && snapshot.EventsOf(actor.Id).Any(e => Queries.Roles.Fits(e, relation, actor.Id, counterpart.Id));

    private static bool SameKind(KnowledgeSnapshot snapshot, CompanyArg a, CompanyArg b) =>
        a.Id is not null && b.Id is not null && snapshot.FindCompany(a.Id)?.Kind == snapshot.FindCompany(b.Id)?.Kind;
}
