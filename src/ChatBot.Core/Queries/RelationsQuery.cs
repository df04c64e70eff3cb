using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Queries;

/// <summary>Partners, investors and portfolio: who a company deals with, derived from events, never stored twice.</summary>
public static class RelationsQuery
{
    /// <summary>How many investors or holdings a reply lists; the rest are counted.</summary>
    private const int MaxListed = 15;

    /// <summary>
    /// <c>partners &lt;company&gt;</c>: cloud, chip and other partners, each with the deals behind it. Every supplier
    /// the knowledge has is listed: providers of cloud deals and of partnerships and infrastructure that supply
    /// capacity, and every counterparty of a chip deal, named participants included.
    /// </summary>
    public static Reply Partners(PartnersCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        string id = command.Company.Id!;
        string name = q.Name(id);
        List<KnowledgeEvent> standing = [.. q.Snapshot.EventsOf(id).Where(Significance.Stands)];
        List<KnowledgeEvent> chips = [.. standing.Where(e => e.Type == EventType.ChipDeal || (e.Type == EventType.Infrastructure && e.Parties.Any(p => p.CompanyId != id && p.Role == Role.Provider && q.Snapshot.FindCompany(p.CompanyId)?.Kind == CompanyKind.Chipmaker)))];
        List<KnowledgeEvent> cloud = [.. standing.Where(e => !chips.Contains(e) && (e.Type == EventType.CloudDeal || (e.Type is EventType.Partnership or EventType.Infrastructure && e.Parties.Any(p => p.CompanyId != id && p.Role is Role.Provider or Role.Customer) && e.RoleOf(id) is Role.Customer or Role.Provider)))];
        List<KnowledgeEvent> other = [.. standing.Where(e => e.Type is EventType.Partnership or EventType.Infrastructure && !chips.Contains(e) && !cloud.Contains(e))];
        (string Title, List<KnowledgeEvent> Events, PartnerKind Kind)[] groups =
        [
            (q.L("Cloud", "Cloud"), cloud, PartnerKind.Cloud),
            (q.L("Chips", "Chips"), chips, PartnerKind.Chips),
            (q.L("Partnerships and infrastructure", "Samenwerkingen en infrastructuur"), other, PartnerKind.All),
        ];

        List<ReplySection> sections = [];
        List<string> summaryParts = [];
        List<string> groupNames = [];
        List<KnowledgeEvent> used = [];
        foreach ((string groupTitle, List<KnowledgeEvent> events, PartnerKind kind) in groups)
        {
            if ((command.Kind != PartnerKind.All && command.Kind != kind) || events.Count == 0)
            {
                continue;
            }

            List<string> partners = [.. events.SelectMany(e => Counterparties(e, id, kind, q)).Distinct(StringComparer.Ordinal)];
            used.AddRange(events);
            sections.Add(new ReplySection(groupTitle, [.. Significance.Rank(events).Select(e => WithTerm(q.Item(e, q.List(Counterparties(e, id, PartnerKind.All, q))), e, q))]));
            if (partners.Count > 0)
            {
                groupNames.Add(q.List(partners));
                summaryParts.Add($"{groupTitle.ToLower(q.Culture)}: {groupNames[^1]}");
            }
        }

        string title = q.L($"{name} · partners", $"{name} · partners");
        ImmutableArray<string> suggestions = [$"/deals {name}", $"/investors {name}", $"/valuation {name}"];
        if (sections.Count == 0 || groupNames.Count == 0)
        {
            string which = command.Kind switch
            {
                PartnerKind.Cloud => q.L("cloud partners", "cloudpartners"),
                PartnerKind.Chips => q.L("chip partners", "chippartners"),
                _ => q.L("partners", "partners"),
            };
            return q.Reply(ReplyKind.NoResults, title, q.L($"We know of no {which} of {name}.", $"We kennen geen {which} van {name}.")) with { Suggestions = suggestions };
        }

        string answer = command.Kind switch
        {
            PartnerKind.Cloud => q.L($"{name}'s cloud partners: {groupNames[0]}.", $"Cloudpartners van {name}: {groupNames[0]}."),
            PartnerKind.Chips => q.L($"{name}'s chip partners: {groupNames[0]}.", $"Chippartners van {name}: {groupNames[0]}."),
            _ => q.L($"{name}'s partners — {string.Join("; ", summaryParts)}.", $"Partners van {name} — {string.Join("; ", summaryParts)}."),
        };
        List<string> notes = [.. StakesHeldIn(id, q)];
        return q.Reply(ReplyKind.Answer, title, answer) with
        {
            Sections = [.. sections],
            Sources = q.Sources(used, 8),
            Notes = [.. notes],
            Suggestions = suggestions,
        };
    }

    /// <summary>The other side of a deal: the provider and customer of a cloud deal, every counterparty of a chip deal, named participants too.</summary>
    private static IEnumerable<string> Counterparties(KnowledgeEvent e, string id, PartnerKind kind, QueryContext q)
    {
        Role? own = e.RoleOf(id);
        foreach (Party party in e.Parties)
        {
            if (party.CompanyId == id || (own != Role.Subject && party.Role == Role.Subject && e.Type != EventType.Infrastructure))
            {
                continue;
            }

            // In a cloud deal the chip maker named beside the provider is not a cloud partner.
            if (kind == PartnerKind.Cloud && e.Type == EventType.CloudDeal && party.Role == Role.Partner)
            {
                continue;
            }

            yield return q.Name(party.CompanyId);
        }

        if (kind != PartnerKind.Cloud)
        {
            foreach (string name in e.Others)
            {
                yield return name;
            }
        }
    }

    /// <summary><c>investors &lt;company&gt;</c>: who backs the company, with the rounds they joined and the stakes they hold.</summary>
    public static Reply Investors(InvestorsCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        string id = command.Company.Id!;
        string name = q.Name(id);
        List<KnowledgeEvent> events = [.. q.Snapshot.EventsOf(id).Where(e => Holds(e) && e.RoleOf(id) is Role.Subject or Role.Target)];
        var grouped = events
            .SelectMany(e => e.Parties.Where(p => p.CompanyId != id && IsOwner(e, p.CompanyId)).Select(p => (Party: p, Event: e)))
            .GroupBy(x => x.Party.CompanyId, StringComparer.Ordinal);

        // "Who invested the most?": by the largest commitment we know of each investor's own (never a sum of steps).
        var byInvestor = (command.Order == Ordering.Biggest
                ? grouped.OrderByDescending(g => Largest(g.Key, g.Select(x => x.Event)) is { } largest ? Significance.Scaled(largest.Amount) : 0m)
                : grouped.OrderByDescending(g => g.Any(x => x.Party.Role == Role.LeadInvestor)).ThenByDescending(g => g.Count()))
            .ThenBy(g => q.Name(g.Key), StringComparer.Ordinal)
            .ToList();
        string title = q.L($"{name} · investors", $"{name} · investeerders");
        ImmutableArray<string> suggestions = [$"/valuation {name}", $"/deals {name} funding", $"/partners {name}"];
        if (byInvestor.Count == 0)
        {
            return q.Reply(ReplyKind.NoResults, title, q.L($"We know of no investors in {name}.", $"We kennen geen investeerders in {name}.")) with { Suggestions = suggestions };
        }

        List<ReplyItem> items = [];
        foreach (var group in byInvestor.Take(MaxListed))
        {
            KnowledgeEvent latest = group.First().Event;
            string roles = string.Join("; ", group.Select(x => $"{q.RoleLabel(x.Party.Role)}, {q.TypeLabel(x.Event.Type)} {q.Date(x.Event.Date)}{PartyFigures(x.Party, x.Event, q)}"));
            items.Add(new ReplyItem($"{q.Name(group.Key)} — {roles}", q.Date(latest.Date), q.Badge(latest), latest.Id));
        }

        List<string> others = [.. events.SelectMany(e => e.Others).Distinct(StringComparer.Ordinal)];
        if (command.Order == Ordering.Biggest && Largest(byInvestor[0].Key, byInvestor[0].Select(x => x.Event)) is ({ } largest, { } most))
        {
            string investor = q.Name(byInvestor[0].Key);
            string lead = q.L($"The largest commitment we know of an investor's own: {investor}, {q.Money(most)} — ", $"De grootste toezegging die we van één investeerder kennen: {investor}, {q.Money(most)} — ");
            return q.Reply(ReplyKind.Answer, title, lead + Headlines.Fact(largest, q)) with
            {
                Badge = q.Badge(largest),
                EventId = largest.Id,
                Sections = [new ReplySection(q.L("Investors, largest known commitment first", "Investeerders, grootste bekende toezegging eerst"), [.. items], Math.Max(0, byInvestor.Count - MaxListed))],
                Sources = q.Sources(events, 8),
                Suggestions = suggestions,
            };
        }

        string answer = q.L(
            $"{name} is backed by {q.Count(byInvestor.Count, "investor", "investeerder")} we know of, including {q.List(byInvestor.Take(5).Select(g => q.Name(g.Key)))}.",
            $"{name} wordt gesteund door {q.Count(byInvestor.Count, "investor", "investeerder")} die we kennen, onder wie {q.List(byInvestor.Take(5).Select(g => q.Name(g.Key)))}.");
        return q.Reply(ReplyKind.Answer, title, answer) with
        {
            Sections = [new ReplySection(q.L("Investors", "Investeerders"), [.. items], Math.Max(0, byInvestor.Count - MaxListed))],
            Notes = others.Count == 0 ? [] : [q.L("Also taking part: ", "Ook betrokken: ") + string.Join(", ", others.Take(12))],
            Sources = q.Sources(events, 8),
            Suggestions = suggestions,
        };
    }

    /// <summary><c>portfolio &lt;investor&gt;</c>: the companies an investor or company has put money into.</summary>
    public static Reply Portfolio(PortfolioCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        string id = command.Investor.Id!;
        string name = q.Name(id);
        var holdings = q.Snapshot.EventsOf(id)
            .Where(e => Holds(e) && IsOwner(e, id))
            .SelectMany(e => e.Parties.Where(p => p.Role is Role.Subject or Role.Target && p.CompanyId != id).Select(p => (Target: p.CompanyId, Event: e)))
            .GroupBy(x => x.Target, StringComparer.Ordinal)
            .ToList();
        string title = q.L($"{name} · portfolio", $"{name} · portefeuille");
        ImmutableArray<string> suggestions = [$"/deals {name}", $"/company {name}"];
        if (holdings.Count == 0)
        {
            return q.Reply(ReplyKind.NoResults, title, q.L($"We know of no investments by {name}.", $"We kennen geen investeringen van {name}.")) with { Suggestions = suggestions };
        }

        List<ReplyItem> items = [];
        foreach (var group in holdings.Take(MaxListed))
        {
            KnowledgeEvent latest = group.First().Event;
            string detail = string.Join("; ", group.Select(x =>
            {
                Party own = x.Event.Parties.First(p => p.CompanyId == id);
                return $"{q.RoleLabel(own.Role)}, {q.TypeLabel(x.Event.Type)} {q.Date(x.Event.Date)}{PartyFigures(own, x.Event, q)}";
            }));
            items.Add(new ReplyItem($"{q.Name(group.Key)} — {detail}", q.Date(latest.Date), q.Badge(latest), latest.Id));
        }

        string answer = q.L(
            $"{name} has put money into {q.Count(holdings.Count, "company", "bedrijf")} we know of: {q.List(holdings.Take(8).Select(g => q.Name(g.Key)))}.",
            $"{name} investeerde in {q.Count(holdings.Count, "company", "bedrijf")} die we kennen: {q.List(holdings.Take(8).Select(g => q.Name(g.Key)))}.");
        return q.Reply(ReplyKind.Answer, title, answer) with
        {
            Sections = [new ReplySection(q.L("Investments", "Investeringen"), [.. items], Math.Max(0, holdings.Count - MaxListed))],
            Sources = q.Sources(holdings.SelectMany(g => g.Select(x => x.Event)), 8),
            Suggestions = suggestions,
        };
    }

    /// <summary>A partner line with the deal's term: "… (7 years, until 2032)".</summary>
    private static ReplyItem WithTerm(ReplyItem item, KnowledgeEvent e, QueryContext q) =>
        e.Term is { } term ? item with { Text = $"{item.Text} ({q.TermText(term)})" } : item;

    /// <summary>The investor's largest own commitment among the events, and the event that made it; null when none has its own figure.</summary>
    private static (KnowledgeEvent Event, Money Amount)? Largest(string investor, IEnumerable<KnowledgeEvent> events) =>
        events.Select(e => (Event: e, Amount: Roles.AmountOf(e, investor)))
            .Where(x => x.Amount is not null)
            .Select(x => (x.Event, Amount: x.Amount!.Value))
            .OrderByDescending(x => Significance.Scaled(x.Amount))
            .Cast<(KnowledgeEvent Event, Money Amount)?>()
            .FirstOrDefault();

    /// <summary>An event that makes or records a holding: it stands, got past talks, and is not an offer.</summary>
    private static bool Holds(KnowledgeEvent e) =>
        Significance.Stands(e) && e.Stage != Stage.Talks && e.Type != EventType.Offer;

    /// <summary>Investors, buyers of shares in a round, and acquirers of a company bought or merged: never a bidder.</summary>
    private static bool IsOwner(KnowledgeEvent e, string companyId) =>
        Roles.InvestsIn(e, companyId) || (e.RoleOf(companyId) == Role.Acquirer && e.Type is EventType.Acquisition or EventType.Merger);

    /// <summary>" · $7.5 billion · 27%": what a party put in or holds, else the event's own amount.</summary>
    private static string PartyFigures(Party party, KnowledgeEvent e, QueryContext q)
    {
        List<string> parts = [];
        if (party.Amount is { } amount)
        {
            parts.Add(q.Money(amount));
        }
        else if (e.Amount is { } total && e.Type != EventType.FundingRound)
        {
            parts.Add(q.Money(total));
        }

        if (party.Stake is { } stake)
        {
            parts.Add(Formats.Stake(stake, q.Language));
        }
        else if (e.Stake is { } eventStake && e.Type == EventType.Stake)
        {
            parts.Add(Formats.Stake(eventStake, q.Language));
        }

        return parts.Count == 0 ? string.Empty : " · " + string.Join(" · ", parts);
    }

    private static IEnumerable<string> StakesHeldIn(string id, QueryContext q) =>
        q.Snapshot.EventsOf(id)
            .Where(e => e.Type == EventType.Stake && e.Stake is not null && e.Subject?.CompanyId == id && e.Certainty != Certainty.Denied)
            .SelectMany(e => e.Parties.Where(p => p.CompanyId != id).Select(p => (p.CompanyId, e)))
            .DistinctBy(x => x.CompanyId)
            .Select(x => q.L(
                $"{q.Name(x.CompanyId)} holds {Formats.Stake(x.e.Stake!.Value, q.Language)} of {q.Name(id)} ({q.Date(x.e.Date)}, {q.CertaintyLabel(x.e.Certainty)}).",
                $"{q.Name(x.CompanyId)} heeft een belang van {Formats.Stake(x.e.Stake!.Value, q.Language)} in {q.Name(id)} ({q.Date(x.e.Date)}, {q.CertaintyLabel(x.e.Certainty)})."));
}
