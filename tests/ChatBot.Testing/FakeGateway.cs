using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing;

/// <summary>A payload the fake gateway received, with the number of the connection it came on (1, 2, …).</summary>
public sealed record GatewayFrame(int Connection, int Op, JsonNode? Data, string Path);

/// <summary>
/// An in-process fake of Discord's gateway: a real WebSocket server on Kestrel (loopback) that speaks the v10
/// payloads as discord-api-docs shows them: Hello, READY with <c>resume_gateway_url</c>, RESUMED, heartbeat ACKs.
/// Tests send any other payload or close code through it.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int _heartbeatMs;
    private readonly List<GatewayFrame> _frames = [];
    private readonly SemaphoreSlim _changed = new(0);
    private WebSocket? _current;
    private int _connections;
    private int _sequence;

    private FakeGateway(WebApplication app, int heartbeatMs)
    {
        _app = app;
        _heartbeatMs = heartbeatMs;
    }

    /// <summary>The URL to connect to (as <c>GET /gateway/bot</c> would return it).</summary>
    public Uri Url => new(_app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal) + "/");

    /// <summary>Whether heartbeats get an ACK (op 11); turn off to make a zombie connection.</summary>
    public bool AckHeartbeats { get; set; } = true;

    public int Connections => _connections;

    public IReadOnlyList<GatewayFrame> Frames
    {
        get
        {
            lock (_frames)
            {
                return [.. _frames];
            }
        }
    }

    public static async Task<FakeGateway> StartAsync(int heartbeatIntervalMs = 45000)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        FakeGateway fake = new(app, heartbeatIntervalMs);
        app.UseWebSockets();
        app.Run(fake.AcceptAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>Waits (in real time, briefly) until <paramref name="count"/> frames with this op have arrived.</summary>
    public async Task<GatewayFrame> WaitForAsync(int op, int count = 1)
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(10));
        while (true)
        {
            GatewayFrame[] matching = [.. Frames.Where(f => f.Op == op)];
            if (matching.Length >= count)
            {
                return matching[count - 1];
            }

            await _changed.WaitAsync(timeout.Token);
        }
    }

    /// <summary>Sends a payload on the current connection.</summary>
    public Task SendAsync(JsonObject payload) => Send(_current!, payload);

    /// <summary>Sends a dispatch (op 0) with the next sequence number.</summary>
    public Task DispatchAsync(string name, JsonNode data) =>
        SendAsync(new JsonObject { ["op"] = 0, ["t"] = name, ["s"] = Interlocked.Increment(ref _sequence), ["d"] = data });

    /// <summary>Closes the current connection with a close code.</summary>
    public Task CloseAsync(int code, string reason = "") =>
        _current!.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || context.Request.Query["v"] != "10" || context.Request.Query["encoding"] != "json")
        {
            context.Response.StatusCode = 400;
            return;
        }

        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
        int number = Interlocked.Increment(ref _connections);
        _current = socket;
        await Send(socket, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = _heartbeatMs } });
        byte[] buffer = new byte[8192];
        while (socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            int length = 0;
            try
            {
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
            }
            catch (WebSocketException)
            {
                break;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                lock (_frames)
                {
                    _frames.Add(new GatewayFrame(number, -1, JsonValue.Create((int?)socket.CloseStatus ?? 0), context.Request.Path));
                }

                _changed.Release();
                break;
            }

            JsonNode payload = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!;
            int op = payload["op"]!.GetValue<int>();
            lock (_frames)
            {
                _frames.Add(new GatewayFrame(number, op, payload["d"]?.DeepClone(), context.Request.Path));
            }

            _changed.Release();
            switch (op)
            {
                case 1 when AckHeartbeats:
                    await Send(socket, new JsonObject { ["op"] = 11 });
                    break;
                case 2:
                    await DispatchAsync("READY", new JsonObject
                    {
                        ["v"] = 10,
                        ["user"] = new JsonObject { ["id"] = "999999999", ["username"] = "ChatBot", ["bot"] = true },
                        ["guilds"] = new JsonArray(),
                        ["session_id"] = $"session-{number}",
                        ["resume_gateway_url"] = Url.ToString().TrimEnd('/') + "/resume",
                        ["application"] = new JsonObject { ["id"] = "123456789", ["flags"] = 0 },
                    });
                    break;
                case 6:
                    await DispatchAsync("RESUMED", new JsonObject());
                    break;
            }
        }
    }

    private static async Task Send(WebSocket socket, JsonObject payload)
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _changed.Dispose();
    }
}
