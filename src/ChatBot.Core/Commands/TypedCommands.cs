using System.Collections.Immutable;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Questions;

namespace ChatBot.Core.Commands;

/// <summary>
/// Typed commands: <c>/deals Amazon 2024 cloud</c>, <c>valuation OpenAI</c>, <c>/compare OpenAI vs xAI</c>. The
/// argument of a one-company command is one company name ("OpenAI Labs Inc" is not OpenAI); periods, deal types and
/// "please" may stand beside it. Pure.
/// </summary>
internal static class TypedCommands
{
    public static ParseResult Parse(Intent verb, string rest, Language? language, CompanyDirectory directory)
    {
        switch (verb)
        {
            case Intent.Help:
                string topic = rest.Trim().TrimStart('/');
                return ParseResult.Ok(new HelpCommand(topic.Length == 0 ? null : topic.ToLowerInvariant()), language);
            case Intent.About:
                return ParseResult.Ok(new AboutCommand(), language);
            case Intent.Search:
                return rest.Trim().Length == 0
                    ? ParseResult.Fail(ParseFailure.BadCommand, language, verb, detail: "text")
                    : ParseResult.Ok(new SearchCommand(rest.Trim()), language);
        }

        Question question = QuestionReader.Read(rest, directory);
        ImmutableArray<Mention> mentions = question.Mentions;
        TimeFrame? period = question.Period?.Frame;
        DealType? type = question.DealType;
        if (verb == Intent.Compare)
        {
            return mentions.Length switch
            {
                >= 2 => ParseResult.Ok(new CompareCommand(mentions[0].Company, mentions[1].Company), language),
                1 when question.Linked.Unknown.Length > 0 => ParseResult.Fail(ParseFailure.UnknownCompany, language, verb, question.Linked.Unknown[0].Text),
                _ => ParseResult.Fail(ParseFailure.MissingCompany, language, verb),
            };
        }

        if (verb == Intent.Deals && mentions.Length >= 2)
        {
            // "/deals OpenAI Oracle": the deals between the two.
            return ParseResult.Ok(new RelationCommand(mentions[0].Company, mentions[1].Company, Relation.Any, Facet.None) { Period = period, Directed = false }, language);
        }

        // Anything beside the name that is not a period, a deal type or a question word makes it a name we don't know.
        string name = string.Join(' ', question.Words.Where(w => !IsBesideName(question, w)).Select(w => w.Text));
        string unknown = string.Join(' ', question.Words.Where(w => !question.Linked.InMention(w.Index) && !IsBesideName(question, w)).Select(w => w.Text));
        CompanyArg? company = mentions.Length == 1 && unknown.Length == 0 ? mentions[0].Company
            : name.Length > 0 ? new CompanyArg(name, directory.Find(name)?.Id)
            : null;
        return Build(verb, company, period, type, question, language);
    }

    /// <summary>The command of a verb and its one company, or why there is none.</summary>
    public static ParseResult Build(Intent verb, CompanyArg? company, TimeFrame? period, DealType? type, Question? question, Language? language, PartnerKind? kind = null)
    {
        if (verb == Intent.Deals)
        {
            return company is { IsKnown: false }
                ? ParseResult.Fail(ParseFailure.UnknownCompany, language, verb, company.Text)
                : ParseResult.Ok(new DealsCommand(company, period, type) { Order = question?.Facets.Order ?? Ordering.None }, language);
        }

        if (company is null)
        {
            return ParseResult.Fail(ParseFailure.MissingCompany, language, verb);
        }

        if (!company.IsKnown)
        {
            return ParseResult.Fail(ParseFailure.UnknownCompany, language, verb, company.Text);
        }

        Command command = verb switch
        {
            Intent.Valuation => new ValuationCommand(company) { Period = period },
            Intent.Partners => new PartnersCommand(company, kind ?? question?.PartnerKind ?? PartnerKind.All),
            Intent.Investors => new InvestorsCommand(company),
            Intent.Portfolio => new PortfolioCommand(company),
            Intent.Financials => new FinancialsCommand(company, period, question?.Metric),
            _ => new CompanyCommand(company),
        };
        return ParseResult.Ok(command, language);
    }

    private static bool IsBesideName(Question question, Token word) =>
        (question.Period?.Used.Contains(word.Index) ?? false)
        || (!question.Linked.InMention(word.Index) && (Lexicon.DealTypeOf(word.Lower) is not null || Lexicon.Ipo.Contains(word.Lower)
            || Lexicon.Cloud.Contains(word.Lower) || Lexicon.Chips.Contains(word.Lower) || Lexicon.Partners.Contains(word.Lower)
            || Lexicon.Invest.Contains(word.Lower) || Lexicon.MetricOf(word.Lower) is not null || Lexicon.LatestWords.Contains(word.Lower)
            || Lexicon.Recent.Contains(word.Lower) || word.Lower is "in" or "of" or "for" or "please" or "graag" or "van" or "voor" or "the" or "de"));
}
