using ChatBot.Core.Commands;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Queries;

/// <summary>How a relation question is put into words: its title, what "no record" is of, and the question of the other reading.</summary>
public static class RelationText
{
    /// <summary>"Apple investing in OpenAI", "Apple die investeert in OpenAI".</summary>
    public static string Phrase(RelationCommand command, string actor, string? counterpart, QueryContext q)
    {
        string a = q.Name(actor);
        string b = counterpart is null ? q.L("that", "dat") : q.Name(counterpart);
        string topic = counterpart is null && !command.Topic.IsDefaultOrEmpty ? string.Join(' ', command.Topic) : b;
        string period = command.Period is { } p ? " " + DealsQuery.PeriodPhrase(p, DealsQuery.PeriodLabel(p, p.Resolve(q.Today, q.Snapshot.NewestEventDate?.Start), q), q) : string.Empty;
        return command.Relation switch
        {
            Relation.Invests => q.L($"{a} investing in {topic}{period}", $"een investering van {a} in {topic}{period}"),
            Relation.Owns => q.L($"{a} holding a stake in {topic}{period}", $"een belang van {a} in {topic}{period}"),
            Relation.Buys => q.L($"{a} buying {topic}{period}", $"een aankoop van {topic} door {a}{period}"),
            Relation.Pays => q.L($"{a} paying {topic}{period}", $"betalingen van {a} aan {topic}{period}"),
            Relation.Supplies => q.L($"{a} supplying {topic}{period}", $"leveringen van {a} aan {topic}{period}"),
            Relation.Sells when counterpart is null => q.L($"{a} selling {topic}{period}", $"een verkoop van {topic} door {a}{period}"),
            Relation.Sells => q.L($"{a} selling a stake in {b} or selling to {b}{period}", $"een verkoop door {a} van een belang in {b} of aan {b}{period}"),
            Relation.Partners => q.L($"a partnership between {a} and {topic}{period}", $"een samenwerking tussen {a} en {topic}{period}"),
            _ => q.L($"a deal between {a} and {topic}{period}", $"een deal tussen {a} en {topic}{period}"),
        };
    }

    /// <summary>"Nvidia → Groq · price", "OpenAI &amp; Oracle · deals".</summary>
    public static string Title(RelationCommand command, string actor, string? counterpart, QueryContext q)
    {
        string a = q.Name(actor);
        string pair = counterpart is null
            ? (command.Topic.IsDefaultOrEmpty ? a : $"{a} → {string.Join(' ', command.Topic)}")
            : command.Relation is Relation.Any or Relation.Partners ? $"{a} & {q.Name(counterpart)}" : $"{a} → {q.Name(counterpart)}";
        string what = FacetName(command.Facet, q) ?? command.Relation switch
        {
            Relation.Invests => q.L("investment", "investering"),
            Relation.Owns => q.L("stake", "belang"),
            Relation.Buys => q.L("acquisition", "overname"),
            Relation.Pays => q.L("payments", "betalingen"),
            Relation.Supplies => q.L("supply", "levering"),
            Relation.Sells => q.L("sale", "verkoop"),
            Relation.Partners => q.L("partnership", "samenwerking"),
            _ => q.L("deals", "deals"),
        };
        return $"{pair} · {what}";
    }

    /// <summary>What a title says was asked: "amount", "lead investor", Dutch "bedrag", "hoofdinvesteerder"; null for nothing in particular.</summary>
    public static string? FacetName(Facet facet, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return facet switch
        {
            Facet.Amount => q.L("amount", "bedrag"),
            Facet.Stake => q.L("stake", "belang"),
            Facet.Quantity => q.L("quantity", "hoeveelheid"),
            Facet.Price => q.L("price", "prijs"),
            Facet.Valuation => q.L("valuation", "waardering"),
            Facet.Date => q.L("date", "datum"),
            Facet.Term => q.L("term", "looptijd"),
            Facet.Lead => q.L("lead investor", "hoofdinvesteerder"),
            Facet.Stage => q.L("stage", "fase"),
            Facet.Count => q.L("how many", "aantal"),
            _ => null,
        };
    }

    public static ReplyChoice Choice(RelationCommand command, QueryContext q)
    {
        string a = q.Name(command.Actor.Id!);
        string b = q.Name(command.Counterpart!.Id!);
        string question = command.Relation switch
        {
            Relation.Invests => q.L($"How much did {a} invest in {b}?", $"Hoeveel investeerde {a} in {b}?"),
            Relation.Owns => q.L($"What stake does {a} hold in {b}?", $"Welk belang heeft {a} in {b}?"),
            Relation.Buys => q.L($"What did {a} pay for {b}?", $"Wat betaalde {a} voor {b}?"),
            Relation.Pays => q.L($"What did {a} pay to {b}?", $"Wat betaalde {a} aan {b}?"),
            Relation.Supplies => q.L($"What does {a} supply to {b}?", $"Wat levert {a} aan {b}?"),
            Relation.Sells => q.L($"What did {a} sell to {b}?", $"Wat verkocht {a} aan {b}?"),
            _ => q.L($"Deals between {a} and {b}", $"Deals tussen {a} en {b}"),
        };
        return new ReplyChoice($"{a} → {b}", question);
    }
}
