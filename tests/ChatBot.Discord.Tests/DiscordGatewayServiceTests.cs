using System.Text.Json;
using ChatBot.Core.Conversations;
using ChatBot.Discord.Api.Interactions;
using ChatBot.Discord.Api.Models;
using ChatBot.Discord.Api.Rest;
using ChatBot.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Discord.Tests;

/// <summary>Answering interactions over the gateway: at once when fast, deferred (type 5) and edited when slow.</summary>
public sealed class DiscordGatewayServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly HttpClient _http = new();
    private readonly TempDirectory _temp = new();
    private FakeDiscord _discord = null!;

    public async ValueTask InitializeAsync() => _discord = await FakeDiscord.StartAsync(_clock);

    private DiscordGatewayService CreateSut(IInteractionHandler handler)
    {
        DiscordOptions options = new() { Enabled = true, ApplicationId = "123456789", Token = "t", ApiBaseUrl = _discord.ApiBaseUrl };
        DiscordRestClient rest = new(_http, new DiscordRestOptions(options.ApiBaseUrl, options.Token), _clock, NullLogger<DiscordRestClient>.Instance);
        FixedKnowledge knowledge = new(Repository.SeedSnapshot);
        return new DiscordGatewayService(rest, handler, new ChatBotEngine(knowledge, _clock, new EngineSettings(0)), Options.Create(options), _clock, NullLoggerFactory.Instance, new Lifetime(), _temp.Path);
    }

    private DiscordRestClient CreateRest() => new(_http, new DiscordRestOptions(_discord.ApiBaseUrl, "t"), _clock, NullLogger<DiscordRestClient>.Instance);

    private static Interaction Valuation() => new()
    {
        Id = "70000000001",
        ApplicationId = "123456789",
        Type = InteractionType.ApplicationCommand,
        Token = "interaction-token-0123456789abcdef",
        Locale = "en-US",
        User = new User { Id = "42" },
        Data = new InteractionData { Name = "valuation", Type = 1, Options = [new InteractionOption { Name = "company", Type = 3, Value = JsonSerializer.SerializeToElement("OpenAI") }] },
    };

    [Fact]
    public async Task FastAnswer_IsSentAsTheInitialResponse()
    {
        FixedKnowledge knowledge = new(Repository.SeedSnapshot);
        DiscordInteractionHandler handler = new(new ChatBotEngine(knowledge, _clock, new EngineSettings(0)), knowledge, Options.Create(new DiscordOptions()), NullLogger<DiscordInteractionHandler>.Instance);

        await CreateSut(handler).AnswerInteractionAsync(Valuation(), TestContext.Current.CancellationToken);

        RecordedRequest callback = Assert.Single(_discord.Requests);
        Assert.Equal("/interactions/70000000001/interaction-token-0123456789abcdef/callback", callback.Path);
        Assert.Equal(4, JsonDocument.Parse(callback.Body).RootElement.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task SlowAnswer_IsDeferredFirst_ThenTheOriginalIsEdited()
    {
        Slow handler = new();
        Task answering = CreateSut(handler).AnswerInteractionAsync(Valuation(), TestContext.Current.CancellationToken);

        while (_discord.Requests.Count == 0)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        handler.Answer.SetResult(new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData { Content = "late", AllowedMentions = AllowedMentions.None, Flags = MessageFlags.Ephemeral }));
        await answering;

        RecordedRequest defer = _discord.Requests[0];
        RecordedRequest edit = _discord.Requests[1];
        Assert.Equal(5, JsonDocument.Parse(defer.Body).RootElement.GetProperty("type").GetInt32());
        Assert.True(defer.At - Start >= DiscordGatewayService.DeferAfter, $"deferred after {(defer.At - Start).TotalSeconds} s");
        Assert.Equal(("PATCH", "/webhooks/123456789/interaction-token-0123456789abcdef/messages/@original"), (edit.Method, edit.Path));
        using JsonDocument body = JsonDocument.Parse(edit.Body);
        Assert.Equal("late", body.RootElement.GetProperty("content").GetString());
        Assert.False(body.RootElement.TryGetProperty("flags", out _), "a deferred answer's ephemerality was decided at deferral");
    }

    [Fact]
    public async Task HttpMode_SlowAnswer_IsDeferredInTheResponse_ThenTheOriginalIsEdited()
    {
        Slow handler = new();
        DeferringInteractionHandler sut = new(handler, CreateRest(), Options.Create(new DiscordOptions { ApplicationId = "123456789" }), _clock, NullLogger<DeferringInteractionHandler>.Instance);
        Task<InteractionResponse> responding = sut.HandleAsync(Valuation(), TestContext.Current.CancellationToken);

        while (!responding.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        InteractionResponse deferred = await responding;
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, deferred.Type);
        Assert.True(_clock.GetUtcNow() - Start >= DiscordGatewayService.DeferAfter, "deferred only after the grace period");
        Assert.Empty(_discord.Requests);
        handler.Answer.SetResult(new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData { Content = "late", AllowedMentions = AllowedMentions.None }));
        for (int i = 0; i < 200 && _discord.Requests.Count == 0; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        RecordedRequest edit = Assert.Single(_discord.Requests);
        Assert.Equal(("PATCH", "/webhooks/123456789/interaction-token-0123456789abcdef/messages/@original"), (edit.Method, edit.Path));
        Assert.Equal("late", JsonDocument.Parse(edit.Body).RootElement.GetProperty("content").GetString());
    }

    [Fact]
    public async Task SpentIdentifyBudget_WaitsForItsReset_BeforeConnecting()
    {
        await using FakeGateway gateway = await FakeGateway.StartAsync();
        _discord.Script("/gateway/bot", 200, $$$"""{"url": "{{{gateway.Url.ToString().TrimEnd('/')}}}", "shards": 1, "session_start_limit": {"total": 1000, "remaining": 0, "reset_after": 60000, "max_concurrency": 1}}""");
        DiscordGatewayService sut = CreateSut(new Slow());
        using CancellationTokenSource stop = new();

        await sut.StartAsync(stop.Token);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        int before = gateway.Connections;
        for (int i = 0; i < 200 && gateway.Connections == 0; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        await gateway.WaitForAsync(2);
        await stop.CancelAsync();
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal(0, before);
        Assert.True(_clock.GetUtcNow() - Start >= TimeSpan.FromSeconds(60), "identified only after the budget's reset");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _discord.DisposeAsync();
        _temp.Dispose();
    }

    private sealed class Slow : IInteractionHandler
    {
        public TaskCompletionSource<InteractionResponse> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken) => Answer.Task;
    }


    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
