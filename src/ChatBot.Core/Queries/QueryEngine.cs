using ChatBot.Core.Commands;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Queries;

/// <summary>
/// Pure functions of (command or parse failure, snapshot, today, language) → <see cref="Reply"/>. No I/O, no
/// platform types, no clock of its own.
/// </summary>
public static class QueryEngine
{
    public static Reply Answer(Command command, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(q);
        return command switch
        {
            ValuationCommand c => ValuationQuery.Answer(c, q),
            DealsCommand c => DealsQuery.Answer(c, q),
            PartnersCommand c => RelationsQuery.Partners(c, q),
            InvestorsCommand c => RelationsQuery.Investors(c, q),
            PortfolioCommand c => RelationsQuery.Portfolio(c, q),
            FinancialsCommand c => ProfileQueries.Financials(c, q),
            CompanyCommand c => ProfileQueries.Company(c, q),
            CompareCommand c => ProfileQueries.Compare(c, q),
            RelationCommand c => LinkQuery.Answer(c, q),
            EventCommand c => EventQuery.Answer(c, q),
            SearchCommand c => InfoQueries.Search(c, q),
            HelpCommand c => InfoQueries.Help(c, q),
            AboutCommand => InfoQueries.About(q),
            _ => InfoQueries.NotUnderstood(q),
        };
    }

    /// <summary>The honest reply to a text we could not turn into a command: never a guess.</summary>
    public static Reply Explain(ParseResult result, QueryContext q)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(q);
        string intent = Intents.Name(result.Intent is null or Intent.Relation ? Intent.Valuation : result.Intent.Value);
        switch (result.Failure)
        {
            case ParseFailure.UnknownCompany:
                string name = result.UnknownName ?? string.Empty;
                IReadOnlyList<string> closest = q.Snapshot.Directory.Closest(name);
                string answer = q.L($"I don't know “{name}”.", $"Ik ken “{name}” niet.");
                if (closest.Count > 0)
                {
                    answer += " " + q.L($"Did you mean {Or(closest, q)}?", $"Bedoel je {Or(closest, q)}?");
                }
                else
                {
                    answer += " " + q.L("Try /search or /help.", "Probeer /search of /help.");
                }

                return new Reply(ReplyKind.UnknownCompany, q.Language, q.L("Unknown company", "Onbekend bedrijf"), answer)
                {
                    Suggestions = [.. closest.Select(c => $"/{intent} {c}")],
                };
            case ParseFailure.MissingCompany:
                return new Reply(ReplyKind.NotUnderstood, q.Language, q.L("Which company?", "Welk bedrijf?"), q.L(
                    $"Which company do you mean? For example: /{intent} OpenAI",
                    $"Welk bedrijf bedoel je? Bijvoorbeeld: /{intent} OpenAI"))
                {
                    Suggestions = [$"/{intent} OpenAI", $"/{intent} Anthropic"],
                };
            case ParseFailure.BadCommand:
                return new Reply(ReplyKind.NotUnderstood, q.Language, q.L("Unknown command", "Onbekend commando"), BadCommandText(result, q))
                {
                    Suggestions = ["/help"],
                };
            case ParseFailure.Empty:
                return new Reply(ReplyKind.NotUnderstood, q.Language, q.L("Ask me something", "Vraag me iets"), q.L(
                    "Ask me about the finances of an AI company, for example “What is OpenAI worth?”.",
                    "Vraag me iets over de financiën van een AI-bedrijf, bijvoorbeeld “Hoeveel is OpenAI waard?”."))
                {
                    Suggestions = ["What is OpenAI worth?", "/deals", "/help"],
                };
            default:
                return InfoQueries.NotUnderstood(q);
        }
    }

    private static string BadCommandText(ParseResult result, QueryContext q) => (result.Intent, result.Detail) switch
    {
        (Intent.Admin, "action") => q.L("Admin commands: /admin status, reload, history, rollback <revision>, unanswered, feedback.", "Beheeropdrachten: /admin status, reload, history, rollback <revisie>, unanswered, feedback."),
        (Intent.Admin, "revision") => q.L("Which revision? For example: /admin rollback 3 (see /admin history).", "Welke revisie? Bijvoorbeeld: /admin rollback 3 (zie /admin history)."),
        (Intent.Feedback, _) => q.L("What is wrong or missing? For example: /feedback the valuation is outdated", "Wat is er fout of ontbreekt? Bijvoorbeeld: /feedback de waardering is verouderd"),
        _ => BadOption(result, q),
    };

    private static string BadOption(ParseResult result, QueryContext q) => result.Detail switch
    {
        "period" => q.L("I can't read that period. Try “this year”, “2024”, “since October” or “last quarter”.", "Die periode begrijp ik niet. Probeer “dit jaar”, “2024”, “sinds oktober” of “vorig kwartaal”."),
        "type" => q.L("Unknown deal type. Try funding, investment, acquisition, partnership, cloud, chips, infrastructure or ipo.", "Onbekend soort deal. Probeer funding, investment, acquisition, partnership, cloud, chips, infrastructure of ipo."),
        "text" => q.L("What should I search for? For example: /search Stargate", "Waar moet ik naar zoeken? Bijvoorbeeld: /search Stargate"),
        { } name => q.L($"I don't know the command “{name}”. Type /help for the list.", $"Het commando “{name}” ken ik niet. Typ /help voor de lijst."),
        _ => q.L("Type /help for the list of commands.", "Typ /help voor de lijst met commando's."),
    };

    private static string Or(IReadOnlyList<string> names, QueryContext q) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + q.L(" or ", " of ") + names[^1];
}
