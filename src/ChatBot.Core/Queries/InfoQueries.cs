using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Queries;

/// <summary><c>search</c>, <c>help</c> and <c>about</c>.</summary>
public static class InfoQueries
{
    /// <summary>The commands, as help lists them: usage, English and Dutch description, examples.</summary>
    public static readonly ImmutableArray<(string Name, string Usage, string English, string Dutch, string Example)> Commands =
    [
        ("valuation", "/valuation <company>", "latest confirmed valuation, newer reports, history", "laatste bevestigde waardering, nieuwere berichten, geschiedenis", "What is OpenAI worth?"),
        ("deals", "/deals [company] [period] [type]", "deals, newest first (recent = 12 months to the newest fact)", "deals, nieuwste eerst (recent = 12 maanden tot het nieuwste feit)", "What deals did Amazon make this year?"),
        ("partners", "/partners <company> [cloud|chips]", "cloud, chip and other partners with terms", "cloud-, chip- en andere partners met voorwaarden", "Who are OpenAI's cloud partners?"),
        ("investors", "/investors <company>", "who backs a company: rounds and stakes", "wie investeert in een bedrijf: rondes en belangen", "Who invested in Anthropic?"),
        ("portfolio", "/portfolio <investor>", "where an investor has put money", "waarin een investeerder geld stak", "What has Nvidia invested in?"),
        ("financials", "/financials <company> [year]", "revenue, spending and losses by period", "omzet, uitgaven en verlies per periode", "How much did OpenAI lose in 2024?"),
        ("company", "/company <company>", "profile: kind, founded, valuation, latest events", "profiel: soort, oprichting, waardering, recente gebeurtenissen", "Tell me about Mistral"),
        ("compare", "/compare <company> <company>", "two companies side by side", "twee bedrijven naast elkaar", "Compare OpenAI and Anthropic"),
        ("ask", "/ask <question>", "two companies and their relation, yes/no questions, follow-ups", "twee bedrijven en hun relatie, ja/nee-vragen, vervolgvragen", "How much did Microsoft invest in Anthropic?"),
        ("search", "/search <text>", "find events by words", "zoek gebeurtenissen op woorden", "search Stargate"),
        ("help", "/help [command]", "this list", "deze lijst", "help deals"),
        ("about", "/about", "knowledge revision, counts, newest fact", "kennisrevisie, aantallen, nieuwste feit", "about"),
    ];

    /// <summary>The least share of a question's content words the best event must match for the fallback to offer it.</summary>
    public const double MinimumCoverage = 0.5;

    /// <summary>
    /// <c>search &lt;text&gt;</c>: the events that match the words best, by the ranked search when the host has one (the
    /// same ranking the fallback uses), else every event containing all the words, newest first.
    /// </summary>
    public static Reply Search(SearchCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        if (command.Fallback)
        {
            return Closest(command.Text, q) ?? NotUnderstood(q);
        }

        List<KnowledgeEvent> hits = q.Search is { } search
            ? [.. search.Find(q.Snapshot, command.Text, 50).Where(m => m.Coverage >= MinimumCoverage).Select(m => m.Event)]
            : Containing(command.Text, q);
        string title = q.L($"Search · {command.Text}", $"Zoeken · {command.Text}");
        if (hits.Count == 0)
        {
            return q.Reply(ReplyKind.NoResults, title, q.L($"Nothing found for “{command.Text}”.", $"Niets gevonden voor “{command.Text}”.")) with { Suggestions = ["/help", "/deals"] };
        }

        string order = q.Search is null ? q.L("newest first", "nieuwste eerst") : q.L("best match first", "beste treffer eerst");
        return q.Reply(ReplyKind.Answer, title, q.L($"{q.Count(hits.Count, "match", "treffer")} for “{command.Text}”, {order}.", $"{q.Count(hits.Count, "match", "treffer")} voor “{command.Text}”, {order}.")) with
        {
            Sections = [new ReplySection(q.L("Matches", "Treffers"), [.. hits.Take(10).Select(e => q.Item(e, q.TypeLabel(e.Type)))], Math.Max(0, hits.Count - 10))],
            Sources = q.Sources(hits.Take(10), 8),
            EventId = hits[0].Id,
        };
    }

    /// <summary>
    /// The ranked fallback when no question frame fits: "Closest facts we have:" and the top three with stage, certainty
    /// and sources, if the best matches enough of the words; null below that minimum (the caller gives the help reply).
    /// </summary>
    public static Reply? Closest(string text, QueryContext q, double minimum = MinimumCoverage)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (q.Search is not { } search)
        {
            return null;
        }

        List<KnowledgeEvent> top = [.. search.Find(q.Snapshot, text, 3).Where(m => m.Coverage >= minimum && m.Specific).Select(m => m.Event)];
        if (top.Count == 0)
        {
            return null;
        }

        return q.Reply(ReplyKind.Closest, q.L("Closest facts", "Dichtstbijzijnde feiten"), q.L("Closest facts we have: ", "De dichtstbijzijnde feiten die we hebben: ") + Headlines.Fact(top[0], q)) with
        {
            Badge = q.Badge(top[0]),
            Sections = top.Count == 1 ? [] : [new ReplySection(q.L("Also close", "Ook dichtbij"), [.. top.Skip(1).Select(e => q.Item(e, q.TypeLabel(e.Type)))])],
            Sources = q.Sources(top, 6),
            Served = [.. top.Select(e => e.Id)],
            EventId = top[0].Id,
            Suggestions = ["/help", "/deals"],
        };
    }

    /// <summary>The honest reply when nothing fits: what the bot knows, with examples.</summary>
    public static Reply NotUnderstood(QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return new Reply(ReplyKind.NotUnderstood, q.Language, q.L("I can't answer that", "Dat kan ik niet beantwoorden"), q.L(
            "I can't answer that yet. I know valuations, deals, partners, investors, portfolios and financials of AI companies.",
            "Dat kan ik nog niet beantwoorden. Ik ken waarderingen, deals, partners, investeerders, portefeuilles en cijfers van AI-bedrijven."))
        {
            Suggestions = [q.L("What is OpenAI worth?", "Hoeveel is OpenAI waard?"), "/deals", q.L("How much did Microsoft invest in Anthropic?", "Hoeveel investeerde Microsoft in Anthropic?"), "/help"],
        };
    }

    private static List<KnowledgeEvent> Containing(string text, QueryContext q)
    {
        string[] words = [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"', '\'', '.', '?')).Where(w => w.Length > 0)];
        bool Matches(KnowledgeEvent e)
        {
            string haystack = string.Join(' ', e.Summary, e.SummaryNl, e.Note, string.Join(' ', e.Others),
                string.Join(' ', e.Parties.Select(p => q.Name(p.CompanyId))), string.Join(' ', e.Sources.Select(s => s.Publisher + " " + s.Cites + " " + s.Title)));
            return words.All(w => haystack.Contains(w, StringComparison.OrdinalIgnoreCase));
        }

        return words.Length == 0 ? [] : [.. q.Snapshot.EventsNewestFirst.Where(Matches)];
    }

    public static Reply Help(HelpCommand command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        var match = Commands.FirstOrDefault(c => string.Equals(c.Name, command.Topic?.Trim().TrimStart('/'), StringComparison.OrdinalIgnoreCase));
        if (match.Name is not null)
        {
            return new Reply(ReplyKind.Help, q.Language, match.Usage, q.L(match.English, match.Dutch) + ".")
            {
                Suggestions = [match.Example],
            };
        }

        return new Reply(ReplyKind.Help, q.Language, q.L("ChatBot · help", "ChatBot · hulp"), q.L(
            "I answer questions about the finances of AI companies — valuations, rounds, deals, partners, stakes, spending and losses — from a curated, sourced knowledge file. Ask in English or Dutch, or use a command:",
            "Ik beantwoord vragen over de financiën van AI-bedrijven — waarderingen, rondes, deals, partners, belangen, uitgaven en verliezen — uit een zorgvuldig bijgehouden kennisbank met bronnen. Vraag het in het Nederlands of Engels, of gebruik een commando:"))
        {
            Sections = [new ReplySection(q.L("Commands", "Commando's"), [.. Commands.Select(c => new ReplyItem($"{c.Usage} — {q.L(c.English, c.Dutch)}"))])],
            Suggestions = q.Dutch
                ? ["Hoeveel is OpenAI waard?", "/deals Amazon", "Wie zijn de cloudpartners van OpenAI?", "What is OpenAI worth?"]
                : ["What is OpenAI worth?", "/deals Amazon", "Who are OpenAI's cloud partners?", "Hoeveel is OpenAI waard?"],
        };
    }

    public static Reply About(QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(q);
        KnowledgeSnapshot s = q.Snapshot;
        RevisionInfo revision = s.Revision;
        List<ReplyField> fields =
        [
            new(q.L("Revision", "Revisie"), revision.Number <= 0 ? "—"
                : revision.RolledBack ? q.L($"{revision.Number.ToString(q.Culture)} (rolled back by an admin)", $"{revision.Number.ToString(q.Culture)} (teruggezet door een beheerder)")
                : revision.Number.ToString(q.Culture)),
            new(q.L("Imported", "Geïmporteerd"), revision.Number > 0 ? Formats.Day(DateOnly.FromDateTime(revision.ImportedAt.UtcDateTime), q.Language) : "—"),
            new(q.L("Companies", "Bedrijven"), s.CompanyCount.ToString(q.Culture)),
            new(q.L("Events", "Gebeurtenissen"), s.EventCount.ToString(q.Culture)),
            new(q.L("Sources", "Bronnen"), s.SourceCount.ToString(q.Culture)),
            new(q.L("Newest fact", "Nieuwste feit"), s.NewestEventDate is { } newest ? q.Date(newest) : "—"),
        ];
        if (revision.ContentHash.Length >= 12)
        {
            fields.Add(new ReplyField(q.L("Content hash", "Inhoudshash"), revision.ContentHash[..12]));
        }

        string answer = q.L(
            $"I answer from a curated knowledge file of {q.Count(s.CompanyCount, "company", "bedrijf")} and {q.Count(s.EventCount, "event", "gebeurtenis")}, each with its source, stage and certainty.",
            $"Ik antwoord uit een zorgvuldig bijgehouden kennisbank van {q.Count(s.CompanyCount, "company", "bedrijf")} en {q.Count(s.EventCount, "event", "gebeurtenis")}, elk met bron, fase en zekerheid.");
        return q.Reply(ReplyKind.About, q.L("About ChatBot", "Over ChatBot"), answer) with { Fields = [.. fields] };
    }
}
