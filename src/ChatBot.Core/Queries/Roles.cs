using System.Collections.Frozen;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Queries;

/// <summary>
/// What the roles of an event mean. Only investors and lead investors are investors; a buyer of shares in a
/// secondary sale holds them; an acquirer owns what it bought once the deal completed. An offer, a bid or a rejected
/// takeover never makes its maker an investor, owner or partner.
/// </summary>
public static class Roles
{
    /// <summary>The roles that put money into the subject.</summary>
    public static readonly FrozenSet<Role> Investing = new[] { Role.LeadInvestor, Role.Investor, Role.StrategicInvestor }.ToFrozenSet();

    /// <summary>The roles that receive the money or are bought.</summary>
    public static readonly FrozenSet<Role> Receiving = new[] { Role.Subject, Role.Target, Role.Seller }.ToFrozenSet();

    /// <summary>The events in which money goes into a company.</summary>
    public static readonly FrozenSet<EventType> InvestmentTypes =
        new[] { EventType.FundingRound, EventType.Investment, EventType.Stake, EventType.Infrastructure, EventType.IpoPlan }.ToFrozenSet();

    /// <summary>Whether the company is an investor of the event's subject: an investor role, or a buyer of shares in a round.</summary>
    public static bool InvestsIn(KnowledgeEvent e, string companyId)
    {
        ArgumentNullException.ThrowIfNull(e);
        Role? role = e.RoleOf(companyId);
        return role is { } r && (Investing.Contains(r) || (r == Role.Buyer && e.Type == EventType.FundingRound))
            && (InvestmentTypes.Contains(e.Type) || e.Type is EventType.Offer or EventType.Valuation);
    }

    /// <summary>Whether the event links the actor to the counterpart (or, without one, concerns the actor) by the relation.</summary>
    public static bool Fits(KnowledgeEvent e, Relation relation, string actor, string? counterpart)
    {
        ArgumentNullException.ThrowIfNull(e);
        Role? a = e.RoleOf(actor);
        if (a is null || (counterpart is not null && !e.Involves(counterpart)) || e.Type == EventType.Financials)
        {
            return false;
        }

        Role? b = counterpart is null ? null : e.RoleOf(counterpart);
        bool receiving = counterpart is null || b is Role.Subject or Role.Target or Role.Seller;
        return relation switch
        {
            Relation.Invests => InvestsIn(e, actor) && receiving,
            Relation.Owns => (InvestsIn(e, actor) && receiving && e.Type != EventType.Offer && (e.Stake is not null || PartyStake(e, actor) || e.Type is EventType.Stake or EventType.FundingRound or EventType.Investment))
                || (a == Role.Acquirer && e.Type is EventType.Acquisition or EventType.Merger && b is null or Role.Target)
                || (a == Role.Seller && e.Type == EventType.Divestment),
            Relation.Buys => (a is Role.Acquirer or Role.Buyer && (b is null || b is Role.Target or Role.Seller or Role.Subject))
                || (InvestsIn(e, actor) && receiving && (e.Stake is not null || PartyStake(e, actor) || e.Quantities.Any(q => q.Unit.Contains("share", StringComparison.OrdinalIgnoreCase)))),
            Relation.Pays => (InvestsIn(e, actor) && receiving) || (a is Role.Acquirer or Role.Buyer && (b is null || b is Role.Target or Role.Seller or Role.Subject))
                || (a == Role.Customer && (b is null || b is Role.Provider or Role.Partner or Role.Subject)),
            Relation.Supplies => Supplies(e, a.Value, b),
            Relation.Sells => a == Role.Seller && (b is null || b is Role.Subject or Role.Buyer or Role.Acquirer),
            Relation.Partners => e.Type is EventType.Partnership or EventType.Infrastructure or EventType.CloudDeal or EventType.ChipDeal
                && a is Role.Partner or Role.Provider or Role.Customer or Role.Subject && (b is null || b is Role.Partner or Role.Provider or Role.Customer or Role.Subject),
            // Anything between the two — but two investors in a third company's round are not linked by it.
            _ => counterpart is null || !(IsInvestorRole(a.Value) && b is { } other && IsInvestorRole(other)),
        };
    }

    private static bool IsInvestorRole(Role role) => Investing.Contains(role) || role == Role.Buyer;

    /// <summary>Whether the actor supplies the other side: a provider to a customer, or a chip partner of a customer.</summary>
    private static bool Supplies(KnowledgeEvent e, Role actor, Role? other) =>
        e.Type is EventType.CloudDeal or EventType.ChipDeal or EventType.Infrastructure or EventType.Partnership
        && (actor == Role.Provider || (actor == Role.Partner && e.Type == EventType.ChipDeal && e.Parties.Any(p => p.Role == Role.Customer)))
        && (other is null || other is Role.Customer or Role.Subject || (other == Role.Partner && e.Type == EventType.Infrastructure));

    private static bool PartyStake(KnowledgeEvent e, string companyId) => e.Parties.Any(p => p.CompanyId == companyId && p.Stake is not null);

    /// <summary>Whether a role pays in an event: an investor, an acquirer, a buyer or a customer.</summary>
    public static bool IsPayer(Role role) => Investing.Contains(role) || role is Role.Acquirer or Role.Buyer or Role.Customer;

    /// <summary>The one company that paid or invested in the event, if it has exactly one.</summary>
    public static string? OnlyPayer(KnowledgeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Party[] payers = [.. e.Parties.Where(p => IsPayer(p.Role))];
        return payers.Length == 1 ? payers[0].CompanyId : null;
    }

    /// <summary>The money the company put in or paid in this event: its own amount, else the event's when it is the only payer.</summary>
    public static Money? AmountOf(KnowledgeEvent e, string companyId)
    {
        ArgumentNullException.ThrowIfNull(e);
        Party? own = e.Parties.FirstOrDefault(p => p.CompanyId == companyId);
        if (own?.Amount is { } amount)
        {
            return amount;
        }

        return own is not null && OnlyPayer(e) == companyId ? e.Amount : null;
    }

    /// <summary>The stake the company holds or bought in this event, if the event says.</summary>
    public static Stake? StakeOf(KnowledgeEvent e, string companyId)
    {
        ArgumentNullException.ThrowIfNull(e);
        Party? own = e.Parties.FirstOrDefault(p => p.CompanyId == companyId);
        if (own?.Stake is { } stake)
        {
            return stake;
        }

        int holders = e.Parties.Count(p => Investing.Contains(p.Role) || p.Role == Role.Buyer);
        return holders == 1 && own is not null && own.Role != Role.Subject ? e.Stake : null;
    }
}
