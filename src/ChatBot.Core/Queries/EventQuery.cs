using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Queries;

/// <summary>A follow-up about the last answer's fact: "who led it?", "when was that?", "is it done?", "how much was it?".</summary>
public static class EventQuery
{
    public static Reply Answer(EventCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        if (q.Snapshot.FindEvent(command.EventId) is not { } e)
        {
            return q.Reply(ReplyKind.NoResults, q.L("Not found", "Niet gevonden"), q.L(
                "The fact the last answer was about is no longer in the knowledge.",
                "Het feit waar het vorige antwoord over ging, staat niet meer in de kennisbank."));
        }

        string subject = e.Subject is { } s ? q.Name(s.CompanyId) : q.Name(e.Parties[0].CompanyId);
        string what = command.Facet switch
        {
            Facet.None => q.L("more", "meer"),
            Facet.Lead => q.L("lead investor", "hoofdinvesteerder"),
            Facet.Date => q.L("date", "datum"),
            Facet.Term => q.L("term", "looptijd"),
            Facet.Stage => q.L("stage", "fase"),
            Facet.Stake => q.L("stake", "belang"),
            Facet.Valuation => q.L("valuation", "waardering"),
            _ => q.L("amount", "bedrag"),
        };
        // "tell me more": the fact with its figures, every note whole and every source.
        string answer = Headlines.Asked(command.Facet, e, Payer(e), q) + Headlines.Fact(e, q);
        List<ReplyField> fields = [];
        if (command.Facet == Facet.None && q.Figures(e) is { Length: > 0 } figures)
        {
            fields.Add(new ReplyField(q.L("Figures", "Cijfers"), figures, Inline: false));
        }

        return q.Reply(ReplyKind.Answer, $"{subject} · {what}", Headlines.Sentence(answer, q)) with
        {
            Badge = q.Badge(e),
            Fields = [.. fields],
            Notes = [.. q.Notes(e)],
            Sources = q.Sources([e], 12),
            EventId = e.Id,
            Suggestions = [$"/deals {subject}", $"/investors {subject}"],
        };
    }

    /// <summary>The one company that paid or invested, if the event has exactly one.</summary>
    private static string? Payer(KnowledgeEvent e)
    {
        Party[] payers = [.. e.Parties.Where(p => Roles.Investing.Contains(p.Role) || p.Role is Role.Acquirer or Role.Buyer or Role.Customer)];
        return payers.Length == 1 ? payers[0].CompanyId : null;
    }
}
