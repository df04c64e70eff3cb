using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Queries;

/// <summary>
/// A relation question: the events that link two companies (or a company and a topic) by the relation asked about,
/// most relevant first, with the asked attribute in the first sentence; Yes, No or Not any more first for a yes/no
/// question; totals where they add up; and "we have no record of …" said precisely about what was asked.
/// </summary>
public static class LinkQuery
{
    private const int MaxListed = 8;

    public static Reply Answer(RelationCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        string actor = command.Actor.Id!;
        string? counterpart = command.Counterpart?.Id;
        ImmutableArray<ReplyChoice> choices = [];
        List<KnowledgeEvent> matches = Matching(command, actor, counterpart, q);
        if (command.Still && counterpart is not null && !command.Words.IsDefaultOrEmpty)
        {
            // "Is Microsoft still OpenAI's exclusive cloud provider?": the relation's own newest fact about those words decides, unless a newer fact of any kind about them ends it
            // ("became non-exclusive"); without such a fact of the relation's kind, the newest of any kind decides.
            List<KnowledgeEvent> own = [.. Matching(command with { Topic = [] }, actor, counterpart, q).Where(e => TopicMatch.Score(e, command.Words, q.Snapshot) >= 0.5)];
            List<KnowledgeEvent> any = [.. Matching(command with { Relation = Relation.Any, Topic = [] }, actor, counterpart, q).Where(e => TopicMatch.Score(e, command.Words, q.Snapshot) >= 0.5)];
            if (own.Count > 0)
            {
                FuzzyDate newestOwn = own.Max(e => e.Date);
                matches = any.Where(e => e.Date > newestOwn && Headlines.Ends(e, actor, q.Today)).OrderByDescending(e => e.Date).Take(1).ToList() is { Count: 1 } ended ? ended : own;
            }
            else if (any.Count > 0)
            {
                matches = any;
            }
        }

        if (!command.Directed && counterpart is not null && command.Relation != Relation.Any)
        {
            // "Amazon Anthropic investment": the grammar did not say who invests; the knowledge does.
            RelationCommand reversed = command with { Actor = command.Counterpart!, Counterpart = command.Actor };
            List<KnowledgeEvent> other = Matching(reversed, counterpart, actor, q);
            if (other.Count > 0 && (matches.Count == 0 || Significance.Size(other[0]) > Significance.Size(matches[0])))
            {
                if (matches.Count > 0)
                {
                    choices = [RelationText.Choice(command, q)];
                }

                (command, matches, actor, counterpart) = (reversed, other, counterpart, actor);
            }
            else if (other.Count > 0)
            {
                choices = [RelationText.Choice(reversed, q)];
            }
        }

        if (command.Relation == Relation.Any && counterpart is not null && command.Facet == Facet.None && !command.YesNo)
        {
            choices = choices.Add(new ReplyChoice(q.L($"Compare {q.Name(actor)} and {q.Name(counterpart)}", $"Vergelijk {q.Name(actor)} en {q.Name(counterpart)}"), $"/compare {q.Name(actor)} {q.Name(counterpart)}"));
        }

        string title = RelationText.Title(command, actor, counterpart, q);
        if (matches.Count == 0)
        {
            if (counterpart is null && !command.Topic.IsDefaultOrEmpty && InfoQueries.Closest($"{q.Name(actor)} {string.Join(' ', command.Topic)}", q) is { } closest)
            {
                return closest;
            }

            return NoRecord(command, actor, counterpart, title, q) with { Choices = choices };
        }

        List<KnowledgeEvent> ordered = Order(matches, command, actor, counterpart, q);
        KnowledgeEvent top = ordered[0];
        Verdict? verdict = command.YesNo ? Verdicts.Judge(ordered, command, actor, q.Today, out top) : null;
        string answer = (verdict is { } v ? Headlines.Lead(v, q) : string.Empty)
            + (command.Facet == Facet.Count ? CountLead(ordered, command, actor, counterpart, q) : Headlines.Asked(command.Facet, top, actor, q))
            + (verdict is null ? NoStakeFigure(ordered, command, actor, counterpart, q) : string.Empty)
            + Headlines.Fact(top, q);
        if (Total(ordered, actor, command, q) is { } total)
        {
            answer += " " + total;
        }

        List<KnowledgeEvent> rest = [.. ordered.Where(e => !ReferenceEquals(e, top))];
        ImmutableArray<ReplySection> sections = rest.Count == 0 ? [] :
        [
            new ReplySection(q.L("Also", "Verder"), [.. rest.Take(MaxListed).Select(e => q.Item(e, ItemLabel(e, actor, q)))], Math.Max(0, rest.Count - MaxListed)),
        ];
        (ImmutableArray<string> notes, bool cut) = q.ShortNotes(top);
        return q.Reply(ReplyKind.Answer, title, Headlines.Sentence(answer, q)) with
        {
            Badge = q.Badge(top),
            Sections = sections,
            Notes = notes,
            Sources = q.Sources(ordered.Take(4), 6),
            Suggestions = cut ? Suggestions(actor, counterpart, q).Insert(0, q.MoreSuggestion) : Suggestions(actor, counterpart, q),
            Choices = choices,
            EventId = top.Id,
        };
    }

    /// <summary>The events that fit the relation (and the topic and period), with those that stand first.</summary>
    internal static List<KnowledgeEvent> Matching(RelationCommand command, string actor, string? counterpart, QueryContext q)
    {
        DateRange? range = command.Period?.Resolve(q.Today, q.Snapshot.NewestEventDate?.Start);
        List<KnowledgeEvent> events = [];
        foreach (KnowledgeEvent e in q.Snapshot.EventsOf(actor))
        {
            if (!Roles.Fits(e, command.Relation, actor, counterpart) || (range is { } r && !r.Overlaps(e.Date.Start, e.Date.End)))
            {
                continue;
            }

            // Without a counterpart the topic names the other side and narrows; with one it only ranks.
            if (counterpart is null && !command.Topic.IsDefaultOrEmpty && TopicMatch.Score(e, command.Topic, q.Snapshot) < 0.5)
            {
                continue;
            }

            events.Add(e);
        }

        // With a counterpart a named topic ("the big Abilene expansion") narrows when some facts match it, else it only ranks.
        if (counterpart is not null && !command.Topic.IsDefaultOrEmpty && events.Count > 0)
        {
            double best = events.Max(e => TopicMatch.Score(e, command.Topic, q.Snapshot));
            if (best >= 0.5)
            {
                return [.. events.Where(e => TopicMatch.Score(e, command.Topic, q.Snapshot) >= best)];
            }
        }

        return events;
    }

    private static List<KnowledgeEvent> Order(List<KnowledgeEvent> events, RelationCommand command, string actor, string? counterpart, QueryContext q)
    {
        double Named(KnowledgeEvent e) => Math.Round(TopicMatch.Score(e, command.Topic.AddRange(command.Words), q.Snapshot), 2);
        return command.Order switch
        {
            Ordering.Latest => [.. events.OrderByDescending(e => e.Date)],
            Ordering.First => [.. events.OrderBy(e => e.Date)],
            Ordering.Biggest => [.. Significance.Rank(events)],
            // A stake figure first; without one, the actor's own investments (its own amount) before rounds it was one of many in.
            _ when command.Facet is Facet.Stake => [.. events
                .OrderByDescending(e => Roles.StakeOf(e, actor) is not null)
                .ThenByDescending(e => Roles.StakeOf(e, actor) is null && Roles.AmountOf(e, actor) is not null)
                .ThenByDescending(e => e.Date)],
            _ when command.Still || command.Facet is Facet.Stage => [.. events.OrderByDescending(e => e.Date)],
            _ => [.. events
                .OrderByDescending(Significance.Stands)
                .ThenByDescending(e => HasFacet(e, command.Facet, actor, counterpart))
                .ThenByDescending(Named)
                .ThenByDescending(e => command.Prospective && e.Stage is Stage.Talks or Stage.Announced or Stage.Agreed)
                .ThenByDescending(e => command.Relation is Relation.Invests or Relation.Pays or Relation.Buys && Roles.AmountOf(e, actor) is not null)
                .ThenByDescending(e => Strictness(e, command.Relation))
                .ThenByDescending(e => command.Facet == Facet.Term && e.Term?.Until is not null)
                .ThenBy(e => e.Parties.Length)
                .ThenByDescending(e => Significance.StageRank(e.Stage) >= 3)
                .ThenByDescending(e => command.Facet is Facet.Amount or Facet.Price ? Significance.Size(e) : 0m)
                .ThenByDescending(e => e.Date)],
        };
    }

    /// <summary>How much the event is the relation's own kind (an investment for "invest", an acquisition for "buy"): 0 to 2.</summary>
    private static int Strictness(KnowledgeEvent e, Relation relation) => relation switch
    {
        Relation.Invests => e.Type switch { EventType.Investment => 2, EventType.FundingRound => 1, _ => 0 },
        Relation.Owns => e.Type == EventType.Stake ? 2 : e.Stake is not null ? 1 : 0,
        Relation.Buys => e.Type is EventType.Acquisition or EventType.Merger ? 2 : e.Type is EventType.Offer or EventType.ChipDeal ? 1 : 0,
        Relation.Supplies => e.Type is EventType.CloudDeal or EventType.ChipDeal ? 2 : 0,
        Relation.Partners => e.Type == EventType.Partnership ? 2 : 0,
        _ => 1,
    };

    private static bool HasFacet(KnowledgeEvent e, Facet facet, string actor, string? counterpart) => facet switch
    {
        Facet.Amount or Facet.Price => Roles.AmountOf(e, actor) is not null || e.Amount is not null,
        Facet.Stake => Roles.StakeOf(e, actor) is not null,
        Facet.Valuation => e.Valuation is not null,
        Facet.Term => e.Term is not null,
        Facet.Lead => e.RoleOf(actor) == Role.LeadInvestor || (counterpart is not null && e.RoleOf(counterpart) == Role.LeadInvestor),
        _ => true,
    };

    /// <summary>
    /// "In all: about $11 billion in two steps (2019–2023)." Only when every step is done, none is a ceiling ("up to"),
    /// and each has the actor's own figure in one currency: otherwise the steps may overlap and a total would invent a figure.
    /// </summary>
    private static string? Total(List<KnowledgeEvent> events, string actor, RelationCommand command, QueryContext q)
    {
        if (command.Relation is not (Relation.Invests or Relation.Pays) || command.Facet is not (Facet.Amount or Facet.Price or Facet.None) || command.YesNo)
        {
            return null;
        }

        List<KnowledgeEvent> steps = [.. events.Where(e => e.Type != EventType.Offer && Significance.Stands(e))];
        List<Money> amounts = [.. steps.Select(e => Roles.AmountOf(e, actor)).OfType<Money>()];
        if (steps.Count < 2 || amounts.Count != steps.Count || steps.Any(e => e.Stage != Stage.Completed)
            || amounts.Any(m => m.Qualifier is Qualifier.UpTo or Qualifier.Range or Qualifier.MoreThan or Qualifier.AtLeast)
            || amounts.Select(m => m.Currency).Distinct(StringComparer.Ordinal).Count() != 1)
        {
            return null;
        }

        Money total = new(amounts.Sum(m => m.Amount), amounts[0].Currency, amounts.Any(m => m.Qualifier == Qualifier.About) ? Qualifier.About : Qualifier.Exact);
        int first = steps.Min(e => e.Date.Year);
        int last = steps.Max(e => e.Date.Year);
        string years = first == last ? first.ToString(q.Culture) : $"{first}–{last}";
        string count = q.Count(steps.Count, "step", "stap").Replace(steps.Count.ToString(q.Culture), Formats.Words(steps.Count, q.Language), StringComparison.Ordinal);
        return q.L($"In all: {q.Money(total)} in {count} ({years}).", $"In totaal: {q.Money(total)} in {count} ({years}).");
    }

    /// <summary>"We have no figure for the size of Amazon's stake in Anthropic; its latest step: " when no fact gives one.</summary>
    private static string NoStakeFigure(List<KnowledgeEvent> events, RelationCommand command, string actor, string? counterpart, QueryContext q)
    {
        if (command.Facet != Facet.Stake || counterpart is null || events.Any(e => Roles.StakeOf(e, actor) is not null))
        {
            return string.Empty;
        }

        return q.L(
            $"We have no figure for the size of {q.Name(actor)}'s stake in {q.Name(counterpart)}; the most relevant fact: ",
            $"We hebben geen cijfer voor de omvang van het belang van {q.Name(actor)} in {q.Name(counterpart)}; het meest relevante feit: ");
    }

    private static string CountLead(List<KnowledgeEvent> events, RelationCommand command, string actor, string? counterpart, QueryContext q)
    {
        string between = counterpart is null ? q.Name(actor) : q.L($"{q.Name(actor)} and {q.Name(counterpart)}", $"{q.Name(actor)} en {q.Name(counterpart)}");
        string count = q.Count(events.Count, "fact", "feit");
        return q.L($"We know of {count} linking {between}; the most significant: ", $"We kennen {count} over {between}; het belangrijkste: ");
    }

    /// <summary>"We have no record of Apple investing in OpenAI", then the closest facts about the two.</summary>
    private static Reply NoRecord(RelationCommand command, string actor, string? counterpart, string title, QueryContext q)
    {
        string what = RelationText.Phrase(command, actor, counterpart, q);
        List<KnowledgeEvent> related = counterpart is null
            ? [.. q.Snapshot.EventsOf(actor).Where(e => !command.Topic.IsDefaultOrEmpty && TopicMatch.Score(e, command.Topic, q.Snapshot) > 0)]
            : [.. q.Snapshot.EventsOf(actor).Where(e => e.Involves(counterpart))];
        string answer = (command.YesNo ? q.L("No, not as far as we know — ", "Nee, niet voor zover we weten — ") : string.Empty)
            + q.L($"We have no record of {what}.", $"We hebben geen gegevens over {what}.");
        if (command.YesNo)
        {
            answer = answer.Replace("— We have", "— we have", StringComparison.Ordinal).Replace("— We hebben", "— we hebben", StringComparison.Ordinal);
        }
        ReplySection? section = null;
        if (related.Count > 0)
        {
            // Nearest to what was asked first ("Did Microsoft sell its OpenAI stake?": the stake it holds), then by significance.
            Relation[] near = Neighbours(command.Relation);
            bool holding = command.Relation is Relation.Sells or Relation.Buys or Relation.Owns;
            List<KnowledgeEvent> ranked = [.. Significance.Rank(related)
                .OrderByDescending(e => counterpart is not null && near.Any(r => Roles.Fits(e, r, actor, counterpart) || Roles.Fits(e, r, counterpart, actor)))
                .ThenByDescending(e => holding && Roles.StakeOf(e, actor) is not null)];
            answer += " " + q.L("The closest facts about them: ", "De dichtstbijzijnde feiten over hen: ") + Headlines.Fact(ranked[0], q);
            section = new ReplySection(q.L("What links them", "Wat hen verbindt"), [.. ranked.Take(MaxListed).Select(e => q.Item(e, q.TypeLabel(e.Type)))], Math.Max(0, ranked.Count - MaxListed));
            return q.Reply(ReplyKind.NoResults, title, answer) with
            {
                Sections = [section],
                Sources = q.Sources(ranked.Take(3), 4),
                Suggestions = Suggestions(actor, counterpart, q),
                EventId = ranked[0].Id,
            };
        }

        if (counterpart is not null)
        {
            answer += " " + q.L($"Nor of any deal between {q.Name(actor)} and {q.Name(counterpart)}.", $"Ook niet van een deal tussen {q.Name(actor)} en {q.Name(counterpart)}.");
        }

        return q.Reply(ReplyKind.NoResults, title, answer) with { Suggestions = Suggestions(actor, counterpart, q) };
    }

    /// <summary>The relations whose facts come closest when the one asked about has none: a holding for a sale, an investment for a stake.</summary>
    private static Relation[] Neighbours(Relation relation) => relation switch
    {
        Relation.Sells or Relation.Buys => [Relation.Owns, Relation.Invests],
        Relation.Owns or Relation.Invests => [Relation.Owns, Relation.Invests, Relation.Buys],
        Relation.Pays => [Relation.Buys, Relation.Supplies],
        Relation.Supplies or Relation.Partners => [Relation.Supplies, Relation.Partners],
        _ => [],
    };

    /// <summary>"IPO plan · Nvidia $250 million": the kind of event, and the actor's own figure when its summary does not give it.</summary>
    private static string ItemLabel(KnowledgeEvent e, string actor, QueryContext q) =>
        Roles.AmountOf(e, actor) is { } own && !Headlines.Says(q.Summary(e), own, q)
            ? $"{q.TypeLabel(e.Type)} · {q.Name(actor)} {q.Money(own)}"
            : q.TypeLabel(e.Type);

    private static ImmutableArray<string> Suggestions(string actor, string? counterpart, QueryContext q) =>
        counterpart is null
            ? [$"/deals {q.Name(actor)}", $"/portfolio {q.Name(actor)}"]
            : [$"/deals {q.Name(actor)} {q.Name(counterpart)}", $"/investors {q.Name(counterpart)}", $"/compare {q.Name(actor)} {q.Name(counterpart)}"];
}
