using ChatBot.Discord.Api.Models;

namespace ChatBot.Discord;

/// <summary>The slash commands, with Dutch names and descriptions for Dutch clients; registered at start-up.</summary>
public static class DiscordCommands
{
    private static ApplicationCommandOption Company(string name = "company", bool required = true) => new()
    {
        Name = name,
        Description = name == "company" ? "Company name, e.g. OpenAI" : "The second company",
        NameLocalizations = Dutch(name == "company" ? "bedrijf" : "ander"),
        DescriptionLocalizations = Dutch(name == "company" ? "Naam van het bedrijf, bijv. OpenAI" : "Het tweede bedrijf"),
        Required = required,
        Autocomplete = true,
    };

    private static readonly ApplicationCommandOption Period = new()
    {
        Name = "period",
        Description = "this year, 2024, since October, last quarter…",
        NameLocalizations = Dutch("periode"),
        DescriptionLocalizations = Dutch("dit jaar, 2024, sinds oktober, vorig kwartaal…"),
    };

    private static readonly ApplicationCommandOption DealType = new()
    {
        Name = "type",
        Description = "Kind of deal",
        NameLocalizations = Dutch("soort"),
        DescriptionLocalizations = Dutch("Soort deal"),
        Choices =
        [
            Choice("funding rounds", "funding", "financieringsrondes"),
            Choice("investments", "investment", "investeringen"),
            Choice("acquisitions", "acquisition", "overnames"),
            Choice("partnerships", "partnership", "samenwerkingen"),
            Choice("cloud deals", "cloud", "clouddeals"),
            Choice("chip deals", "chips", "chipdeals"),
            Choice("infrastructure", "infrastructure", "infrastructuur"),
            Choice("IPO plans", "ipo", "beursplannen"),
        ],
    };

    /// <summary>Every command the bot registers.</summary>
    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        Command("valuation", "Latest confirmed valuation, newer reports and history", "waardering", "Laatste bevestigde waardering, nieuwere berichten en geschiedenis", Company()),
        Command("deals", "Deals, newest first", "deals", "Deals, nieuwste eerst", Company(required: false), Period, DealType),
        Command("partners", "Cloud, chip and other partners", "partners", "Cloud-, chip- en andere partners", Company()),
        Command("investors", "Who backs a company", "investeerders", "Wie investeert in een bedrijf", Company()),
        Command("portfolio", "Where an investor has put money", "portefeuille", "Waarin een investeerder geld stak", Company("company")),
        Command("financials", "Revenue, spending and losses by period", "cijfers", "Omzet, uitgaven en verlies per periode", Company(), Period),
        Command("company", "A company's profile", "bedrijf", "Profiel van een bedrijf", Company()),
        Command("compare", "Two companies side by side", "vergelijk", "Twee bedrijven naast elkaar", Company(), Company("other")),
        Command("search", "Find events by words", "zoek", "Zoek gebeurtenissen op woorden", new ApplicationCommandOption
        {
            Name = "text",
            Description = "Words to look for",
            NameLocalizations = Dutch("tekst"),
            DescriptionLocalizations = Dutch("Woorden om te zoeken"),
            Required = true,
        }),
        Command("ask", "Ask a question in English or Dutch", "vraag", "Stel een vraag in het Nederlands of Engels", new ApplicationCommandOption
        {
            Name = "question",
            Description = "e.g. What deals did Amazon make this year?",
            NameLocalizations = Dutch("vraag"),
            DescriptionLocalizations = Dutch("bijv. Welke deals heeft Amazon gesloten?"),
            Required = true,
        }),
        Command("help", "What the bot can answer", "hulp", "Wat de bot kan beantwoorden"),
        Command("about", "Knowledge revision, counts and newest fact", "over", "Kennisrevisie, aantallen en nieuwste feit"),
        Command("watch", "Post new events for a company in this channel", "volg", "Plaats nieuwe gebeurtenissen van een bedrijf in dit kanaal", Company()),
        Command("unwatch", "Stop posting a company's new events here", "ontvolg", "Stop met het plaatsen van nieuwe gebeurtenissen hier", Company()),
        Command("watches", "The companies this channel watches", "gevolgd", "De bedrijven die dit kanaal volgt"),
        Command("feedback", "Report a wrong or missing answer to the curators", "opmerking", "Meld een fout of ontbrekend antwoord aan de beheerders", new ApplicationCommandOption
        {
            Name = "text",
            Description = "What is wrong or missing",
            NameLocalizations = Dutch("tekst"),
            DescriptionLocalizations = Dutch("Wat er fout is of ontbreekt"),
            Required = true,
        }),
        Admin,
    ];

    /// <summary>Manage Server: only members who may manage the server see the admin commands.</summary>
    public const string ManageGuild = "32";

    /// <summary><c>/admin status|reload|history|rollback|unanswered|feedback</c>; the bot checks admin rights again.</summary>
    private static ApplicationCommand Admin => Command("admin", "Knowledge administration (admins only)", "beheer", "Kennisbeheer (alleen beheerders)",
        SubCommand("status", "Revision served, counts, last reload and last error", "status", "Revisie, aantallen, laatste herlaadbeurt en fout"),
        SubCommand("reload", "Reload the knowledge files now", "herlaad", "Laad de kennisbestanden nu opnieuw"),
        SubCommand("history", "The latest revisions with their changes", "geschiedenis", "De laatste revisies met hun wijzigingen"),
        SubCommand("rollback", "Serve an older revision until the files change", "terugdraaien", "Gebruik een oudere revisie tot de bestanden wijzigen", new ApplicationCommandOption
        {
            Name = "revision",
            Description = "The revision number",
            NameLocalizations = Dutch("revisie"),
            DescriptionLocalizations = Dutch("Het revisienummer"),
            Type = ApplicationCommandOption.IntegerType,
            MinValue = 1,
            Required = true,
        }),
        SubCommand("unanswered", "Questions the bot could not answer, most frequent first", "onbeantwoord", "Vragen zonder antwoord, meest gesteld eerst"),
        SubCommand("feedback", "What users reported about answers", "feedback", "Wat gebruikers over antwoorden meldden")) with
    {
        DefaultMemberPermissions = ManageGuild,
        Contexts = [0],
    };

    private static ApplicationCommandOption SubCommand(string name, string description, string dutchName, string dutchDescription, params ApplicationCommandOption[] options) => new()
    {
        Type = ApplicationCommandOption.SubCommandType,
        Name = name,
        Description = description,
        NameLocalizations = Dutch(dutchName),
        DescriptionLocalizations = Dutch(dutchDescription),
        Options = options.Length == 0 ? null : options,
    };

    private static ApplicationCommand Command(string name, string description, string dutchName, string dutchDescription, params ApplicationCommandOption[] options) => new()
    {
        Name = name,
        Description = description,
        NameLocalizations = Dutch(dutchName),
        DescriptionLocalizations = Dutch(dutchDescription),
        Options = options,
        Contexts = [0, 1, 2],
    };

    private static CommandChoice Choice(string name, string value, string dutch) => new(name, value) { NameLocalizations = Dutch(dutch) };

    private static Dictionary<string, string> Dutch(string text) => new() { ["nl"] = text };
}
