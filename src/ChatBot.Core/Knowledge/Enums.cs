namespace ChatBot.Core.Knowledge;

/// <summary>How far a deal got. A closed set: the knowledge files may use no other value.</summary>
public enum Stage
{
    /// <summary>Negotiated or considered; nothing signed.</summary>
    Talks,

    /// <summary>An intention or letter of intent was announced; not binding.</summary>
    Announced,

    /// <summary>Binding, but not yet closed (approvals, conditions, tranches).</summary>
    Agreed,

    /// <summary>Closed: the money moved, the contract is in force, the figures are published.</summary>
    Completed,

    /// <summary>Called off or collapsed.</summary>
    Cancelled,
}

/// <summary>How sure we are of a fact. A closed set.</summary>
public enum Certainty
{
    /// <summary>Confirmed by a party to it.</summary>
    Confirmed,

    /// <summary>Reported by the press, citing sources.</summary>
    Reported,

    /// <summary>A figure estimated by analysts or the press.</summary>
    Estimate,

    /// <summary>Reported, then denied by a party.</summary>
    Denied,
}

/// <summary>What kind of fact an event records.</summary>
public enum EventType
{
    FundingRound,
    Valuation,
    Investment,
    Acquisition,
    Merger,
    Divestment,
    Partnership,
    CloudDeal,
    ChipDeal,
    Infrastructure,
    Stake,
    Financials,
    IpoPlan,
    Offer,
}

/// <summary>The part a company plays in an event.</summary>
public enum Role
{
    Subject,
    LeadInvestor,
    Investor,
    StrategicInvestor,
    Acquirer,
    Target,
    Seller,
    Buyer,
    Partner,
    Provider,
    Customer,
}

/// <summary>What kind of company this is.</summary>
public enum CompanyKind
{
    Other,
    AiLab,
    BigTech,
    Cloud,
    Neocloud,
    Chipmaker,
    Investor,
    Infrastructure,
    Software,
    Telecom,
    Government,
}

/// <summary>How a money amount or quantity is qualified, as a newspaper would write it.</summary>
public enum Qualifier
{
    Exact,
    About,
    UpTo,
    MoreThan,
    AtLeast,
    Range,
}

/// <summary>Whether a valuation is measured before or after the new money.</summary>
public enum ValuationBasis
{
    Unspecified,
    PreMoney,
    PostMoney,
}

/// <summary>New money (primary) or existing shares changing hands (secondary sale, tender).</summary>
public enum RoundKind
{
    Primary,
    Secondary,
}

/// <summary>A line of a company's financial figures.</summary>
public enum FinancialMetric
{
    Revenue,
    RunRate,
    Spending,
    Loss,
    Profit,
    CashFlow,
    CashBurn,
}
