using System.Text.Json;
using ChatBot.Discord.Api.Models;
using ChatBot.Discord.Api.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord;

/// <summary>
/// Registers the slash commands at start-up: globally, or per guild when <c>Discord:GuildIds</c> is set (guild
/// commands update instantly). The current definitions are compared with what Discord has first, and a bulk
/// overwrite is sent only when they differ, which spares the daily command-create quota.
/// </summary>
public sealed class CommandRegistration(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistration> logger) : BackgroundService
{
    /// <summary>What a start-up registration did, per scope ("global" or a guild id).</summary>
    public IReadOnlyDictionary<string, string> Outcome => _outcome;

    private readonly Dictionary<string, string> _outcome = new(StringComparer.Ordinal);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RegisterAsync(DiscordCommands.All, stoppingToken);

    /// <summary>Brings Discord's command list in line with <paramref name="commands"/>; returns how many scopes were overwritten.</summary>
    public async Task<int> RegisterAsync(IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        DiscordOptions settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Token))
        {
            logger.LogWarning("Slash commands are not registered: set Discord:Token (environment or user secrets)");
            return 0;
        }

        string[] scopes = settings.GuildIds.Count == 0 ? ["global"] : [.. settings.GuildIds];
        int overwritten = 0;
        foreach (string scope in scopes)
        {
            RestResult<List<ApplicationCommand>> current = scope == "global"
                ? await rest.GetGlobalCommandsAsync(settings.ApplicationId, cancellationToken).ConfigureAwait(false)
                : await rest.GetGuildCommandsAsync(settings.ApplicationId, scope, cancellationToken).ConfigureAwait(false);
            if (current.IsSuccess && Same(current.Value ?? [], commands))
            {
                _outcome[scope] = "unchanged";
                logger.LogInformation("Slash commands ({Scope}) are up to date", scope);
                continue;
            }

            RestResult<List<ApplicationCommand>> result = scope == "global"
                ? await rest.BulkOverwriteGlobalCommandsAsync(settings.ApplicationId, commands, cancellationToken).ConfigureAwait(false)
                : await rest.BulkOverwriteGuildCommandsAsync(settings.ApplicationId, scope, commands, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                overwritten++;
                _outcome[scope] = "registered";
                logger.LogInformation("Registered {Count} slash commands ({Scope})", commands.Count, scope);
            }
            else
            {
                _outcome[scope] = "failed";
                logger.LogError("Registering slash commands ({Scope}) failed: {Status} {Code} {Message}", scope, (int)result.Status, result.Error?.Code, result.Error?.Message);
            }
        }

        return overwritten;
    }

    /// <summary>Equal when both lists, read into our definition shape and ordered by name, serialize alike.</summary>
    internal static bool Same(IReadOnlyList<ApplicationCommand> remote, IReadOnlyList<ApplicationCommand> local) =>
        Canonical(remote) == Canonical(local);

    private static string Canonical(IEnumerable<ApplicationCommand> commands) =>
        JsonSerializer.Serialize(commands.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray(), DiscordJson.Options);
}
