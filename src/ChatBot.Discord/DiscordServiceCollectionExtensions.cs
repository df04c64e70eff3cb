using ChatBot.Discord;
using ChatBot.Discord.Api.Interactions;
using ChatBot.Discord.Api.Rest;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The Discord adapter's recipe: validated options, the interaction handler, the endpoint.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>Adds <see cref="DiscordOptions"/> (bound from <c>Discord</c>, validated on start) and the interaction handler.</summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DiscordInteractionHandler>();
        services.AddHttpClient(nameof(DiscordRestClient)).RemoveAllLoggers();
        services.AddSingleton(sp =>
        {
            DiscordOptions discord = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return new DiscordRestClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(DiscordRestClient)),
                new DiscordRestOptions(discord.ApiBaseUrl, discord.Token),
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<DiscordRestClient>>());
        });
        services.AddSingleton<CommandRegistration>();
        // The HTTP endpoint defers slow answers itself; the gateway service defers on its own.
        if (configuration.GetValue($"{DiscordOptions.Section}:Mode", DiscordMode.Gateway) == DiscordMode.Http)
        {
            services.AddSingleton(sp => new DeferringInteractionHandler(
                sp.GetRequiredService<DiscordInteractionHandler>(),
                sp.GetRequiredService<DiscordRestClient>(),
                sp.GetRequiredService<IOptions<DiscordOptions>>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<DeferringInteractionHandler>>()));
            services.AddSingleton<IInteractionHandler>(sp => sp.GetRequiredService<DeferringInteractionHandler>());
        }
        else
        {
            services.AddSingleton<IInteractionHandler>(sp => sp.GetRequiredService<DiscordInteractionHandler>());
        }
        return services;
    }

    /// <summary>Runs the adapter's start-up work (slash command registration) when Discord is enabled.</summary>
    public static IServiceCollection AddDiscordHostedServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetValue<bool>($"{DiscordOptions.Section}:Enabled"))
        {
            services.AddHostedService(sp => sp.GetRequiredService<CommandRegistration>());
            services.AddSingleton<ChatBot.Core.Conversations.IChannelMessenger, DiscordChannelMessenger>();
            if (configuration.GetValue($"{DiscordOptions.Section}:Mode", DiscordMode.Gateway) == DiscordMode.Gateway)
            {
                services.AddSingleton(sp => new DiscordGatewayService(
                    sp.GetRequiredService<DiscordRestClient>(),
                    sp.GetRequiredService<IInteractionHandler>(),
                    sp.GetRequiredService<ChatBot.Core.Conversations.IChatBotEngine>(),
                    sp.GetRequiredService<IOptions<DiscordOptions>>(),
                    sp.GetService<TimeProvider>() ?? TimeProvider.System,
                    sp.GetRequiredService<ILoggerFactory>(),
                    sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(),
                    LockDirectory(configuration)));
                services.AddHostedService(sp => sp.GetRequiredService<DiscordGatewayService>());
            }
        }

        return services;
    }

    /// <summary>Shard locks live beside the database (<c>Knowledge:Database</c>), in the bot's data folder.</summary>
    private static string LockDirectory(IConfiguration configuration) =>
        Path.GetDirectoryName(Path.GetFullPath(configuration["Knowledge:Database"] ?? "data/chatbot.db")) ?? Path.GetTempPath();

    /// <summary>Maps the HTTP interactions endpoint when Discord is enabled in Http mode; says so when Discord is off.</summary>
    public static IEndpointRouteBuilder MapDiscordAdapter(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        DiscordOptions options = endpoints.ServiceProvider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        ILogger logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ChatBot.Discord");
        if (!options.Enabled)
        {
            logger.LogInformation("Discord is off (Discord:Enabled is false)");
            return endpoints;
        }

        if (options.Mode == DiscordMode.Http)
        {
            endpoints.MapDiscordInteractions(options.InteractionsPath, new InteractionsEndpointOptions(options.PublicKey, options.SignatureTolerance));
            logger.LogInformation("Discord interactions endpoint at {Path}", options.InteractionsPath);
        }
        else
        {
            logger.LogInformation("Discord gateway mode: connecting to the gateway");
        }

        return endpoints;
    }
}
