using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Teams.Manifest;

/// <summary>Settings of the app manifest beyond the <c>Teams</c> section.</summary>
/// <param name="Version">The app's version (semantic, <c>1.0.0</c>).</param>
/// <param name="WebsiteUrl">The developer's website; Teams requires an https URL.</param>
/// <param name="MessagingDomain">The host name of the bot's public endpoint, if known (listed in <c>validDomains</c>).</param>
public sealed record ManifestSettings(string Version = "1.0.0", string WebsiteUrl = ManifestSettings.PlaceholderWebsite, string? MessagingDomain = null)
{
    /// <summary>The website used when none is given; fine for sideloading, to be replaced before publishing.</summary>
    public const string PlaceholderWebsite = "https://www.example.com";
}

/// <summary>
/// The Teams app manifest (schema 1.22): the bot with its command list for personal chats, teams and group chats,
/// and the search-based message extension; and the app package Teams accepts for upload (manifest + two icons).
/// </summary>
public static class TeamsAppPackage
{
    public const string ManifestVersion = "1.22";

    public const string SchemaUrl = "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json";

    /// <summary>The commands Teams lists in the compose box (at most 10 per list; title ≤ 32, description ≤ 128).</summary>
    public static readonly IReadOnlyList<(string Title, string Description)> Commands =
    [
        ("valuation", "Latest valuation of a company, with its history and sources: valuation OpenAI"),
        ("deals", "Recent deals, of everyone or one company: deals Amazon this year"),
        ("partners", "Partners of a company: partners Microsoft"),
        ("investors", "Who invested in a company: investors Anthropic"),
        ("portfolio", "Where an investor put money: portfolio Nvidia"),
        ("financials", "Revenue, spending and losses: financials OpenAI"),
        ("company", "Profile of a company: company xAI"),
        ("compare", "Two companies side by side: compare OpenAI Anthropic"),
        ("search", "Search the knowledge: search chips"),
        ("help", "What I can answer, in English or Dutch"),
    ];

    public static JsonObject Manifest(TeamsOptions options, ManifestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        JsonArray commands = [.. Commands.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["description"] = c.Description })];
        JsonArray validDomains = settings.MessagingDomain is { Length: > 0 } domain ? [domain] : [];
        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = settings.Version,
            ["id"] = options.MicrosoftAppId,
            ["developer"] = new JsonObject
            {
                ["name"] = options.BotName,
                ["websiteUrl"] = settings.WebsiteUrl,
                ["privacyUrl"] = settings.WebsiteUrl.TrimEnd('/') + "/privacy",
                ["termsOfUseUrl"] = settings.WebsiteUrl.TrimEnd('/') + "/terms",
            },
            ["name"] = new JsonObject { ["short"] = Shorten(options.BotName, 30), ["full"] = Shorten(options.BotName + " — AI company finances", 100) },
            ["description"] = new JsonObject
            {
                ["short"] = "Valuations, funding rounds and deals of AI companies, with sources.",
                ["full"] = "Ask about the finances of AI companies — valuations, funding rounds, deals, partnerships, stakes, spending and losses — "
                    + "and get a card with the answer, whether it is confirmed or only reported, the history and the sources, in English or Dutch. "
                    + "Mention the bot in a channel or chat with it directly, and insert a company's valuation card into any conversation from the compose box.",
            },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = "#1F3A68",
            ["bots"] = new JsonArray
            {
                new JsonObject
                {
                    ["botId"] = options.MicrosoftAppId,
                    ["scopes"] = new JsonArray("personal", "team", "groupChat"),
                    ["supportsFiles"] = false,
                    ["isNotificationOnly"] = false,
                    ["commandLists"] = new JsonArray
                    {
                        new JsonObject { ["scopes"] = new JsonArray("personal", "team", "groupChat"), ["commands"] = commands },
                    },
                },
            },
            ["composeExtensions"] = new JsonArray
            {
                new JsonObject
                {
                    ["botId"] = options.MicrosoftAppId,
                    ["commands"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["id"] = TeamsBot.SearchCommandId,
                            ["type"] = "query",
                            ["title"] = "Company valuation",
                            ["description"] = "Find a company and insert its valuation card",
                            ["initialRun"] = true,
                            ["context"] = new JsonArray("compose", "commandBox"),
                            ["parameters"] = new JsonArray
                            {
                                new JsonObject { ["name"] = "company", ["title"] = "Company", ["description"] = "Company name, e.g. OpenAI", ["inputType"] = "text" },
                            },
                        },
                    },
                },
            },
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            ["validDomains"] = validDomains,
        };
    }

    /// <summary>Writes the app package: <c>manifest.json</c>, <c>color.png</c> (192×192) and <c>outline.png</c> (32×32) at the zip's root.</summary>
    public static void Write(Stream destination, TeamsOptions options, ManifestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using ZipArchive zip = new(destination, ZipArchiveMode.Create, leaveOpen: true);
        ZipArchiveEntry manifest = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
        using (Stream stream = manifest.Open())
        {
            using Utf8JsonWriter writer = new(stream, new JsonWriterOptions { Indented = true });
            Manifest(options, settings).WriteTo(writer);
        }

        foreach (string icon in new[] { "color.png", "outline.png" })
        {
            ZipArchiveEntry entry = zip.CreateEntry(icon, CompressionLevel.NoCompression);
            using Stream target = entry.Open();
            using Stream source = Icon(icon);
            source.CopyTo(target);
        }
    }

    /// <summary>An icon shipped in the assembly.</summary>
    public static Stream Icon(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("ChatBot.Teams.Manifest." + name)
        ?? throw new InvalidOperationException($"The icon {name} is not embedded.");

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
