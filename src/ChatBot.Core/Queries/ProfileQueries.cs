using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Queries;

/// <summary><c>financials</c>, <c>company</c> and <c>compare</c>: what a company is and what its figures say.</summary>
public static class ProfileQueries
{
    public static Reply Financials(FinancialsCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        string id = command.Company.Id!;
        string name = q.Name(id);
        List<KnowledgeEvent> all = [.. q.Snapshot.EventsOf(id).Where(e => e.Type == EventType.Financials && e.Subject?.CompanyId == id)];
        DateRange? range = command.Period?.Resolve(q.Today, q.Snapshot.NewestEventDate?.Start);
        List<KnowledgeEvent> events = range is { } r
            ? [.. all.Where(e => e.Period is { } p ? r.Contains(new DateOnly(p.Year, 12, 31)) || r.Contains(new DateOnly(p.Year, 1, 1)) || r.Contains(e.Date.Start) : r.Contains(e.Date.Start))]
            : all;
        string title = q.L($"{name} · financials", $"{name} · cijfers");
        ImmutableArray<string> suggestions = [$"/valuation {name}", $"/deals {name}", $"/company {name}"];
        if (events.Count == 0)
        {
            string when = command.Period is null ? string.Empty : " " + q.L("for that period", "voor die periode");
            string answer = q.L($"We have no financial figures of {name}{when}.", $"We hebben geen cijfers van {name}{when}.");
            if (all.Count > 0)
            {
                answer += " " + q.L($"The latest we have are for {PeriodOf(all[0], q)}.", $"De laatste die we hebben zijn van {PeriodOf(all[0], q)}.");
            }

            return q.Reply(ReplyKind.NoResults, title, answer) with
            {
                Sections = all.Count == 0 ? [] : [new ReplySection(q.L("Known figures", "Bekende cijfers"), [.. all.Take(5).Select(e => FiguresItem(e, q))])],
                Suggestions = suggestions,
            };
        }

        string sentence;
        KnowledgeEvent? focusEvent = command.Focus is { } focus ? events.FirstOrDefault(e => e.Financials.Any(f => f.Metric == focus)) : null;
        if (command.Focus is { } metric && focusEvent is not null)
        {
            FinancialFigure figure = focusEvent.Financials.First(f => f.Metric == metric);
            string period = PeriodOf(focusEvent, q);
            string money = q.Money(figure.Amount);
            string publisher = QueryContext.Origin(focusEvent.Sources.OrderBy(src => src.Date).First());
            string how = q.L($" ({q.CertaintyLabel(focusEvent.Certainty)}, per {publisher})", $" ({q.CertaintyLabel(focusEvent.Certainty)}, volgens {publisher})");
            sentence = metric switch
            {
                FinancialMetric.Loss => q.L($"{name} lost {money} in {period}", $"{name} verloor in {period} {money}"),
                FinancialMetric.Spending => q.L($"{name} spent {money} in {period}", $"{name} gaf in {period} {money} uit"),
                FinancialMetric.Revenue => q.L($"{name} had revenue of {money} in {period}", $"{name} had in {period} een omzet van {money}"),
                FinancialMetric.Profit => q.L($"{name} made a profit of {money} in {period}", $"{name} maakte in {period} een winst van {money}"),
                FinancialMetric.RunRate => q.L($"{name} had an annualised revenue run-rate of {money} ({period})", $"{name} had een omzet op jaarbasis van {money} ({period})"),
                FinancialMetric.CashBurn => q.L($"{name} burned {money} in {period}", $"{name} verbrandde in {period} {money}"),
                _ => q.L($"{name} had a cash flow of {money} in {period}", $"{name} had in {period} een kasstroom van {money}"),
            };
            sentence += how + ".";
        }
        else
        {
            KnowledgeEvent latest = events[0];
            sentence = command.Focus is { } missing
                ? q.L($"We have no {q.MetricLabel(missing)} figure of {name}{(command.Period is null ? string.Empty : " for that period")}; ", $"We hebben geen {q.MetricLabel(missing)} van {name}{(command.Period is null ? string.Empty : " voor die periode")}; ")
                : string.Empty;
            sentence += q.L($"{name}'s latest figures ({PeriodOf(latest, q)}): {FigureLine(latest, q)}.", $"De laatste cijfers van {name} ({PeriodOf(latest, q)}): {FigureLine(latest, q)}.");
            sentence = char.ToUpper(sentence[0], q.Culture) + sentence[1..];
        }

        KnowledgeEvent headline = focusEvent ?? events[0];
        return q.Reply(ReplyKind.Answer, title, sentence) with
        {
            Badge = q.Badge(headline),
            Sections = [new ReplySection(q.L("Figures by period", "Cijfers per periode"), [.. events.Take(10).Select(e => FiguresItem(e, q))], Math.Max(0, events.Count - 10))],
            Sources = q.Sources(events.Take(5)),
            Notes = [.. q.Notes(headline)],
            Suggestions = suggestions,
        };
    }

    public static Reply Company(CompanyCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        Company company = q.Snapshot.GetCompany(command.Company.Id!);
        string description = (q.Dutch ? company.DescriptionNl : null) ?? company.Description
            ?? q.L($"{company.Name} is a company in our knowledge ({q.KindLabel(company.Kind)}).", $"{company.Name} is een bedrijf in onze kennisbank ({q.KindLabel(company.Kind)}).");
        List<ReplyField> fields = [new(q.L("Kind", "Soort"), q.KindLabel(company.Kind))];
        void Add(string en, string nl, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                fields.Add(new ReplyField(q.L(en, nl), value));
            }
        }

        Add("Founded", "Opgericht", company.Founded?.ToString(q.Culture));
        Add("Headquarters", "Hoofdkantoor", company.Headquarters);
        Add("Ticker", "Beurscode", company.Ticker);
        Add("Parent", "Moederbedrijf", company.ParentId is null ? null : q.Name(company.ParentId));
        Add("Website", "Website", company.Website);
        if (company.Aliases.Length > 0)
        {
            Add("Also known as", "Ook bekend als", string.Join(", ", company.Aliases));
        }

        ValuationPoint? valuation = ValuationQuery.Headline(q.Snapshot, company.Id);
        if (valuation is not null)
        {
            Add("Latest confirmed valuation", "Laatste bevestigde waardering", $"{q.Money(valuation.Valuation.Amount)} ({q.Date(valuation.Event.Date)})");
        }

        ImmutableArray<KnowledgeEvent> events = q.Snapshot.EventsOf(company.Id);
        Add("Events", "Gebeurtenissen", events.Length.ToString(q.Culture));
        return q.Reply(ReplyKind.Answer, company.Name, description) with
        {
            Fields = [.. fields],
            Sections = events.IsEmpty ? [] : [new ReplySection(q.L("Latest", "Recent"), [.. events.Take(5).Select(e => q.Item(e, q.TypeLabel(e.Type)))], Math.Max(0, events.Length - 5))],
            Sources = q.Sources(events.Take(5), 5),
            Suggestions = [$"/valuation {company.Name}", $"/deals {company.Name}", $"/investors {company.Name}", $"/partners {company.Name}"],
        };
    }

    public static Reply Compare(CompareCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        string[] ids = [command.First.Id!, command.Second.Id!];
        List<ReplyField> fields = [];
        List<string> valuations = [];
        List<KnowledgeEvent> used = [];
        foreach (string id in ids)
        {
            string name = q.Name(id);
            ValuationPoint? v = ValuationQuery.Headline(q.Snapshot, id);
            ImmutableArray<KnowledgeEvent> events = q.Snapshot.EventsOf(id);
            KnowledgeEvent? round = events.FirstOrDefault(e => e.Type == EventType.FundingRound && e.Subject?.CompanyId == id && e.Amount is not null);
            int deals = events.Count(e => Intents.DealEventTypes.Contains(e.Type));
            List<string> lines =
            [
                q.L("Valuation: ", "Waardering: ") + (v is null ? "—" : $"{q.Money(v.Valuation.Amount)} ({q.Date(v.Event.Date)})"),
                q.L("Latest round: ", "Laatste ronde: ") + (round is null ? "—" : $"{q.Money(round.Amount!.Value)} ({q.Date(round.Date)}, {q.StageLabel(round.Stage)})"),
                q.L("Deals known: ", "Bekende deals: ") + deals.ToString(q.Culture),
            ];
            fields.Add(new ReplyField(name, string.Join("\n", lines)));
            valuations.Add(v is null ? q.L($"{name} has no confirmed valuation", $"{name} heeft geen bevestigde waardering") : $"{name} {q.Money(v.Valuation.Amount)} ({q.Date(v.Event.Date)})");
            if (v is not null)
            {
                used.Add(v.Event);
            }

            if (round is not null)
            {
                used.Add(round);
            }
        }

        string title = $"{q.Name(ids[0])} vs {q.Name(ids[1])}";
        string answer = q.L("Latest confirmed valuations: ", "Laatste bevestigde waarderingen: ") + string.Join("; ", valuations) + ".";
        return q.Reply(ReplyKind.Answer, title, answer) with
        {
            Fields = [.. fields],
            Sources = q.Sources(used.Distinct()),
            Suggestions = [$"/valuation {q.Name(ids[0])}", $"/valuation {q.Name(ids[1])}"],
        };
    }

    private static string PeriodOf(KnowledgeEvent e, QueryContext q) =>
        e.Period is { } p ? Formats.Period(p, q.Language) : q.Date(e.Date);

    private static string FigureLine(KnowledgeEvent e, QueryContext q) =>
        string.Join(" · ", e.Financials.Select(f => $"{q.MetricLabel(f.Metric)} {q.Money(f.Amount)}"));

    private static ReplyItem FiguresItem(KnowledgeEvent e, QueryContext q) =>
        new($"{FigureLine(e, q)} — {q.Summary(e)}", PeriodOf(e, q), q.Badge(e), e.Id);
}
