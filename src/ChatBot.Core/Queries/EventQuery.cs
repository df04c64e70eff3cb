using ChatBot.Core.Commands;
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
        string what = RelationText.FacetName(command.Facet, q) ?? q.L("more", "meer");

        // "tell me more": the fact with its figures, every note whole and every source.
        string answer = Headlines.Asked(command.Facet, e, Roles.OnlyPayer(e), q) + Headlines.Fact(e, q);
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
}
