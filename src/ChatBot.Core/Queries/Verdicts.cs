using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Queries;

/// <summary>
/// What a yes/no question about a relation gets first — Yes, No, Not any more, No, not yet, or No, not as planned —
/// and the fact that says so: deals agreed and later dropped, offers rejected, reports denied, plans replaced by smaller ones.
/// </summary>
public static class Verdicts
{
    /// <summary>Yes, No, Not any more, not yet, or replaced by a smaller plan, and the fact that says so.</summary>
    public static Verdict Judge(List<KnowledgeEvent> ordered, RelationCommand command, string actor, DateOnly today, out KnowledgeEvent fact)
    {
        List<KnowledgeEvent> newest = [.. ordered.OrderByDescending(e => e.Date)];

        // What answers Yes: a deal done or binding; for "did X consider…", talks too; for "did X acquire…", only a takeover.
        bool Done(KnowledgeEvent e) =>
            e.Certainty != Certainty.Denied && e.Stage != Stage.Cancelled
            && (command.AboutTalks || (e.Type != EventType.Offer && e.Stage is Stage.Completed or Stage.Agreed))
            && (!command.Takeover || e.Type is EventType.Acquisition or EventType.Merger);
        if (command.Asked is { } asked)
        {
            // "Is Nvidia investing $100 billion in OpenAI?": find the event with that figure, then what became of it.
            KnowledgeEvent? named = newest.FirstOrDefault(e => Near(Roles.AmountOf(e, actor) ?? e.Amount, asked));
            if (named is not null)
            {
                KnowledgeEvent? later = newest.LastOrDefault(e => e.Date > named.Date && (Roles.AmountOf(e, actor) ?? e.Amount) is { } m && m.Amount < asked.Amount);
                if (later is not null)
                {
                    fact = later;
                    return Verdict.Replaced;
                }

                fact = named;
                return named.Certainty == Certainty.Denied ? Verdict.No
                    : named.Stage == Stage.Cancelled ? Verdict.NotAnyMore
                    : Done(named) ? Verdict.Yes
                    : Verdict.NotYet;
            }
        }

        if (command.Takeover && !ordered.Any(e => e.Type is EventType.Acquisition or EventType.Merger) && ordered.FirstOrDefault(Significance.Stands) is { } instead)
        {
            // "Is Meta still buying Scale AI?": no takeover was ever on the table; the fact says what there was (a 49% stake).
            fact = instead;
            return Verdict.No;
        }

        KnowledgeEvent latest = newest[0];
        if (command.Still)
        {
            // "Is Microsoft still OpenAI's exclusive cloud provider?": the newest fact decides (for a stake, the newest
            // that states one), and a fact that ends something ("stopped being", "sold its entire stake") says Not any more.
            latest = ordered[0];
            fact = latest;
            bool wasDone = newest.Any(e => e.Date < latest.Date && Done(e));
            return latest.Stage == Stage.Cancelled ? (wasDone ? Verdict.NotAnyMore : Verdict.No)
                : Headlines.Ends(latest, actor, today) ? Verdict.NotAnyMore
                : latest.Certainty == Certainty.Denied ? Verdict.No
                : Done(latest) || newest.Any(Done) ? Verdict.Yes
                : Verdict.NotYet;
        }

        if (ordered.FirstOrDefault(Done) is { } done)
        {
            fact = done;
            return Verdict.Yes;
        }

        if (command.Takeover && ordered.FirstOrDefault(e => Significance.Stands(e)) is { } other)
        {
            // "Did Nvidia acquire Groq?": a licence and hires are no takeover; the fact says what it was.
            fact = other;
            return Verdict.No;
        }

        if (newest.All(e => e.Certainty == Certainty.Denied || e.Stage == Stage.Cancelled))
        {
            fact = latest;
            return Verdict.No;
        }

        fact = ordered.First(e => e.Certainty != Certainty.Denied && e.Stage != Stage.Cancelled);
        return Verdict.NotYet;
    }

    internal static bool Near(Money? money, Money asked) =>
        money is { } m && string.Equals(m.Currency, asked.Currency, StringComparison.Ordinal) && Math.Abs(m.Amount - asked.Amount) <= asked.Amount * 0.1m;
}
