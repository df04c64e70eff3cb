using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Queries;

/// <summary>A valuation of one company, with the event that set it.</summary>
public sealed record ValuationPoint(KnowledgeEvent Event, Valuation Valuation)
{
    /// <summary>The headline takes only confirmed valuations of deals that happened or are binding.</summary>
    public bool IsHeadline => Event.Certainty == Certainty.Confirmed && Event.Stage is Stage.Announced or Stage.Agreed or Stage.Completed;
}

/// <summary><c>valuation &lt;company&gt;</c>: the latest confirmed valuation, newer reported figures under it, the history.</summary>
public static class ValuationQuery
{
    /// <summary>Every valuation of a company, newest first: the subject's event valuation or a party's own.</summary>
    public static ImmutableArray<ValuationPoint> History(KnowledgeSnapshot snapshot, string companyId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ImmutableArray<ValuationPoint>.Builder points = ImmutableArray.CreateBuilder<ValuationPoint>();
        foreach (KnowledgeEvent e in snapshot.EventsOf(companyId))
        {
            Party? own = e.Parties.FirstOrDefault(p => p.CompanyId == companyId && p.Valuation is not null);
            if (own?.Valuation is { } partyValuation)
            {
                points.Add(new ValuationPoint(e, partyValuation));
            }
            else if (e.Valuation is { } valuation && e.Subject?.CompanyId == companyId)
            {
                points.Add(new ValuationPoint(e, valuation));
            }
        }

        return points.ToImmutable();
    }

    /// <summary>The latest confirmed valuation, if any.</summary>
    public static ValuationPoint? Headline(KnowledgeSnapshot snapshot, string companyId) =>
        History(snapshot, companyId).FirstOrDefault(p => p.IsHeadline);

    public static Reply Answer(ValuationCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        string id = command.Company.Id!;
        string name = q.Name(id);
        ImmutableArray<ValuationPoint> history = History(q.Snapshot, id);
        string title = q.L($"{name} · valuation", $"{name} · waardering");
        ImmutableArray<string> suggestions = [$"/deals {name}", $"/investors {name}", $"/company {name}"];
        if (command.Period is { } period)
        {
            // "What was OpenAI worth in 2024?": the valuations known by the end of that period.
            DateRange range = period.Resolve(q.Today, q.Snapshot.NewestEventDate?.Start);
            history = [.. history.Where(p => p.Event.Date.Start <= range.To)];
            if (history.IsEmpty)
            {
                return q.Reply(ReplyKind.NoResults, title, q.L($"We have no valuation of {name} up to {DealsQuery.PeriodLabel(period, range, q)}.", $"We hebben geen waardering van {name} tot en met {DealsQuery.PeriodLabel(period, range, q)}.")) with { Suggestions = suggestions };
            }
        }

        if (history.IsEmpty)
        {
            return q.Reply(ReplyKind.NoResults, title, q.L($"We have no valuation of {name} yet.", $"We hebben nog geen waardering van {name}.")) with { Suggestions = suggestions };
        }

        string prefix = command.YesNo && command.Asked is { } asked ? AskedFigure(history, asked, name, q) : string.Empty;
        string? askedEvent = command.YesNo && command.Asked is { } figure ? Named(history, figure)?.Event.Id : null;

        int headlineIndex = history.IndexOf(history.FirstOrDefault(p => p.IsHeadline)!);
        if (headlineIndex < 0)
        {
            ValuationPoint latest = history[0];
            return q.Reply(ReplyKind.Answer, title, prefix + q.L(
                    $"We have no confirmed valuation of {name}; the latest reported figure is {q.Money(latest.Valuation.Amount)} ({q.Date(latest.Event.Date)}, {q.StageLabel(latest.Event.Stage)}, {q.CertaintyLabel(latest.Event.Certainty)}).",
                    $"We hebben geen bevestigde waardering van {name}; het laatst gemelde bedrag is {q.Money(latest.Valuation.Amount)} ({q.Date(latest.Event.Date)}, {q.StageLabel(latest.Event.Stage)}, {q.CertaintyLabel(latest.Event.Certainty)}).")) with
            {
                EventId = askedEvent ?? latest.Event.Id,
                Badge = q.Badge(latest.Event),
                Sections = [new ReplySection(q.L("Reported valuations", "Gemelde waarderingen"), [.. history.Select(p => PointItem(p, q))])],
                Sources = q.Sources(history.Select(p => p.Event)),
                Notes = [.. history.SelectMany(p => q.Notes(p.Event)).Distinct()],
                Suggestions = suggestions,
            };
        }

        ValuationPoint headline = history[headlineIndex];
        ImmutableArray<ValuationPoint> newer = history[..headlineIndex];
        ImmutableArray<ValuationPoint> older = history[(headlineIndex + 1)..];
        string money = q.Money(headline.Valuation.Amount) + QueryContext.BasisSuffix(headline.Valuation.Basis);
        string how = How(headline.Event, id, q);
        string answer = prefix + q.L(
            $"{name} was last valued at {money} {q.OnDate(headline.Event.Date)}, set by {how}.",
            $"{name} werd {q.OnDate(headline.Event.Date)} voor het laatst gewaardeerd op {money}, vastgesteld bij {how}.");
        if (!newer.IsEmpty)
        {
            ValuationPoint report = newer[0];
            answer += " " + q.L(
                $"A newer report puts it at {q.Money(report.Valuation.Amount)} ({q.StageLabel(report.Event.Stage)}, {q.CertaintyLabel(report.Event.Certainty)}).",
                $"Een nieuwer bericht noemt {q.Money(report.Valuation.Amount)} ({q.StageLabel(report.Event.Stage)}, {q.CertaintyLabel(report.Event.Certainty)}).");
        }

        List<ReplySection> sections = [];
        if (!newer.IsEmpty)
        {
            sections.Add(new ReplySection(q.L("Newer reports, not confirmed", "Nieuwere berichten, niet bevestigd"), [.. newer.Select(p => PointItem(p, q))]));
        }

        if (!older.IsEmpty)
        {
            sections.Add(new ReplySection(q.L("History", "Geschiedenis"), [.. older.Take(8).Select(p => PointItem(p, q))], Math.Max(0, older.Length - 8)));
        }

        List<ReplyField> fields =
        [
            new(q.L("Valuation", "Waardering"), money),
            new(q.L("Date", "Datum"), q.Date(headline.Event.Date)),
            new(q.L("Set by", "Vastgesteld bij"), how, Inline: false),
        ];
        return q.Reply(ReplyKind.Answer, title, answer) with
        {
            EventId = askedEvent ?? headline.Event.Id,
            Badge = q.Badge(headline.Event),
            Fields = [.. fields],
            Sections = [.. sections],
            Sources = q.Sources(newer.Select(p => p.Event).Prepend(headline.Event)),
            Notes = [.. q.Notes(headline.Event).Concat(newer.SelectMany(p => q.Notes(p.Event))).Distinct()],
            Suggestions = suggestions,
        };
    }

    /// <summary>The valuation closest to a figure the question names (within 5%, in its currency), the newest of equals.</summary>
    private static ValuationPoint? Named(ImmutableArray<ValuationPoint> history, Money asked) =>
        history.Where(p => string.Equals(p.Valuation.Amount.Currency, asked.Currency, StringComparison.Ordinal)
                && Math.Abs(p.Valuation.Amount.Amount - asked.Amount) <= asked.Amount * 0.05m)
            .OrderBy(p => Math.Abs(p.Valuation.Amount.Amount - asked.Amount))
            .FirstOrDefault();

    /// <summary>"Is xAI worth $200 billion?": Yes, No or Not any more first, and the report that says so.</summary>
    private static string AskedFigure(ImmutableArray<ValuationPoint> history, Money asked, string name, QueryContext q)
    {
        ValuationPoint? named = Named(history, asked);
        ValuationPoint? headline = history.FirstOrDefault(p => p.IsHeadline);
        string figure = q.Money(asked);
        if (named is null)
        {
            return q.L($"No — we have no valuation of {name} at {figure}. ", $"Nee — we hebben geen waardering van {name} van {figure}. ");
        }

        if (named.Event.Certainty == Certainty.Denied)
        {
            return Headlines.Lead(Verdict.No, q) + q.L("the report was denied: ", "het bericht werd ontkend: ") + Headlines.Fact(named.Event, q) + " ";
        }

        if (ReferenceEquals(named, headline))
        {
            return Headlines.Lead(Verdict.Yes, q);
        }

        if (headline is not null && named.Event.Date < headline.Event.Date)
        {
            return Headlines.Lead(Verdict.NotAnyMore, q) + q.L($"{name} was valued at {figure} {q.OnDate(named.Event.Date)}. ", $"{name} werd {q.OnDate(named.Event.Date)} op {figure} gewaardeerd. ");
        }

        return Headlines.Lead(Verdict.NotYet, q) + q.L("only reported, not confirmed: ", "alleen gemeld, niet bevestigd: ") + Headlines.Fact(named.Event, q) + " ";
    }

    private static ReplyItem PointItem(ValuationPoint p, QueryContext q) =>
        new($"{q.Money(p.Valuation.Amount)}{QueryContext.BasisSuffix(p.Valuation.Basis)} — {q.Summary(p.Event)}", q.Date(p.Event.Date), q.Badge(p.Event), p.Event.Id);

    private static string Article(string word) => word.Length > 0 && "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>"a $40 billion funding round led by SoftBank", "a $6.6 billion secondary share sale", "a merger".</summary>
    internal static string How(KnowledgeEvent e, string companyId, QueryContext q)
    {
        string? amount = e.Amount is { } m ? q.Money(m) : null;
        string[] leads = [.. e.Parties.Where(p => p.Role == Role.LeadInvestor && p.CompanyId != companyId).Select(p => q.Name(p.CompanyId))];
        string led = leads.Length == 0 ? string.Empty : q.L(" led by ", " onder leiding van ") + q.List(leads);
        if (e.Type == EventType.FundingRound && e.Round?.Kind == RoundKind.Secondary)
        {
            return amount is null
                ? q.L("a secondary share sale", "een verkoop van bestaande aandelen")
                : q.L($"a {amount} secondary share sale", $"een verkoop van bestaande aandelen van {amount}");
        }

        if (e.Type == EventType.FundingRound)
        {
            string series = e.Round?.Name is { } roundName ? $" ({roundName})" : string.Empty;
            return amount is null
                ? q.L("a funding round", "een financieringsronde") + series + led
                : q.L($"a {amount} funding round", $"een financieringsronde van {amount}") + series + led;
        }

        string type = q.TypeLabel(e.Type);
        return amount is null ? q.L($"{Article(type)} {type}", $"een {type}") : q.L($"a {amount} {type}", $"een {type} van {amount}");
    }
}
