using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Queries;

/// <summary>
/// <c>deals [company] [period] [type]</c>: the deals of the period ranked by significance (size, then stage, then
/// date), the first ten shown and the rest counted; "recent" (the 12 months to the newest event) by default. A
/// question that narrows it — the latest, the first, the biggest, when, who led it, how many, yes or no — gets that
/// one fact first.
/// </summary>
public static class DealsQuery
{
    private const int MaxItems = 10;

    public static Reply Answer(DealsCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        bool focused = command.Order != Ordering.None || command.Facet != Facet.None || command.YesNo || !command.Topic.IsDefaultOrEmpty;
        string? id = command.Company?.Id;

        // A question about one company's deals of a kind ("When did Anthropic file for an IPO?", "What has Meta
        // acquired?", "Anthropic's biggest round") looks at all time; a plain list looks at the recent twelve months.
        bool allTime = (focused && id is not null) || (id is not null && command.Type is not null) || (command.Order == Ordering.Biggest && command.Type is not null);
        TimeFrame? frame = command.Period ?? (allTime ? null : TimeFrame.Recent);
        DateRange range = frame?.Resolve(q.Today, q.Snapshot.NewestEventDate?.Start) ?? new DateRange(DateOnly.MinValue, DateOnly.MaxValue);
        ImmutableArray<EventType> types = command.Type is { } t ? Intents.EventTypes(t) : Intents.DealEventTypes;
        if (command.Type == DealType.Funding && (command.YesNo || command.Asked is not null))
        {
            // "Did xAI raise $10 billion at a $200 billion valuation?": reported raises count too, denied ones as denied.
            types = types.Add(EventType.Valuation);
        }

        string? name = id is null ? null : q.Name(id);
        List<KnowledgeEvent> pool = Pool(q, id, range, types, command.Topic);
        if (command.Type == DealType.Funding && types.Contains(EventType.Valuation))
        {
            pool = [.. pool.Where(e => e.Type != EventType.Valuation || e.Amount is not null)];
        }

        if (command.Asked is { } asked && pool.Where(e => Verdicts.Near(e.Amount, asked)).ToList() is { Count: > 0 } named)
        {
            pool = named;
        }

        if (pool.Count == 0 && !command.Topic.IsDefaultOrEmpty && InfoQueries.Closest($"{name} {string.Join(' ', command.Topic)}", q) is { } closest)
        {
            // "Wat is er met Stargate Norway gebeurd?": nothing of the company under that name; what the words match.
            return closest;
        }

        string period = frame is null ? q.L("all time", "alle tijd") : PeriodLabel(frame, range, q);
        string phrase = frame is null ? string.Empty : " " + PeriodPhrase(frame, period, q);
        string title = name is null ? $"Deals · {period}" : $"{name} · {Noun(2, command.Type, q)}";
        ImmutableArray<string> suggestions = name is null
            ? ["/deals OpenAI", "/deals Amazon", "/deals since 2025"]
            : [$"/valuation {name}", $"/partners {name}", $"/investors {name}"];

        if (pool.Count == 0)
        {
            return None(command, q, id, name, types, phrase, title, suggestions);
        }

        List<KnowledgeEvent> ranked = focused ? Focus(pool, command, q) : Ranked(pool, command, q);
        KnowledgeEvent top = ranked[0];
        string answer;
        if (!focused)
        {
            // The list's first sentence names its largest fact, so a capped list never hides what matters most.
            string count = pool.Count.ToString(q.Culture) + " " + Noun(pool.Count, command.Type, q);
            string largest = pool.Count == 1 ? string.Empty : q.L("; the largest", "; de grootste");
            answer = (name is null
                ? q.L($"{count}{phrase}{largest}: ", $"{count}{phrase}{largest}: ")
                : q.L($"{count} involving {name}{phrase}{largest}: ", $"{count} met {name}{phrase}{largest}: ")) + Headlines.Fact(top, q);
            List<KnowledgeEvent> others = [.. ranked.Skip(1)];
            // No badge on the list as a whole: the stage and certainty of its largest fact are in its sentence.
            return q.Reply(ReplyKind.Answer, title, answer) with
            {
                Sections = others.Count == 0 ? [] : [new ReplySection(Headlines.Sentence(period, q), [.. others.Take(MaxItems).Select(e => q.Item(e, Label(e, q)))], Math.Max(0, pool.Count - 1 - MaxItems))],
                Sources = q.Sources(ranked.Take(MaxItems), 8),
                Suggestions = suggestions,
                EventId = top.Id,
            };
        }

        if (command.Facet == Facet.Count)
        {
            string count = pool.Count.ToString(q.Culture) + " " + Noun(pool.Count, command.Type, q);
            string whose = name is null ? string.Empty : q.L($" involving {name}", $" met {name}");
            answer = q.L($"We know of {count}{whose}{phrase}; the largest: ", $"We kennen {count}{whose}{phrase}; de grootste: ") + Headlines.Fact(top, q);
        }
        else if (command.YesNo)
        {
            // Done means closed or binding; a listing only once it happened ("Has OpenAI gone public?": a filing is not yet).
            bool filing = command.Words.Any(w => w.ToLowerInvariant() is "filed" or "file" or "filing" or "aangevraagd" or "ingediend" or "aanvraag" or "s-1" or "paperwork");
            bool Done(KnowledgeEvent e) => Significance.Stands(e) && (e.Type == EventType.IpoPlan && !filing ? e.Stage == Stage.Completed : e.Stage is Stage.Completed or Stage.Agreed || (filing && e.Stage == Stage.Announced));
            Verdict verdict = pool.Any(Done) ? Verdict.Yes
                : pool.All(e => !Significance.Stands(e)) ? Verdict.No
                : Verdict.NotYet;
            top = verdict == Verdict.Yes ? ranked.First(Done) : verdict == Verdict.NotYet ? ranked.OrderByDescending(e => e.Date).First(Significance.Stands) : top;
            string denied = verdict == Verdict.No && top.Certainty == Certainty.Denied ? q.L("the report was denied: ", "het bericht werd ontkend: ") : string.Empty;
            answer = Headlines.Lead(verdict, q) + denied + Headlines.Asked(command.Facet, top, id, q) + Headlines.Fact(top, q);
        }
        else
        {
            answer = Headlines.Asked(command.Facet, top, id is null ? null : PayerOf(top, id), q) + Headlines.Fact(top, q);
        }

        List<KnowledgeEvent> rest = [.. ranked.Where(e => !ReferenceEquals(e, top))];
        int remaining = pool.Count - 1;
        (ImmutableArray<string> notes, bool cut) = q.ShortNotes(top);
        return q.Reply(ReplyKind.Answer, title, Headlines.Sentence(answer, q)) with
        {
            Badge = q.Badge(top),
            Sections = rest.Count == 0 ? [] : [new ReplySection(q.L("Also", "Verder"), [.. rest.Take(MaxItems - 2).Select(e => q.Item(e, Label(e, q)))], Math.Max(0, remaining - (MaxItems - 2)))],
            Notes = notes,
            Sources = q.Sources(ranked.Take(4), 6),
            Suggestions = cut ? suggestions.Insert(0, q.MoreSuggestion) : suggestions,
            EventId = top.Id,
        };
    }

    /// <summary>"infrastructure · more than $400 billion": the kind of deal, and its amount when the summary words it otherwise.</summary>
    private static string Label(KnowledgeEvent e, QueryContext q) =>
        e.Amount is { } amount && !q.Summary(e).Contains(q.Money(amount), StringComparison.Ordinal)
            ? $"{q.TypeLabel(e.Type)} · {q.Money(amount)}"
            : q.TypeLabel(e.Type);

    /// <summary>The company itself when it paid or invested in the event, so "how much" reads its own figure.</summary>
    private static string? PayerOf(KnowledgeEvent e, string id) => e.RoleOf(id) is { } role && Roles.IsPayer(role) ? id : null;

    private static List<KnowledgeEvent> Pool(QueryContext q, string? id, DateRange range, ImmutableArray<EventType> types, ImmutableArray<string> topic)
    {
        bool[] wanted = new bool[Enum.GetValues<EventType>().Length];
        foreach (EventType type in types)
        {
            wanted[(int)type] = true;
        }

        List<KnowledgeEvent> pool;
        if (id is null)
        {
            (pool, _) = q.Snapshot.InRange(range.From, range.To, wanted, int.MaxValue);
        }
        else
        {
            pool = [];
            ImmutableArray<KnowledgeEvent> events = q.Snapshot.EventsOf(id);
            for (int i = KnowledgeSnapshot.FirstOnOrBefore(events, range.To); i < events.Length && events[i].Date.Start >= range.From; i++)
            {
                if (wanted[(int)events[i].Type])
                {
                    pool.Add(events[i]);
                }
            }
        }

        if (id is not null && types.Contains(EventType.Acquisition) && !types.Contains(EventType.FundingRound))
        {
            // A company's acquisitions are what it bought or bid for, not what it sold.
            pool = [.. pool.Where(e => e.RoleOf(id) != Role.Seller)];
        }

        return topic.IsDefaultOrEmpty ? pool : [.. pool.Where(e => TopicMatch.Score(e, topic, q.Snapshot) >= 0.5)];
    }

    /// <summary>By significance; the words the question named ("option", "licence") lift the facts that contain them.</summary>
    private static List<KnowledgeEvent> Ranked(List<KnowledgeEvent> pool, DealsCommand command, QueryContext q) =>
        command.Words.IsDefaultOrEmpty
            ? Significance.Top(pool, MaxItems + 1)
            : [.. Significance.Rank(pool).OrderByDescending(e => Math.Round(TopicMatch.Score(e, command.Words, q.Snapshot), 2))];

    private static List<KnowledgeEvent> Focus(List<KnowledgeEvent> pool, DealsCommand command, QueryContext q) => command.Order switch
    {
        Ordering.Latest => [.. pool.OrderByDescending(e => e.Date).ThenByDescending(Significance.Size)],
        Ordering.First => [.. pool.OrderBy(e => e.Date).ThenByDescending(Significance.Size)],
        Ordering.Biggest => Significance.Top(pool, MaxItems),
        _ when command.Facet is Facet.Date or Facet.Stage => [.. pool.OrderByDescending(Significance.Stands).ThenByDescending(e => e.Date)],
        _ when command.Facet is Facet.Lead => [.. pool.OrderByDescending(e => e.Parties.Any(p => p.Role == Role.LeadInvestor)).ThenByDescending(e => e.Date)],
        _ => Ranked(pool, command, q),
    };

    private static Reply None(DealsCommand command, QueryContext q, string? id, string? name, ImmutableArray<EventType> types, string phrase, string title, ImmutableArray<string> suggestions)
    {
        string none = Noun(0, command.Type, q);
        string answer = name is null
            ? q.L($"No {none}{phrase}.", $"Geen {none}{phrase}.")
            : q.L($"No {none} for {name}{phrase}.", $"Geen {none} van {name}{phrase}.");
        if (command.YesNo)
        {
            answer = name is null
                ? q.L($"We have no record of that: no {none}{phrase}.", $"Daar hebben we geen gegevens over: geen {none}{phrase}.")
                : q.L($"We have no record of that: no {none} for {name}{phrase}.", $"Daar hebben we geen gegevens over: geen {none} van {name}{phrase}.");
        }

        ImmutableArray<KnowledgeEvent> all = id is null ? q.Snapshot.EventsNewestFirst : q.Snapshot.EventsOf(id);
        if (all.FirstOrDefault(e => types.Contains(e.Type)) is { } newest)
        {
            answer += " " + q.L($"The newest we know is from {q.Date(newest.Date)}: {q.Summary(newest)}", $"De nieuwste die we kennen is van {q.Date(newest.Date)}: {q.Summary(newest)}");
            return q.Reply(ReplyKind.NoResults, title, answer) with
            {
                Sections = [new ReplySection(q.L("Newest known", "Nieuwste bekende"), [q.Item(newest, q.TypeLabel(newest.Type))])],
                Sources = q.Sources([newest], 3),
                Suggestions = suggestions,
                EventId = newest.Id,
            };
        }

        return q.Reply(ReplyKind.NoResults, title, answer) with { Suggestions = suggestions };
    }

    /// <summary>The noun for a count of deals of a type: "1 cloud deal", "3 overnames"; "deals" for zero.</summary>
    private static string Noun(int count, DealType? type, QueryContext q)
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
    public static string PeriodPhrase(TimeFrame frame, string label, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame.Kind == TimeFrameKind.Since ? label : "in " + label;
    }

    /// <summary>"the 12 months to Dec 2025", "2024", "2026 so far", "since Oct 2025", "Q3 2026", "H1 2025", "Mar 2026".</summary>
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
            TimeFrameKind.ThisQuarter or TimeFrameKind.LastQuarter or TimeFrameKind.Quarter => $"Q{((range.From.Month - 1) / 3) + 1} {range.From.Year}",
            TimeFrameKind.Half => q.L($"H{(range.From.Month == 1 ? 1 : 2)} {range.From.Year}", $"de {(range.From.Month == 1 ? "eerste" : "tweede")} helft van {range.From.Year}"),
            TimeFrameKind.ThisMonth or TimeFrameKind.LastMonth or TimeFrameKind.Month => Month(range.From),
            _ => q.L($"the last {frame.Count} months", $"de afgelopen {frame.Count} maanden"),
        };
    }
}
