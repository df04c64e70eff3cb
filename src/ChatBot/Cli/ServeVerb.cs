using ChatBot.Core.Knowledge;
using ChatBot.Discord;
using ChatBot.Knowledge;
using ChatBot.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Cli;

/// <summary>
/// <c>chatbot serve</c>: the long-running bot. Kestrel listens on <c>Urls</c> for the adapters' endpoints and
/// <c>GET /healthz</c>; Ctrl-C or SIGTERM stops it cleanly.
/// </summary>
internal static class ServeVerb
{
    public static async Task<int> RunAsync(CommandLine line, KnowledgeOptions knowledge, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        // The slim builder: Kestrel and routing without the middleware a chat endpoint behind a TLS proxy does not use.
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [.. line.ConfigurationArgs],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        ChatBotApp.Configure(builder, line, error, time);
        builder.Services.AddDiscordHostedServices(builder.Configuration);
        builder.Services.AddKnowledgeWatcher();
        await using WebApplication app = builder.Build();
        ILogger logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ChatBot");
        if (!await ChatBotApp.StartKnowledgeAsync(app.Services, knowledge, error, logger).ConfigureAwait(false))
        {
            return ChatBotApp.NoKnowledge;
        }

        app.MapGet("/healthz", (IKnowledgeSnapshotSource source, IOptions<DiscordOptions> discord, IOptions<TeamsOptions> teams, IServiceProvider services) =>
            Results.Json(Health(source.Current, discord.Value, services.GetService<DiscordGatewayService>(), teams.Value)));
        try
        {
            app.MapDiscordAdapter();
            app.MapTeamsAdapter();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("chatbot: invalid configuration: " + string.Join("; ", ex.Failures)).ConfigureAwait(false);
            return ChatBotApp.UsageError;
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"chatbot: cannot listen on {string.Join(", ", app.Urls)}: {ex.Message}").ConfigureAwait(false);
            return ChatBotApp.UsageError;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The application stopped itself while starting (a shard another process runs); reported below.
        }

        logger.LogInformation("Listening on {Urls}", string.Join(", ", app.Urls));
        try
        {
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Stopping");
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (app.Services.GetService<DiscordGatewayService>()?.ShardConflict == true)
        {
            await error.WriteLineAsync("chatbot: another chatbot process already runs this Discord shard; not starting a second connection.").ConfigureAwait(false);
            return ChatBotApp.UsageError;
        }

        return ChatBotApp.Ok;
    }

    private static object Health(KnowledgeSnapshot snapshot, DiscordOptions discord, DiscordGatewayService? gateway, TeamsOptions teams) => new
    {
        status = "ok",
        knowledge = new { revision = snapshot.Revision.Number, rolledBack = snapshot.Revision.RolledBack, events = snapshot.EventCount, newest = snapshot.NewestEventDate?.ToString() },
        adapters = new
        {
            discord = !discord.Enabled ? "off" : discord.Mode == DiscordMode.Http ? "http" : "gateway",
            discordShards = gateway?.States.ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value.ToString().ToLowerInvariant()),
            teams = teams.Enabled ? "on" : "off",
        },
    };
}
