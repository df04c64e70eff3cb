using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Queries;

/// <summary><c>financials</c>, <c>company</c> and <c>compare</c>: what a company is and what its figures say.</summary>
public static class ProfileQueries
{
    /// <summary>
    /// <c>financials &lt;company&gt; [period]</c>: the figure asked for in the period asked. A year means the full year
    /// when the knowledge has it, with a half-year or quarter figure offered next to it, never instead of it; a forecast
    /// or a figure for a period still to come is told as one ("expects", "verwacht").
    /// </summary>
    public static Reply Financials(FinancialsCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        string id = command.Company.Id!;
        string name = q.Name(id);
        List<KnowledgeEvent> all = [.. q.Snapshot.EventsOf(id).Where(e => e.Type == EventType.Financials && e.Subject?.CompanyId == id)];
        DateRange? range = command.Period?.Resolve(q.Today, q.Snapshot.NewestEventDate?.Start);
        List<KnowledgeEvent> events = range is { } r ? [.. all.Where(e => r.Overlaps(Span(e).From, Span(e).To))] : all;
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

        // Without a period ("latest figures"): the newest actual results first, forecasts after them. With one: the
        // period asked for first (the full year for a year), then longer periods, then the newest report.
        List<KnowledgeEvent> ranked = range is not { } asked
            ? [.. events.OrderByDescending(e => !IsProjection(e, q.Today)).ThenByDescending(e => Span(e).To).ThenByDescending(e => e.Date)]
            : [.. events
                .OrderByDescending(e => Span(e) == asked)
                .ThenByDescending(e => command.Period?.Kind is TimeFrameKind.Month && asked.Contains(e.Date.Start))
                .ThenByDescending(e => !IsProjection(e, q.Today))
                .ThenByDescending(e => Span(e).To.DayNumber - Span(e).From.DayNumber)
                .ThenByDescending(e => e.Period?.Year ?? e.Date.Year)
                .ThenByDescending(e => e.Date)];

        if (command.YesNo && command.Focus is FinancialMetric.Profit or FinancialMetric.Loss
            && ranked.FirstOrDefault(e => !IsProjection(e, q.Today) && e.Financials.Any(f => f.Metric is FinancialMetric.Profit or FinancialMetric.Loss)) is { } result)
        {
            // "Is OpenAI profitable?": the newest actual result answers Yes or No, in its own words.
            FinancialMetric found = result.Financials.First(f => f.Metric is FinancialMetric.Profit or FinancialMetric.Loss).Metric;
            Verdict verdict = (found == FinancialMetric.Profit) == (command.Focus == FinancialMetric.Profit) ? Verdict.Yes : Verdict.No;
            return q.Reply(ReplyKind.Answer, title, Headlines.Lead(verdict, q) + FigureSentence(result, found, name, q)) with
            {
                Badge = q.Badge(result),
                Sections = [new ReplySection(q.L("Figures by period", "Cijfers per periode"), [.. ranked.Take(10).Select(e => FiguresItem(e, q))], Math.Max(0, ranked.Count - 10))],
                Sources = q.Sources([result]),
                Suggestions = suggestions,
                EventId = result.Id,
            };
        }

        string sentence;
        KnowledgeEvent? focusEvent = command.Focus is { } focus ? ranked.FirstOrDefault(e => e.Financials.Any(f => f.Metric == focus)) : null;
        if (command.Focus is { } metric && focusEvent is not null)
        {
            sentence = FigureSentence(focusEvent, metric, name, q);
            if (command.Period?.IsWholeYear == true && range is { } year && Span(focusEvent) != year)
            {
                sentence = q.L($"We have no full-year figure for {year.From.Year}. ", $"We hebben geen cijfer voor heel {year.From.Year}. ") + sentence;
            }
            else if (ranked.FirstOrDefault(e => !ReferenceEquals(e, focusEvent) && e.Financials.Any(f => f.Metric == metric) && range is not null) is { } part)
            {
                FinancialFigure other = part.Financials.First(f => f.Metric == metric);
                sentence += " " + q.L($"For {PeriodOf(part, q)}: {q.MetricLabel(metric)} {q.Money(other.Amount)} ({q.CertaintyLabel(part.Certainty)}).", $"Voor {PeriodOf(part, q)}: {q.MetricLabel(metric)} {q.Money(other.Amount)} ({q.CertaintyLabel(part.Certainty)}).");
            }
        }
        else
        {
            KnowledgeEvent latest = ranked[0];
            sentence = command.Focus is { } missing
                ? q.L($"We have no {q.MetricLabel(missing)} figure of {name}{(command.Period is null ? string.Empty : " for that period")}; ", $"We hebben geen {q.MetricLabel(missing)} van {name}{(command.Period is null ? string.Empty : " voor die periode")}; ")
                : string.Empty;
            string projected = IsProjection(latest, q.Today) ? q.L(", projected", ", verwacht") : string.Empty;
            sentence += command.Period is null
                ? q.L($"{name}'s latest figures ({PeriodOf(latest, q)}{projected}): {FigureLine(latest, q)}.", $"de laatste cijfers van {name} ({PeriodOf(latest, q)}{projected}): {FigureLine(latest, q)}.")
                : q.L($"{name}'s figures for {PeriodOf(latest, q)}{projected}: {FigureLine(latest, q)}.", $"de cijfers van {name} over {PeriodOf(latest, q)}{projected}: {FigureLine(latest, q)}.");
            sentence = Headlines.Sentence(sentence, q);
        }

        KnowledgeEvent headline = focusEvent ?? ranked[0];
        (ImmutableArray<string> notes, bool cut) = q.ShortNotes(headline);
        return q.Reply(ReplyKind.Answer, title, sentence) with
        {
            Badge = q.Badge(headline),
            Sections = [new ReplySection(q.L("Figures by period", "Cijfers per periode"), [.. ranked.Take(10).Select(e => FiguresItem(e, q))], Math.Max(0, ranked.Count - 10))],
            Sources = q.Sources(ranked.Take(5)),
            Notes = notes,
            Suggestions = cut ? suggestions.Insert(0, q.MoreSuggestion) : suggestions,
            EventId = headline.Id,
        };
    }

    /// <summary>"OpenAI lost about $5 billion in 2024 (estimate, per The New York Times)."; a projection reads "expects".</summary>
    private static string FigureSentence(KnowledgeEvent e, FinancialMetric metric, string name, QueryContext q)
    {
        FinancialFigure figure = e.Financials.First(f => f.Metric == metric);
        string period = PeriodOf(e, q);
        string money = q.Money(figure.Amount);
        string publisher = QueryContext.Origin(e.Sources.OrderBy(src => src.Date).First());
        if (IsProjection(e, q.Today))
        {
            string kind = q.L("projection", "prognose");
            string said = q.L($" ({kind}, {q.CertaintyLabel(e.Certainty)}, per {publisher})", $" ({kind}, {q.CertaintyLabel(e.Certainty)}, volgens {publisher})");
            return metric switch
            {
                FinancialMetric.Loss => q.L($"{name} expects a loss of {money} in {period}", $"{name} verwacht in {period} een verlies van {money}"),
                FinancialMetric.Spending => q.L($"{name} expects to spend {money} in {period}", $"{name} verwacht in {period} {money} uit te geven"),
                FinancialMetric.Revenue => q.L($"{name} projected revenue of {money} in {period}", $"{name} verwacht in {period} een omzet van {money}"),
                FinancialMetric.Profit => q.L($"{name} expects a profit of {money} in {period}", $"{name} verwacht in {period} een winst van {money}"),
                FinancialMetric.RunRate => q.L($"{name} expects an annualised revenue run-rate of {money} ({period})", $"{name} verwacht een omzet op jaarbasis van {money} ({period})"),
                FinancialMetric.CashBurn => q.L($"{name} expects to burn {money} in {period}", $"{name} verwacht in {period} {money} te verbranden"),
                _ => q.L($"{name} projected a cash flow of {money} in {period}", $"{name} verwacht in {period} een kasstroom van {money}"),
            } + said + ".";
        }

        string how = q.L($" ({q.CertaintyLabel(e.Certainty)}, per {publisher})", $" ({q.CertaintyLabel(e.Certainty)}, volgens {publisher})");
        return metric switch
        {
            FinancialMetric.Loss => q.L($"{name} lost {money} in {period}", $"{name} verloor in {period} {money}"),
            FinancialMetric.Spending => q.L($"{name} spent {money} in {period}", $"{name} gaf in {period} {money} uit"),
            FinancialMetric.Revenue => q.L($"{name} had revenue of {money} in {period}", $"{name} had in {period} een omzet van {money}"),
            FinancialMetric.Profit => q.L($"{name} made a profit of {money} in {period}", $"{name} maakte in {period} een winst van {money}"),
            FinancialMetric.RunRate => q.L($"{name} had an annualised revenue run-rate of {money} ({period})", $"{name} had een omzet op jaarbasis van {money} ({period})"),
            FinancialMetric.CashBurn => q.L($"{name} burned {money} in {period}", $"{name} verbrandde in {period} {money}"),
            _ => q.L($"{name} had a cash flow of {money} in {period}", $"{name} had in {period} een kasstroom van {money}"),
        } + how + ".";
    }

    /// <summary>
    /// Whether the figures are a forecast: guidance or a projection (not completed), a period that had not begun
    /// or not ended when they were reported (a run-rate within its quarter is a measurement), or a period still to come.
    /// </summary>
    public static bool IsProjection(KnowledgeEvent e, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(e);
        DateRange span = Span(e);
        bool runRateOnly = e.Financials.All(f => f.Metric == FinancialMetric.RunRate);
        bool wholeYear = e.Period is { Kind: PeriodKind.CalendarYear or PeriodKind.FiscalYear };
        return e.Stage != Stage.Completed
            || span.From > today
            || span.From > e.Date.End
            || (span.To > e.Date.End && (!runRateOnly || wholeYear));
    }

    /// <summary>The days the figures cover: their period, else the event's date.</summary>
    private static DateRange Span(KnowledgeEvent e)
    {
        if (e.Period is not { } p)
        {
            return new DateRange(e.Date.Start, e.Date.End);
        }

        return p.Kind switch
        {
            PeriodKind.Half => DateRange.Months(new DateOnly(p.Year, p.Part == 1 ? 1 : 7, 1), 6),
            PeriodKind.Quarter => DateRange.Months(new DateOnly(p.Year, ((p.Part - 1) * 3) + 1, 1), 3),
            _ => DateRange.Months(new DateOnly(p.Year, 1, 1), 12),
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
        new($"{(IsProjection(e, q.Today) ? q.L("projected: ", "verwacht: ") : string.Empty)}{FigureLine(e, q)} — {q.Summary(e)}", PeriodOf(e, q), q.Badge(e), e.Id);
}
