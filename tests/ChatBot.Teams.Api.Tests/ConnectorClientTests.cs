using System.Text.Json;
using ChatBot.Teams.Api.Activities;
using ChatBot.Teams.Api.Connector;
using ChatBot.Testing.Teams;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Teams.Api.Tests;

/// <summary>The connector client against the fake channel's connector and token endpoint, over HTTPS.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private FakeBotFrameworkChannel _channel = null!;
    private HttpClient _http = null!;
    private BotTokenClient _tokens = null!;
    private readonly TrustedServiceUrls _trusted = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _channel = await FakeBotFrameworkChannel.StartAsync();
        _http = new HttpClient(_channel.CreateTrustingHandler());
        _tokens = new BotTokenClient(_http, new BotCredentials(_channel.AppId, _channel.AppPassword, BotCredentials.TokenEndpointOf(_channel.LoginUrl, _channel.TenantId), FakeBotFrameworkChannel.BotFrameworkScope), TimeProvider.System, NullLogger<BotTokenClient>.Instance);
        _trusted.Trust(_channel.ServiceUrl);
    }

    public async ValueTask DisposeAsync()
    {
        _tokens.Dispose();
        _http.Dispose();
        await _channel.DisposeAsync();
    }

    private ConnectorClient Client(ConnectorOptions? options = null) =>
        new(_http, _tokens, _trusted, TimeProvider.System, NullLogger<ConnectorClient>.Instance, options ?? new ConnectorOptions { FirstBackoff = TimeSpan.FromMilliseconds(20) });

    private static Activity Reply(string text) => new() { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount { Id = "28:bot" }, Conversation = new ConversationAccount { Id = "c" } };

    [Fact]
    public async Task Reply_GoesToTheEscapedConversationAndActivity_WithTheBotToken()
    {
        ConnectorResult result = await Client().ReplyToActivityAsync(_channel.ServiceUrl, "19:abc@thread.skype;messageid=1", "1481567603816", Reply("hello"), Ct);

        ConnectorRequest request = Assert.Single(_channel.Replies);
        Assert.True(result.Succeeded);
        Assert.False(string.IsNullOrEmpty(result.Id));
        Assert.Equal("19:abc@thread.skype;messageid=1", request.ConversationId);
        Assert.Equal("1481567603816", request.ReplyToId);
        Assert.Equal("hello", (string?)request.Activity["text"]);
        Assert.Null(request.Activity["id"]);
    }

    [Fact]
    public async Task Token_IsRequestedOnce_ForManyReplies()
    {
        ConnectorClient client = Client();
        for (int i = 0; i < 5; i++)
        {
            Assert.True((await client.SendToConversationAsync(_channel.ServiceUrl, "c" + i, Reply("x"), Ct)).Succeeded);
        }

        Assert.Equal(1, _channel.TokenRequests);
        Assert.Equal(5, _channel.ReplyCount);
    }

    [Theory]
    [InlineData(412, true, "precondition failed: concurrent operations, retried")]
    [InlineData(429, true, "throttled, retried")]
    [InlineData(502, true, "bad gateway, retried")]
    [InlineData(503, true, "unavailable, retried")]
    [InlineData(504, true, "gateway timeout, retried")]
    [InlineData(400, false, "bad argument: never retried")]
    [InlineData(403, false, "bot not in the conversation: never retried")]
    [InlineData(404, false, "conversation not found: never retried")]
    [InlineData(413, false, "too big: never retried")]
    [InlineData(500, false, "service error: not in the retry list")]
    public async Task OnlyDocumentedTransientStatuses_AreRetried_AndAReplyIsNeverPostedTwice(int status, bool retried, string why)
    {
        _channel.FailNext(status, retryAfter: status == 429 ? TimeSpan.Zero : null);

        ConnectorResult result = await Client().ReplyToActivityAsync(_channel.ServiceUrl, "c", "a", Reply("once"), Ct);

        Assert.True(result.Succeeded == retried, why);
        Assert.Equal(1, _channel.FailedRequests);
        Assert.Equal(retried ? 1 : 0, _channel.ReplyCount);
    }

    [Fact]
    public async Task RetryAfter_IsHonoured()
    {
        _channel.FailNext(429, retryAfter: TimeSpan.FromSeconds(1));
        DateTimeOffset start = TimeProvider.System.GetUtcNow();

        ConnectorResult result = await Client().ReplyToActivityAsync(_channel.ServiceUrl, "c", "a", Reply("later"), Ct);

        ConnectorRequest request = Assert.Single(_channel.Replies);
        Assert.True(result.Succeeded);
        Assert.True(TimeProvider.System.GetUtcNow() - start >= TimeSpan.FromSeconds(0.95), "not before Retry-After");
    }

    [Fact]
    public async Task PersistentThrottling_GivesUpAfterTheRetries()
    {
        _channel.FailNext(503, count: 10);

        ConnectorResult result = await Client(new ConnectorOptions(MaxRetries: 2) { FirstBackoff = TimeSpan.FromMilliseconds(10) }).SendToConversationAsync(_channel.ServiceUrl, "c", Reply("x"), Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(503, result.Status);
        Assert.Equal(3, _channel.FailedRequests);
    }

    [Fact]
    public async Task UntrustedServiceUrl_IsRefused_WithoutSendingTheToken()
    {
        ConnectorResult result = await Client().SendToConversationAsync(_channel.BaseUrl + "elsewhere/", "c", Reply("x"), Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Status);
        Assert.Equal(0, _channel.TokenRequests);
        Assert.Empty(_channel.Replies);
    }

    [Fact]
    public async Task OversizedActivity_IsRefused_NotSent()
    {
        Activity huge = Reply(new string('x', ConnectorOptions.TeamsPostBytes));

        ConnectorResult result = await Client().SendToConversationAsync(_channel.ServiceUrl, "c", huge, Ct);

        Assert.False(result.Succeeded);
        Assert.Empty(_channel.Replies);
    }

    [Fact]
    public async Task WrongSecret_IsAnErrorValue_NotAnException()
    {
        using BotTokenClient wrong = new(_http, new BotCredentials(_channel.AppId, "not-the-secret", BotCredentials.TokenEndpointOf(_channel.LoginUrl, _channel.TenantId), FakeBotFrameworkChannel.BotFrameworkScope), TimeProvider.System, NullLogger<BotTokenClient>.Instance);

        TokenResult token = await wrong.GetTokenAsync(Ct);

        Assert.False(token.Succeeded);
        Assert.Contains("invalid_client", token.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", token.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/botframework.com", "tenant-1", "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token", "single-tenant: the tenant replaces botframework.com")]
    [InlineData("https://login.microsoftonline.com/botframework.com", null, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", "multi-tenant: the botframework.com authority")]
    [InlineData("https://login.microsoftonline.com/botframework.com/", "", "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", "a trailing slash and no tenant")]
    [InlineData("https://login.example.com/custom", "tenant-1", "https://login.example.com/custom/oauth2/v2.0/token", "a custom authority is kept as configured")]
    public void TokenEndpoint_FollowsTheAppType(string loginUrl, string? tenant, string expected, string why)
    {
        Assert.True(BotCredentials.TokenEndpointOf(loginUrl, tenant).ToString() == expected, why);
    }

    [Fact]
    public void Credentials_NeverPrintThePassword()
    {
        BotCredentials credentials = new("app", "s3cr3t-value", new Uri("https://login.example.com/t/oauth2/v2.0/token"), "scope");

        Assert.DoesNotContain("s3cr3t-value", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", JsonSerializer.Serialize(credentials.ToString()), StringComparison.Ordinal);
    }
}
