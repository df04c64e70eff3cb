using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatBot.Discord.Api.Gateway;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Discord.Api.Tests.Gateway;

/// <summary>The gateway client against a real WebSocket server on loopback; heartbeats and waits run on the fake clock.</summary>
public sealed class GatewayClientTests : IAsyncLifetime
{
    private const int Interval = 45000;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<GatewayDispatch> _dispatches = new();
    private readonly CancellationTokenSource _stop = new();
    private FakeGateway _gateway = null!;
    private GatewayClient _sut = null!;
    private Task<GatewayStop> _run = null!;

    public async ValueTask InitializeAsync()
    {
        _gateway = await FakeGateway.StartAsync(Interval);
        _sut = new GatewayClient(
            new GatewayOptions("bot-token", 4609),
            _ => Task.FromResult(_gateway.Url),
            (dispatch, _) =>
            {
                _dispatches.Enqueue(dispatch);
                return Task.CompletedTask;
            },
            _clock,
            NullLogger.Instance);
        _run = _sut.RunAsync(_stop.Token);
    }

    private async Task ReadyAsync()
    {
        await _gateway.WaitForAsync(2);
        for (int i = 0; i < 500 && _sut.State != GatewayState.Ready; i++)
        {
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }

        Assert.Equal(GatewayState.Ready, _sut.State);
    }

    /// <summary>Moves the fake clock in steps until the condition holds: robust to when the client registers its timers.</summary>
    private async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step)
    {
        for (int i = 0; i < 2000 && !condition(); i++)
        {
            _clock.Advance(step);
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "the expected frame never came");
    }

    [Fact]
    public async Task Connect_Identifies_WithTokenIntentsAndProperties_ThenIsReady()
    {
        GatewayFrame identify = await _gateway.WaitForAsync(2);
        await ReadyAsync();

        Assert.Equal("bot-token", identify.Data!["token"]!.GetValue<string>());
        Assert.Equal(4609, identify.Data["intents"]!.GetValue<int>());
        Assert.Equal("chatbot", identify.Data["properties"]!["browser"]!.GetValue<string>());
        Assert.Equal("session-1", _sut.SessionId);
        Assert.Contains(_dispatches, d => d.Name == "READY");
    }

    [Fact]
    public async Task Heartbeat_WithinTheInterval_CarriesTheLastSequence()
    {
        await ReadyAsync();

        await AdvanceUntilAsync(() => _gateway.Frames.Any(f => f.Op == 1), TimeSpan.FromMilliseconds(Interval / 4));
        GatewayFrame heartbeat = await _gateway.WaitForAsync(1);

        Assert.Equal(1, heartbeat.Data!.GetValue<int>());
    }

    [Fact]
    public async Task Dispatches_ReachTheHandler()
    {
        await ReadyAsync();

        await _gateway.DispatchAsync("INTERACTION_CREATE", new JsonObject { ["id"] = "42", ["type"] = 2, ["token"] = "t" });
        for (int i = 0; i < 500 && !_dispatches.Any(d => d.Name == "INTERACTION_CREATE"); i++)
        {
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }

        Assert.Equal("42", _dispatches.Single(d => d.Name == "INTERACTION_CREATE").Data.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesOnTheResumeUrl_WithSessionAndSequence()
    {
        await ReadyAsync();

        await _gateway.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });
        GatewayFrame resume = await _gateway.WaitForAsync(6);

        Assert.Equal("/resume", resume.Path);
        Assert.Equal("session-1", resume.Data!["session_id"]!.GetValue<string>());
        Assert.Equal(1, resume.Data["seq"]!.GetValue<int>());
        Assert.Single(_gateway.Frames, f => f.Op == 2);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAgain_AfterAWait()
    {
        await ReadyAsync();

        await _gateway.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Single(_gateway.Frames, f => f.Op == 2);
        DateTimeOffset invalidated = _clock.GetUtcNow();
        await AdvanceUntilAsync(() => _gateway.Frames.Count(f => f.Op == 2) == 2, TimeSpan.FromMilliseconds(500));
        GatewayFrame second = await _gateway.WaitForAsync(2, count: 2);

        Assert.True(_clock.GetUtcNow() - invalidated >= TimeSpan.FromSeconds(1), "waited at least a second before identifying again");

        Assert.Equal("/", second.Path);
        Assert.DoesNotContain(_gateway.Frames, f => f.Op == 6);
    }

    [Fact]
    public async Task MissedHeartbeatAck_IsAZombie_ReconnectsAndResumes()
    {
        await ReadyAsync();
        _gateway.AckHeartbeats = false;

        await AdvanceUntilAsync(() => _gateway.Frames.Any(f => f.Op == 6), TimeSpan.FromMilliseconds(Interval / 4));
        GatewayFrame resume = await _gateway.WaitForAsync(6);

        Assert.Equal("session-1", resume.Data!["session_id"]!.GetValue<string>());
        Assert.Contains(_gateway.Frames, f => f.Op == -1 && f.Data!.GetValue<int>() == 4000);
    }

    [Fact]
    public async Task FatalCloseCode_StopsForGood_WithoutReconnecting()
    {
        await ReadyAsync();

        await _gateway.CloseAsync(4004, "Authentication failed.");
        GatewayStop stop = await _run.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(GatewayStop.Fatal, stop);
        Assert.Equal(4004, _sut.LastCloseCode);
        Assert.Equal(1, _gateway.Connections);
    }

    [Fact]
    public async Task ResumableCloseCode_Resumes()
    {
        await ReadyAsync();

        await _gateway.CloseAsync(4000, "Unknown error");
        GatewayFrame resume = await _gateway.WaitForAsync(6);

        Assert.Equal("session-1", resume.Data!["session_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stop_ClosesWith1000()
    {
        await ReadyAsync();

        await _stop.CancelAsync();
        GatewayStop stop = await _run.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        GatewayFrame closed = await _gateway.WaitForAsync(-1);

        Assert.Equal(GatewayStop.Requested, stop);
        Assert.Equal(1000, closed.Data!.GetValue<int>());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // Reported by the test that left it running.
        }

        _sut.Dispose();
        _stop.Dispose();
        await _gateway.DisposeAsync();
    }
}
