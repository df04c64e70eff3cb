using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Api.Gateway;

/// <summary>Settings of one gateway connection (one shard).</summary>
/// <param name="Token">The bot token; never logged.</param>
/// <param name="Intents">The intents bitset: 0 for slash commands only, 4609 for mentions and DMs.</param>
public sealed record GatewayOptions(string Token, int Intents)
{
    /// <summary>This connection's shard: <c>[id, count]</c>; null for an unsharded bot.</summary>
    public (int Id, int Count)? Shard { get; init; }

    public override string ToString() => $"GatewayOptions {{ Intents = {Intents}, Shard = {Shard}, Token = *** }}";
}

/// <summary>A dispatch (op 0): the event name and its data.</summary>
public sealed record GatewayDispatch(string Name, JsonElement Data);

/// <summary>Why the gateway client stopped.</summary>
public enum GatewayStop
{
    /// <summary>Asked to stop; the session was closed with 1000.</summary>
    Requested,

    /// <summary>Discord refused for good (4004, 4010–4014): reconnecting would not help.</summary>
    Fatal,
}

/// <summary>The connection's state, for health reporting.</summary>
public enum GatewayState
{
    Disconnected,
    Connecting,
    Ready,
    Resuming,
    Stopped,
}

/// <summary>
/// A Discord gateway v10 connection over <see cref="ClientWebSocket"/>: Hello, heartbeats with jitter, zombie
/// detection (no ACK between two heartbeats), Identify, READY, Resume on <c>resume_gateway_url</c>, op 7 Reconnect,
/// op 9 Invalid Session, the close codes (fatal ones stop for good, no reconnect storm), exponential backoff on
/// repeated failures so the daily Identify budget is never burnt, and the 120-per-60-seconds send limit. Time
/// comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class GatewayClient : IDisposable
{
    /// <summary>Gateway payloads we send may not exceed 4096 bytes.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>Events we may send per connection per minute (Discord allows 120; heartbeats need room).</summary>
    public const int SendBudgetPerMinute = 115;

    private readonly GatewayOptions _options;
    private readonly Func<CancellationToken, Task<Uri>> _gatewayUrl;
    private readonly Func<GatewayDispatch, CancellationToken, Task> _onDispatch;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    private string? _sessionId;
    private Uri? _resumeUrl;
    private int? _sequence;
    private int _failures;

    /// <param name="options">Token, intents, shard.</param>
    /// <param name="gatewayUrl">Where to connect for a new session (the cached url of <c>GET /gateway/bot</c>).</param>
    /// <param name="onDispatch">Called for every dispatch after READY handling (INTERACTION_CREATE, MESSAGE_CREATE…).</param>
    /// <param name="time">The clock for heartbeats, backoff and limits.</param>
    /// <param name="logger">Logs state changes; never the token.</param>
    public GatewayClient(GatewayOptions options, Func<CancellationToken, Task<Uri>> gatewayUrl, Func<GatewayDispatch, CancellationToken, Task> onDispatch, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gatewayUrl);
        ArgumentNullException.ThrowIfNull(onDispatch);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _gatewayUrl = gatewayUrl;
        _onDispatch = onDispatch;
        _time = time;
        _logger = logger;
    }

    public GatewayState State { get; private set; } = GatewayState.Disconnected;

    /// <summary>The session id from READY, while the session can be resumed.</summary>
    public string? SessionId => _sessionId;

    /// <summary>The last close code received, if any.</summary>
    public int? LastCloseCode { get; private set; }

    /// <summary>Runs connections until asked to stop or Discord refuses for good.</summary>
    public async Task<GatewayStop> RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            bool resume = _sessionId is not null && _resumeUrl is not null;
            Uri url;
            try
            {
                url = resume ? _resumeUrl! : await _gatewayUrl(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
            {
                _logger.LogWarning("Could not get the gateway URL: {Message}", ex.Message);
                await BackoffAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            State = resume ? GatewayState.Resuming : GatewayState.Connecting;
            Outcome outcome = await ConnectionAsync(WithQuery(url), resume, cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case Outcome.Stop:
                    State = GatewayState.Stopped;
                    return GatewayStop.Requested;
                case Outcome.Fatal:
                    State = GatewayState.Stopped;
                    return GatewayStop.Fatal;
                case Outcome.Identify:
                    ForgetSession();
                    break;
            }

            State = GatewayState.Disconnected;
            await BackoffAsync(cancellationToken).ConfigureAwait(false);
        }

        State = GatewayState.Stopped;
        return GatewayStop.Requested;
    }

    private enum Outcome
    {
        Resume,
        Identify,
        Stop,
        Fatal,
    }

    private async Task<Outcome> ConnectionAsync(Uri url, bool resume, CancellationToken cancellationToken)
    {
        using ClientWebSocket socket = new();
        using CancellationTokenSource connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException)
        {
            _logger.LogWarning("Gateway connection to {Host} failed: {Message}", url.Host, ex.Message);
            return resume ? Outcome.Resume : Outcome.Identify;
        }

        lock (_sent)
        {
            _sent.Clear();
        }

        _zombie = false;
        Task heartbeat = Task.CompletedTask;
        bool acknowledged = true;

        // Stopping sends a close frame (1000) on the open socket rather than aborting it, so Discord ends the session.
        using CancellationTokenRegistration onStop = cancellationToken.Register(() => _ = EndAsync(socket, connection, WebSocketCloseStatus.NormalClosure, "shutting down"));
        try
        {
            while (true)
            {
                (JsonElement? received, WebSocketCloseStatus? closed, string? closeReason) = await ReceiveAsync(socket, connection.Token).ConfigureAwait(false);
                if (closed is not null || received is not { } payload)
                {
                    return cancellationToken.IsCancellationRequested ? Outcome.Stop : _zombie ? Outcome.Resume : Closed(closed, closeReason);
                }

                int op = payload.TryGetProperty("op", out JsonElement opValue) && opValue.TryGetInt32(out int code) ? code : -1;
                JsonElement d = payload.TryGetProperty("d", out JsonElement dValue) ? dValue : default;
                switch (op)
                {
                    case 10:
                        double interval = d.ValueKind == JsonValueKind.Object && d.TryGetProperty("heartbeat_interval", out JsonElement hb) && hb.TryGetDouble(out double ms) ? ms : 41250;
                        heartbeat = HeartbeatAsync(socket, TimeSpan.FromMilliseconds(interval), () => acknowledged, v => acknowledged = v, connection);
                        await SendAsync(socket, resume ? Resume() : Identify(), important: true, connection.Token).ConfigureAwait(false);
                        break;
                    case 11:
                        acknowledged = true;
                        break;
                    case 1:
                        await SendAsync(socket, Heartbeat(), important: true, connection.Token).ConfigureAwait(false);
                        break;
                    case 7:
                        _logger.LogInformation("Gateway asked to reconnect (op 7); resuming");
                        await CloseAsync(socket, (WebSocketCloseStatus)4000, "reconnect").ConfigureAwait(false);
                        return Outcome.Resume;
                    case 9:
                        bool resumable = d.ValueKind == JsonValueKind.True;
                        _logger.LogWarning("Gateway session invalidated (op 9, resumable: {Resumable})", resumable);
                        await CloseAsync(socket, (WebSocketCloseStatus)4000, "invalid session").ConfigureAwait(false);
                        if (!resumable)
                        {
                            // Discord's advice: wait a random 1–5 seconds before identifying again.
                            await Task.Delay(TimeSpan.FromSeconds(1 + (Random.Shared.NextDouble() * 4)), _time, cancellationToken).ConfigureAwait(false);
                            return Outcome.Identify;
                        }

                        return Outcome.Resume;
                    case 0:
                        await DispatchAsync(payload, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return Outcome.Stop;
            }

            if (_zombie)
            {
                _logger.LogWarning("No heartbeat ACK since the last heartbeat: zombie connection, reconnecting to resume");
                return Outcome.Resume;
            }

            _logger.LogWarning("Gateway connection lost: {Message}; resuming", ex.Message);
            return Outcome.Resume;
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            try
            {
                await heartbeat.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // The heartbeat ends with its connection.
            }
        }
    }

    /// <summary>Sends a close frame, then aborts the connection if the other side has not closed it within 5 seconds.</summary>
    private async Task EndAsync(ClientWebSocket socket, CancellationTokenSource connection, WebSocketCloseStatus status, string reason)
    {
        await CloseAsync(socket, status, reason).ConfigureAwait(false);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), _time, connection.Token).ConfigureAwait(false);
            await connection.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended first.
        }
    }

    private Outcome Closed(WebSocketCloseStatus? status, string? reason)
    {
        int code = (int?)status ?? 1006;
        LastCloseCode = code;
        switch (code)
        {
            case 4004 or (>= 4010 and <= 4014):
                _logger.LogError("Gateway closed with {Code} ({Reason}): {Meaning}. Not reconnecting.", code, reason, Meaning(code));
                return Outcome.Fatal;
            case 4003 or 4005 or 4007 or 4009 or 1000 or 1001:
                _logger.LogWarning("Gateway closed with {Code} ({Reason}); starting a new session", code, reason);
                return Outcome.Identify;
            default:
                _logger.LogWarning("Gateway closed with {Code} ({Reason}); resuming", code, reason);
                return Outcome.Resume;
        }
    }

    private static string Meaning(int code) => code switch
    {
        4004 => "authentication failed: the bot token is wrong",
        4010 => "invalid shard",
        4011 => "sharding required: set Discord:ShardCount",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: enable the privileged intent in the Developer Portal or remove it from Discord:Intents",
        _ => "refused",
    };

    private async Task DispatchAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (payload.TryGetProperty("s", out JsonElement s) && s.TryGetInt32(out int sequence))
        {
            _sequence = sequence;
        }

        string name = payload.TryGetProperty("t", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
        JsonElement data = payload.TryGetProperty("d", out JsonElement d) ? d : default;
        if (name == "READY")
        {
            _sessionId = data.GetProperty("session_id").GetString();
            _resumeUrl = data.TryGetProperty("resume_gateway_url", out JsonElement resume) && Uri.TryCreate(resume.GetString(), UriKind.Absolute, out Uri? url) ? url : null;
            _failures = 0;
            State = GatewayState.Ready;
            _logger.LogInformation("Gateway ready (shard {Shard})", _options.Shard?.Id ?? 0);
        }
        else if (name == "RESUMED")
        {
            _failures = 0;
            State = GatewayState.Ready;
            _logger.LogInformation("Gateway session resumed");
        }

        try
        {
            await _onDispatch(new GatewayDispatch(name, data), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One failing handler never takes the connection down.
            _logger.LogError(ex, "Handling {Event} failed", name);
        }
    }

    private async Task HeartbeatAsync(ClientWebSocket socket, TimeSpan interval, Func<bool> acknowledged, Action<bool> setAcknowledged, CancellationTokenSource connection)
    {
        // The first heartbeat waits a random part of the interval, so reconnecting bots don't beat in step.
        await Task.Delay(interval * Random.Shared.NextDouble(), _time, connection.Token).ConfigureAwait(false);
        while (!connection.IsCancellationRequested)
        {
            if (!acknowledged())
            {
                // A zombie: close with 4000 (not 1000/1001) so the session can be resumed.
                _zombie = true;
                await EndAsync(socket, connection, (WebSocketCloseStatus)4000, "zombie").ConfigureAwait(false);
                return;
            }

            setAcknowledged(false);
            await SendAsync(socket, Heartbeat(), important: true, connection.Token).ConfigureAwait(false);
            await Task.Delay(interval, _time, connection.Token).ConfigureAwait(false);
        }
    }

    private volatile bool _zombie;

    /// <summary>One whole message, parsed once into a self-contained element.</summary>
    private async Task<(JsonElement? Payload, WebSocketCloseStatus? Closed, string? Reason)> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        ArrayBufferWriter<byte> buffer = new(4096);
        while (true)
        {
            ValueWebSocketReceiveResult result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (null, socket.CloseStatus ?? (WebSocketCloseStatus)1006, socket.CloseStatusDescription);
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                try
                {
                    Utf8JsonReader reader = new(buffer.WrittenSpan);
                    JsonElement parsed = JsonElement.ParseValue(ref reader);
                    if (parsed.ValueKind != JsonValueKind.Object)
                    {
                        throw new JsonException("not an object");
                    }

                    return (parsed, null, null);
                }
                catch (JsonException)
                {
                    _logger.LogWarning("Ignoring a gateway message that is not JSON");
                    buffer.Clear();
                }
            }
        }
    }

    private async Task SendAsync(ClientWebSocket socket, JsonObject payload, bool important, CancellationToken cancellationToken)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        if (bytes.Length > MaxPayloadBytes)
        {
            _logger.LogError("Not sending a {Bytes}-byte gateway payload (op {Op}): the limit is {Limit}", bytes.Length, payload["op"], MaxPayloadBytes);
            return;
        }

        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TimeSpan wait = SendSlot(important);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                SendSlot(important: true);
            }

            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Heartbeats, Identify and Resume always go; other events keep within the per-minute budget.</summary>
    private TimeSpan SendSlot(bool important)
    {
        lock (_sent)
        {
            DateTimeOffset now = _time.GetUtcNow();
            while (_sent.Count > 0 && now - _sent.Peek() >= TimeSpan.FromMinutes(1))
            {
                _sent.Dequeue();
            }

            if (!important && _sent.Count >= SendBudgetPerMinute)
            {
                return _sent.Peek() + TimeSpan.FromMinutes(1) - now;
            }

            _sent.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    private JsonObject Identify()
    {
        JsonObject data = new()
        {
            ["token"] = _options.Token,
            ["intents"] = _options.Intents,
            ["properties"] = new JsonObject { ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), ["browser"] = "chatbot", ["device"] = "chatbot" },
        };
        if (_options.Shard is { } shard)
        {
            data["shard"] = new JsonArray(shard.Id, shard.Count);
        }

        _logger.LogInformation("Identifying (intents {Intents})", _options.Intents);
        return new JsonObject { ["op"] = 2, ["d"] = data };
    }

    private JsonObject Resume() => new()
    {
        ["op"] = 6,
        ["d"] = new JsonObject { ["token"] = _options.Token, ["session_id"] = _sessionId, ["seq"] = _sequence },
    };

    private JsonObject Heartbeat() => new() { ["op"] = 1, ["d"] = _sequence };

    private void ForgetSession()
    {
        _sessionId = null;
        _resumeUrl = null;
        _sequence = null;
    }

    /// <summary>Exponential backoff on consecutive failures (1 s, 2 s, 4 s … capped at 1024 s).</summary>
    private async Task BackoffAsync(CancellationToken cancellationToken)
    {
        TimeSpan delay = _failures == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Pow(2, Math.Min(_failures - 1, 10)));
        _failures++;
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket, WebSocketCloseStatus status, string reason)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The connection is going away either way.
            }
        }
    }

    private static Uri WithQuery(Uri url)
    {
        UriBuilder builder = new(url) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    public void Dispose() => _sendGate.Dispose();
}
