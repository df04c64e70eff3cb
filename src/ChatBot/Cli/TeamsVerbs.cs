using ChatBot.Teams;
using ChatBot.Teams.Manifest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Cli;

/// <summary><c>chatbot teams package [file]</c>: the Teams app package (manifest and icons) for upload.</summary>
internal static class TeamsVerbs
{
    public const string DefaultPackage = "chatbot-teams.zip";

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine line, TextWriter output, TextWriter error)
    {
        string action = line.Words.Length > 1 ? line.Words[1].ToLowerInvariant() : string.Empty;
        if (action != "package" || line.Words.Length > 3)
        {
            await error.WriteLineAsync("chatbot: usage: chatbot teams package [file.zip]").ConfigureAwait(false);
            return ChatBotApp.UsageError;
        }

        // The manifest needs only the app id; the rest of the Teams settings are checked when the bot serves.
        TeamsOptions teams = services.GetRequiredService<IConfiguration>().GetSection(TeamsOptions.Section).Get<TeamsOptions>() ?? new TeamsOptions();
        if (!Guid.TryParse(teams.MicrosoftAppId, out _))
        {
            await error.WriteLineAsync("chatbot: Teams:MicrosoftAppId must be the bot's Microsoft App ID (a GUID), e.g. --Teams:MicrosoftAppId=<id>").ConfigureAwait(false);
            return ChatBotApp.UsageError;
        }

        string path = Path.GetFullPath(line.Words.Length > 2 ? line.Words[2] : DefaultPackage);
        string temporary = path + ".tmp";
        await using (FileStream file = File.Create(temporary))
        {
            TeamsAppPackage.Write(file, teams, new ManifestSettings());
        }

        File.Move(temporary, path, overwrite: true);
        await output.WriteLineAsync($"Wrote {path}: manifest {TeamsAppPackage.ManifestVersion} for app {teams.MicrosoftAppId}, with color.png and outline.png.").ConfigureAwait(false);
        await output.WriteLineAsync($"Upload it in Teams (Apps → Manage your apps → Upload an app). The developer website is {ManifestSettings.PlaceholderWebsite}: change it before publishing to your organisation's catalogue.").ConfigureAwait(false);
        return ChatBotApp.Ok;
    }
}
