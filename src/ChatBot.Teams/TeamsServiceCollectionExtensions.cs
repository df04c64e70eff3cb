using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Teams;
using ChatBot.Teams.Api.Authentication;
using ChatBot.Teams.Api.Connector;
using ChatBot.Teams.Api.Hosting;
using ChatBot.Teams.Conversations;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The Teams adapter's recipe: validated options, the authenticator, the connector client, the handler, the endpoint.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> for OpenID metadata, the token endpoint and the connector.</summary>
    public const string HttpClientName = "ChatBot.Teams";

    /// <summary>
    /// Adds <see cref="TeamsOptions"/> (bound from <c>Teams</c>, validated on start) and the adapter's services; the
    /// reply sender runs as a hosted service when Teams is enabled. Conversation references are kept in memory
    /// unless an <see cref="IConversationReferenceStore"/> was registered before.
    /// </summary>
    public static IServiceCollection AddTeamsAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // No per-request logging scopes on the reply path; failures are logged by the clients themselves.
        services.AddHttpClient(HttpClientName).RemoveAllLoggers();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton(sp =>
        {
            TeamsOptions teams = sp.GetRequiredService<IOptions<TeamsOptions>>().Value;
            return new BotAuthenticator(
                new BotAuthenticationOptions(
                    teams.MicrosoftAppId,
                    teams.MicrosoftAppType == MicrosoftAppType.SingleTenant ? teams.MicrosoftAppTenantId : null,
                    new Uri(teams.ToBotFromChannelOpenIdMetadataUrl),
                    teams.ToBotFromChannelTokenIssuer,
                    new Uri(teams.ToBotFromEntraOpenIdMetadataUrl)),
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<BotAuthenticator>>());
        });
        services.AddSingleton(sp =>
        {
            TeamsOptions teams = sp.GetRequiredService<IOptions<TeamsOptions>>().Value;
            BotCredentials credentials = new(
                teams.MicrosoftAppId,
                teams.MicrosoftAppPassword,
                BotCredentials.TokenEndpointOf(teams.ToChannelFromBotLoginUrl, teams.MicrosoftAppType == MicrosoftAppType.SingleTenant ? teams.MicrosoftAppTenantId : null),
                teams.ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default");
            return new BotTokenClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                credentials,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<BotTokenClient>>());
        });
        services.AddSingleton(sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<BotTokenClient>(),
            sp.GetRequiredService<TrustedServiceUrls>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<ConnectorClient>>()));
        services.AddSingleton(sp =>
        {
            // Stored conversations' service URLs came in on authenticated activities: they stay trusted.
            IConversationReferenceStore? durable = sp.GetService<IConversationReferenceStore>();
            ConversationReferences references = new(durable, sp.GetRequiredService<ILogger<ConversationReferences>>());
            TrustedServiceUrls trusted = sp.GetRequiredService<TrustedServiceUrls>();
            foreach (ConversationReference reference in references.All())
            {
                trusted.Trust(reference.ServiceUrl);
            }

            return references;
        });
        services.AddSingleton(sp => new TeamsReplySender(
            sp.GetRequiredService<IChatBotEngine>(),
            sp.GetRequiredService<ConnectorClient>(),
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<TeamsReplySender>>()));
        services.AddSingleton(sp => new TeamsBot(
            sp.GetRequiredService<IChatBotEngine>(),
            sp.GetRequiredService<IKnowledgeSnapshotSource>(),
            sp.GetRequiredService<TeamsReplySender>(),
            sp.GetRequiredService<ConversationReferences>(),
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<TeamsBot>>()));
        services.AddSingleton<IActivityHandler>(sp => sp.GetRequiredService<TeamsBot>());
        if (configuration.GetValue<bool>($"{TeamsOptions.Section}:Enabled"))
        {
            services.AddHostedService(sp => sp.GetRequiredService<TeamsReplySender>());
            services.AddSingleton<IChannelMessenger>(sp => new TeamsChannelMessenger(
                sp.GetRequiredService<ConnectorClient>(),
                sp.GetRequiredService<ConversationReferences>(),
                sp.GetRequiredService<IOptions<TeamsOptions>>(),
                sp.GetRequiredService<ILogger<TeamsChannelMessenger>>()));
        }

        return services;
    }

    /// <summary>Maps the messaging endpoint when Teams is enabled; says so when Teams is off.</summary>
    public static IEndpointRouteBuilder MapTeamsAdapter(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        TeamsOptions options = endpoints.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        ILogger logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ChatBot.Teams");
        if (!options.Enabled)
        {
            logger.LogInformation("Teams is off (Teams:Enabled is false)");
            return endpoints;
        }

        endpoints.MapBotFramework(options.MessagesPath);
        logger.LogInformation("Teams messaging endpoint at {Path} ({AppType})", options.MessagesPath, options.MicrosoftAppType);
        return endpoints;
    }
}
