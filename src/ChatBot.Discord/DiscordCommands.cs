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
    ];

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
