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

        // Events are newest first: jump to the end of the range, stop at its start, keep the first page.
        bool[] wanted = new bool[Enum.GetValues<EventType>().Length];
        foreach (EventType type in types)
        {
            wanted[(int)type] = true;
        }

        List<KnowledgeEvent> shown = [];
        int total = 0;
        if (id is null)
        {
            (shown, total) = q.Snapshot.InRange(range.From, range.To, wanted, MaxItems);
        }
        else
        {
            for (int i = KnowledgeSnapshot.FirstOnOrBefore(pool, range.To); i < pool.Length && pool[i].Date.Start >= range.From; i++)
            {
                if (wanted[(int)pool[i].Type] && total++ < MaxItems)
                {
                    shown.Add(pool[i]);
                }
            }
        }

        string period = PeriodLabel(frame, range, q);
        string phrase = PeriodPhrase(frame, period, q);
        string title = name is null ? $"Deals · {period}" : $"{name} · deals";
        ImmutableArray<string> suggestions = name is null
            ? ["/deals OpenAI", "/deals Amazon", "/deals since 2025"]
            : [$"/valuation {name}", $"/partners {name}", $"/investors {name}"];

        if (total == 0)
        {
            string none = Counted(0, command.Type, q);
            string answer = name is null
                ? q.L($"No {none} {phrase}.", $"Geen {none} {phrase}.")
                : q.L($"No {none} for {name} {phrase}.", $"Geen {none} van {name} {phrase}.");
            if (pool.FirstOrDefault(e => types.Contains(e.Type)) is { } newest)
            {
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

        string count = total.ToString(q.Culture) + " " + Counted(total, command.Type, q);
        string sentence = name is null
            ? q.L($"{count} {phrase}, newest first.", $"{count} {phrase}, nieuwste eerst.")
            : q.L($"{count} involving {name} {phrase}, newest first.", $"{count} met {name} {phrase}, nieuwste eerst.");

        return q.Reply(ReplyKind.Answer, title, sentence) with
        {
            Sections = [new ReplySection(period, [.. shown.Select(e => q.Item(e, q.TypeLabel(e.Type)))], total - shown.Count)],
            Sources = q.Sources(shown, 8),
            Suggestions = suggestions,
        };
    }

    /// <summary>The noun for a count of deals of a type: "1 cloud deal", "3 overnames"; "deals" for zero.</summary>
    private static string Counted(int count, DealType? type, QueryContext q)
    {
        (string one, string many, string een, string veel) = type switch
        {
            DealType.Funding => ("funding round", "funding rounds", "financieringsronde", "financieringsrondes"),
            DealType.Investment => ("investment", "investments", "investering", "investeringen"),
            DealType.Acquisition => ("acquisition", "acquisitions", "overname", "overnames"),
            DealType.Partnership => ("partnership", "partnerships", "samenwerking", "samenwerkingen"),
            DealType.Cloud => ("cloud deal", "cloud deals", "clouddeal", "clouddeals"),
            DealType.Chips => ("chip deal", "chip deals", "chipdeal", "chipdeals"),
            DealType.Infrastructure => ("infrastructure deal", "infrastructure deals", "infrastructuurdeal", "infrastructuurdeals"),
            DealType.Ipo => ("IPO plan", "IPO plans", "beursplan", "beursplannen"),
            _ => ("deal", "deals", "deal", "deals"),
        };
        return count == 1 ? q.L(one, een) : q.L(many, veel);
    }

    /// <summary>The period with its preposition: "in 2024", "since Oct 2025", "in the 12 months to Dec 2025".</summary>
    private static string PeriodPhrase(TimeFrame frame, string label, QueryContext q) =>
        frame.Kind == TimeFrameKind.Since ? label : "in " + label;

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
