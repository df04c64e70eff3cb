using System.Net;
using System.Text.Json;
using ChatBot.Discord.Api.Models;
using ChatBot.Discord.Api.Rest;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Discord.Api.Tests.Rest;

/// <summary>The REST client against the fake Discord on loopback; rate-limit timing runs on the fake clock.</summary>
public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private FakeDiscord _discord = null!;
    private DiscordRestClient _sut = null!;

    public async ValueTask InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync(_clock);
        _sut = new DiscordRestClient(_http, new DiscordRestOptions(_discord.ApiBaseUrl, "test-token"), _clock, NullLogger<DiscordRestClient>.Instance);
    }

    /// <summary>Lets fake time pass until the task completes: delays in the client end as the clock moves.</summary>
    private async Task<T> DriveAsync<T>(Task<T> task, TimeSpan? step = null)
    {
        for (int i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
            if (!task.IsCompleted)
            {
                _clock.Advance(step ?? TimeSpan.FromMilliseconds(250));
            }
        }

        return await task;
    }

    [Fact]
    public async Task Request_CarriesTheBotTokenAndTheUserAgentDiscordRequires()
    {
        RestResult<GatewayBot> result = await _sut.GetGatewayBotAsync(TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        Assert.Equal(1, result.Value!.Shards);
        Assert.Equal(1000, result.Value.SessionStartLimit.Total);
        RecordedRequest request = Assert.Single(_discord.Requests);
        Assert.Equal("/gateway/bot", request.Path);
        Assert.Equal("Bot test-token", request.Authorization);
        Assert.Matches(@"^DiscordBot \(https?://\S+, [0-9][^)]*\)$", request.UserAgent);
    }

    [Fact]
    public async Task RouteBuckets_OneExhausted_TheOtherStillServed_AndNothingSentIntoTheEmptyBucket()
    {
        _discord.Limit("POST /channels/11111/messages", new FakeRateLimit("messages", 1, TimeSpan.FromSeconds(10)));
        _discord.Limit("GET /applications", new FakeRateLimit("commands", 5, TimeSpan.FromSeconds(10)));
        await _sut.CreateMessageAsync("11111", new InteractionCallbackData { Content = "one" }, TestContext.Current.CancellationToken);

        Task<RestResult<JsonElement>> second = _sut.CreateMessageAsync("11111", new InteractionCallbackData { Content = "two" }, TestContext.Current.CancellationToken);
        RestResult<List<ApplicationCommand>> other = await _sut.GetGlobalCommandsAsync("22222", TestContext.Current.CancellationToken);
        DateTimeOffset otherServedAt = _clock.GetUtcNow();
        RestResult<JsonElement> secondResult = await DriveAsync(second);

        Assert.True(other.IsSuccess);
        Assert.True(secondResult.IsSuccess);
        RecordedRequest[] messages = [.. _discord.Requests.Where(r => r.Path == "/channels/11111/messages")];
        Assert.Equal(2, messages.Length);
        Assert.True(messages[1].At - messages[0].At >= TimeSpan.FromSeconds(10), "the second message waited for the bucket's reset");
        Assert.Equal(messages[0].At, otherServedAt);
        Assert.DoesNotContain(_discord.Requests, r => r.Path == "/channels/11111/messages" && r.At > messages[0].At && r.At < messages[0].At.AddSeconds(10));
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedOnlyAfterRetryAfter()
    {
        _discord.Script("/channels/33333/messages", 429, """{"message": "You are being rate limited.", "retry_after": 2.5, "global": false}""");

        RestResult<JsonElement> result = await DriveAsync(_sut.CreateMessageAsync("33333", new InteractionCallbackData { Content = "hi" }, TestContext.Current.CancellationToken), TimeSpan.FromMilliseconds(100));

        Assert.True(result.IsSuccess);
        RecordedRequest[] sent = [.. _discord.Requests];
        Assert.Equal(2, sent.Length);
        Assert.True(sent[1].At - sent[0].At >= TimeSpan.FromSeconds(2.5), $"retried after {(sent[1].At - sent[0].At).TotalSeconds} s");
    }

    [Fact]
    public async Task GlobalRateLimit_PausesEveryRoute()
    {
        // No retries, so the first call returns once the client has learned the global pause.
        DiscordRestClient sut = new(_http, new DiscordRestOptions(_discord.ApiBaseUrl, "test-token") { RateLimitRetries = 0 }, _clock, NullLogger<DiscordRestClient>.Instance);
        _discord.Script("/channels/44444/messages", 429, """{"message": "You are being rate limited.", "retry_after": 3, "global": true}""", new() { ["X-RateLimit-Global"] = "true" });

        RestResult<JsonElement> limited = await sut.CreateMessageAsync("44444", new InteractionCallbackData { Content = "hi" }, TestContext.Current.CancellationToken);
        RestResult<GatewayBot> other = await DriveAsync(sut.GetGatewayBotAsync(TestContext.Current.CancellationToken), TimeSpan.FromMilliseconds(100));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.True(other.IsSuccess);
        RecordedRequest first = _discord.Requests[0];
        RecordedRequest gateway = _discord.Requests.Single(r => r.Path == "/gateway/bot");
        Assert.True(gateway.At - first.At >= TimeSpan.FromSeconds(3), "another route waited for the global reset too");
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithBackoff_ThenSucceed()
    {
        _discord.Script("/gateway/bot", 502, "<html>Bad Gateway</html>");
        _discord.Script("/gateway/bot", 503, """{"message": "unavailable", "code": 0}""");

        RestResult<GatewayBot> result = await DriveAsync(_sut.GetGatewayBotAsync(TestContext.Current.CancellationToken));

        Assert.True(result.IsSuccess);
        RecordedRequest[] sent = [.. _discord.Requests];
        Assert.Equal(3, sent.Length);
        Assert.True(sent[1].At - sent[0].At >= TimeSpan.FromSeconds(1));
        Assert.True(sent[2].At - sent[1].At >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ClientErrors_AreValues_NotRetried()
    {
        _discord.Script("/channels/55555/messages", 400, """{"message": "Invalid Form Body", "code": 50035}""");

        RestResult<JsonElement> result = await _sut.CreateMessageAsync("55555", new InteractionCallbackData(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(new DiscordError(50035, "Invalid Form Body"), result.Error);
        Assert.Single(_discord.Requests);
    }

    [Fact]
    public async Task Unauthorized_StopsEveryFurtherRequest()
    {
        _discord.Script("/gateway/bot", 401, """{"message": "401: Unauthorized", "code": 0}""");

        RestResult<GatewayBot> first = await _sut.GetGatewayBotAsync(TestContext.Current.CancellationToken);
        RestResult<GatewayBot> second = await _sut.GetGatewayBotAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, first.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, second.Status);
        Assert.Single(_discord.Requests);
    }

    [Fact]
    public async Task BulkOverwrite_SendsTheCommandsAsDiscordExpectsThem()
    {
        RestResult<List<ApplicationCommand>> result = await _sut.BulkOverwriteGuildCommandsAsync("66666", "77777", [new ApplicationCommand { Name = "valuation", Description = "Latest valuation", DefaultMemberPermissions = "32" }], TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        RecordedRequest request = Assert.Single(_discord.Requests);
        Assert.Equal(("PUT", "/applications/66666/guilds/77777/commands"), (request.Method, request.Path));
        using JsonDocument body = JsonDocument.Parse(request.Body);
        JsonElement command = body.RootElement[0];
        Assert.Equal("valuation", command.GetProperty("name").GetString());
        Assert.Equal("32", command.GetProperty("default_member_permissions").GetString());
        Assert.Equal(1, command.GetProperty("type").GetInt32());
    }

    [Theory]
    [InlineData("POST", "/channels/123456789/messages", "POST /channels/123456789/messages", "the channel is the major parameter")]
    [InlineData("PATCH", "/channels/123456789/messages/987654321", "PATCH /channels/123456789/messages/:id", "other ids are generic")]
    [InlineData("PUT", "/applications/123456789/guilds/987654321/commands", "PUT /applications/:id/guilds/:id/commands", "applications are not major")]
    [InlineData("POST", "/interactions/123456789/aW50ZXJhY3Rpb246MTIzNDU2Nzg5OmFiY2RlZg/callback", "POST /interactions/:id/:token/callback", "interaction tokens are generic")]
    public void RouteKey_KeepsOnlyTheMajorParameter(string method, string path, string expected, string why) =>
        Assert.True(expected == RouteKey.For(new HttpMethod(method), path), why);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _discord.DisposeAsync();
    }
}
