using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Testing;
using ChatBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Teams.Tests;

/// <summary>
/// The bot with its Teams adapter on Kestrel (loopback), configured against a <see cref="FakeBotFrameworkChannel"/>:
/// its metadata, keys, token endpoint and connector, over HTTPS trusting only the fake's test CA.
/// </summary>
internal sealed class TeamsBotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TeamsBotHost(WebApplication app, FakeBotFrameworkChannel channel)
    {
        _app = app;
        Channel = channel;
        Endpoint = new Uri(app.Urls.Single() + "/api/messages");
    }

    public FakeBotFrameworkChannel Channel { get; }

    public Uri Endpoint { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TeamsBotHost> StartAsync(FakeBotFrameworkChannel channel, KnowledgeSnapshot? snapshot = null, TimeProvider? time = null, Dictionary<string, string?>? settings = null, Func<IChatBotEngine, IChatBotEngine>? decorate = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        Dictionary<string, string?> config = new()
        {
            ["Teams:Enabled"] = "true",
            ["Teams:MicrosoftAppId"] = channel.AppId,
            ["Teams:MicrosoftAppPassword"] = channel.AppPassword,
            ["Teams:MicrosoftAppType"] = "SingleTenant",
            ["Teams:MicrosoftAppTenantId"] = channel.TenantId,
            ["Teams:ToBotFromChannelOpenIdMetadataUrl"] = channel.OpenIdMetadataUrl,
            ["Teams:ToBotFromEntraOpenIdMetadataUrl"] = channel.EntraOpenIdMetadataUrl,
            ["Teams:ToChannelFromBotLoginUrl"] = channel.LoginUrl,
        };
        foreach (KeyValuePair<string, string?> setting in settings ?? [])
        {
            config[setting.Key] = setting.Value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton<IKnowledgeSnapshotSource>(new FixedKnowledge(snapshot ?? Repository.SeedSnapshot));
        builder.Services.AddSingleton(new EngineSettings(0));
        builder.Services.AddSingleton<ChatBotEngine>();
        builder.Services.AddSingleton(sp => (decorate ?? (e => e))(sp.GetRequiredService<ChatBotEngine>()));
        builder.Services.AddTeamsAdapter(builder.Configuration);
        builder.Services.AddHttpClient(TeamsServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(channel.CreateTrustingHandler);
        WebApplication app = builder.Build();
        app.MapTeamsAdapter();
        await app.StartAsync();
        return new TeamsBotHost(app, channel);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
