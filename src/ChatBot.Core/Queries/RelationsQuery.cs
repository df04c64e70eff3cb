using System.Collections.Frozen;
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

    private static readonly FrozenSet<Role> InvestorRoles = new[] { Role.LeadInvestor, Role.Investor, Role.StrategicInvestor, Role.Buyer, Role.Acquirer }.ToFrozenSet();

    private static readonly FrozenSet<EventType> InvestmentTypes =
        new[] { EventType.FundingRound, EventType.Investment, EventType.Stake, EventType.Offer, EventType.Acquisition, EventType.Merger }.ToFrozenSet();

    /// <summary><c>partners &lt;company&gt;</c>: cloud, chip and other partners, each with the deals behind it.</summary>
    public static Reply Partners(PartnersCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        string id = command.Company.Id!;
        string name = q.Name(id);
        (string Title, EventType[] Types, PartnerKind Kind)[] groups =
        [
            (q.L("Cloud", "Cloud"), [EventType.CloudDeal], PartnerKind.Cloud),
            (q.L("Chips", "Chips"), [EventType.ChipDeal], PartnerKind.Chips),
            (q.L("Partnerships and infrastructure", "Samenwerkingen en infrastructuur"), [EventType.Partnership, EventType.Infrastructure], PartnerKind.All),
        ];

        List<ReplySection> sections = [];
        List<string> summaryParts = [];
        List<string> groupNames = [];
        List<KnowledgeEvent> used = [];
        foreach ((string groupTitle, EventType[] types, PartnerKind kind) in groups)
        {
            if (command.Kind != PartnerKind.All && command.Kind != kind)
            {
                continue;
            }

            List<KnowledgeEvent> events = [.. q.Snapshot.EventsOf(id).Where(e => types.Contains(e.Type) && e.Stage != Stage.Cancelled)];
            List<string> partners = [.. events.SelectMany(e => e.Parties)
                .Where(p => p.CompanyId != id && p.Role != Role.Subject)
                .Select(p => p.CompanyId)
                .Distinct(StringComparer.Ordinal)];
            if (events.Count == 0)
            {
                continue;
            }

            used.AddRange(events);
            ImmutableArray<ReplyItem> items =
            [
                .. events.Select(e => WithTerm(q.Item(e, string.Join(", ", e.Parties.Where(p => p.CompanyId != id).Select(p => q.Name(p.CompanyId)))), e, q)),
            ];
            sections.Add(new ReplySection(groupTitle, items));
            if (partners.Count > 0)
            {
                groupNames.Add(q.List(partners.Select(q.Name)));
                summaryParts.Add($"{groupTitle.ToLower(q.Culture)}: {groupNames[^1]}");
            }
        }

        string title = q.L($"{name} · partners", $"{name} · partners");
        ImmutableArray<string> suggestions = [$"/deals {name}", $"/investors {name}", $"/valuation {name}"];
        if (sections.Count == 0)
        {
            string which = command.Kind switch
            {
                PartnerKind.Cloud when groupNames.Count > 0 => q.L("cloud partners", "cloudpartners"),
                PartnerKind.Chips when groupNames.Count > 0 => q.L("chip partners", "chippartners"),
                _ => q.L("partners", "partners"),
            };
            return q.Reply(ReplyKind.NoResults, title, q.L($"We know of no {which} of {name}.", $"We kennen geen {which} van {name}.")) with { Suggestions = suggestions };
        }

        string answer = command.Kind switch
        {
            PartnerKind.Cloud when groupNames.Count > 0 => q.L($"{name}'s cloud partners: {groupNames[0]}.", $"Cloudpartners van {name}: {groupNames[0]}."),
            PartnerKind.Chips when groupNames.Count > 0 => q.L($"{name}'s chip partners: {groupNames[0]}.", $"Chippartners van {name}: {groupNames[0]}."),
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

    /// <summary><c>investors &lt;company&gt;</c>: who backs the company, with the rounds they joined and the stakes they hold.</summary>
    public static Reply Investors(InvestorsCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        string id = command.Company.Id!;
        string name = q.Name(id);
        List<KnowledgeEvent> events = [.. q.Snapshot.EventsOf(id)
            .Where(e => InvestmentTypes.Contains(e.Type) && IsInvestedIn(e, id) && e.Certainty != Certainty.Denied)];
        var byInvestor = events
            .SelectMany(e => e.Parties.Where(p => p.CompanyId != id && InvestorRoles.Contains(p.Role)).Select(p => (Party: p, Event: e)))
            .GroupBy(x => x.Party.CompanyId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Any(x => x.Party.Role == Role.LeadInvestor))
            .ThenByDescending(g => g.Count())
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
            .Where(e => InvestmentTypes.Contains(e.Type) && e.Certainty != Certainty.Denied && e.RoleOf(id) is { } role && InvestorRoles.Contains(role))
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

    private static bool IsInvestedIn(KnowledgeEvent e, string id) =>
        e.RoleOf(id) is Role.Subject or Role.Target;

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
