using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Queries;

/// <summary><c>deals [company] [period] [type]</c>: deals newest first; the 12 months to the newest event by default.</summary>
public static class DealsQuery
{
    private const int MaxItems = 10;

    public static Reply Answer(DealsCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        TimeFrame frame = command.Period ?? TimeFrame.Recent;
        DateRange range = frame.Resolve(q.Today, q.Snapshot.NewestEventDate?.Start);
        ImmutableArray<EventType> types = command.Type is { } t ? Intents.EventTypes(t) : Intents.DealEventTypes;
        string? id = command.Company?.Id;
        string? name = id is null ? null : q.Name(id);
        ImmutableArray<KnowledgeEvent> pool = id is null ? q.Snapshot.EventsNewestFirst : q.Snapshot.EventsOf(id);

        List<KnowledgeEvent> all = [.. pool.Where(e => types.Contains(e.Type))];
        List<KnowledgeEvent> inRange = [.. all.Where(e => range.Contains(e.Date.Start))];
        string what = command.Type is { } type ? TypeNoun(type, q) : q.L("deals", "deals");
        string period = PeriodLabel(frame, range, q);
        string title = name is null
            ? q.L($"Deals · {period}", $"Deals · {period}")
            : q.L($"{name} · deals", $"{name} · deals");
        ImmutableArray<string> suggestions = name is null
            ? ["/deals OpenAI", "/deals Amazon", "/deals since 2025"]
            : [$"/valuation {name}", $"/partners {name}", $"/investors {name}"];

        if (inRange.Count == 0)
        {
            string answer = name is null
                ? q.L($"No {what} in {period}.", $"Geen {what} in {period}.")
                : q.L($"No {what} for {name} in {period}.", $"Geen {what} van {name} in {period}.");
            if (all.Count > 0)
            {
                KnowledgeEvent newest = all[0];
                answer += " " + q.L($"The newest we know is from {q.Date(newest.Date)}: {q.Summary(newest)}", $"De nieuwste die we kennen is van {q.Date(newest.Date)}: {q.Summary(newest)}");
                return q.Reply(ReplyKind.NoResults, title, answer) with
                {
                    Sections = [new ReplySection(q.L("Newest known", "Nieuwste bekende"), [q.Item(newest, q.TypeLabel(newest.Type))])],
                    Sources = q.Sources([newest], 3),
                    Suggestions = suggestions,
                };
            }

            return q.Reply(ReplyKind.NoResults, title, answer) with { Suggestions = suggestions };
        }

        string count = q.Count(inRange.Count, "deal", "deal");
        string sentence = name is null
            ? q.L($"{count} in {period}, newest first.", $"{count} in {period}, nieuwste eerst.")
            : q.L($"{count} involving {name} in {period}, newest first.", $"{count} met {name} in {period}, nieuwste eerst.");
        if (command.Type is not null)
        {
            sentence = name is null
                ? q.L($"{inRange.Count} {what} in {period}, newest first.", $"{inRange.Count} {what} in {period}, nieuwste eerst.")
                : q.L($"{inRange.Count} {what} involving {name} in {period}, newest first.", $"{inRange.Count} {what} met {name} in {period}, nieuwste eerst.");
        }

        List<KnowledgeEvent> shown = [.. inRange.Take(MaxItems)];
        return q.Reply(ReplyKind.Answer, title, sentence) with
        {
            Sections = [new ReplySection(period, [.. shown.Select(e => q.Item(e, q.TypeLabel(e.Type)))], inRange.Count - shown.Count)],
            Sources = q.Sources(shown, 8),
            Suggestions = suggestions,
        };
    }

    private static string TypeNoun(DealType type, QueryContext q) => type switch
    {
        DealType.Funding => q.L("funding rounds", "financieringsrondes"),
        DealType.Investment => q.L("investments", "investeringen"),
        DealType.Acquisition => q.L("acquisitions", "overnames"),
        DealType.Partnership => q.L("partnerships", "samenwerkingen"),
        DealType.Cloud => q.L("cloud deals", "clouddeals"),
        DealType.Chips => q.L("chip deals", "chipdeals"),
        DealType.Infrastructure => q.L("infrastructure deals", "infrastructuurdeals"),
        _ => q.L("IPO plans", "beursplannen"),
    };

    /// <summary>"the 12 months to Dec 2025", "2024", "2026 so far", "since Oct 2025", "Q3 2026".</summary>
    public static string PeriodLabel(TimeFrame frame, DateRange range, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(q);
        string Month(DateOnly d) => q.Date(FuzzyDate.OfMonth(d.Year, d.Month));
        return frame.Kind switch
        {
            TimeFrameKind.Recent => q.L($"the 12 months to {Month(range.To)}", $"de 12 maanden tot {Month(range.To)}"),
            TimeFrameKind.ThisYear => q.L($"{range.From.Year} so far", $"{range.From.Year} tot nu toe"),
            TimeFrameKind.LastYear or TimeFrameKind.Year => range.From.Year.ToString(q.Culture),
            TimeFrameKind.Since => q.L($"since {Month(range.From)}", $"sinds {Month(range.From)}"),
            TimeFrameKind.ThisQuarter or TimeFrameKind.LastQuarter => $"Q{((range.From.Month - 1) / 3) + 1} {range.From.Year}",
            TimeFrameKind.ThisMonth or TimeFrameKind.LastMonth => Month(range.From),
            _ => q.L($"the last {frame.Count} months", $"de afgelopen {frame.Count} maanden"),
        };
    }
}
