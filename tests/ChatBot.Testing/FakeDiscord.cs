using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing;

/// <summary>A request the fake Discord received, with the fake clock's time.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, DateTimeOffset At, string? Authorization, string? UserAgent);

/// <summary>A per-route rate limit the fake enforces: <paramref name="Limit"/> requests per <paramref name="Window"/>.</summary>
public sealed record FakeRateLimit(string Bucket, int Limit, TimeSpan Window);

/// <summary>
/// An in-process fake of Discord's REST API on Kestrel (loopback), speaking the wire format of discord-api-docs:
/// <c>/api/v10/…</c> routes, <c>X-RateLimit-*</c> headers, 429 bodies with <c>retry_after</c>. Time comes from the
/// test's clock, so rate limits are checked without sleeping.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, FakeRateLimit> _limits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Used, DateTimeOffset WindowStart)> _usage = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, int Status, string Body, Dictionary<string, string> Headers)> _scripted = new();
    private readonly ConcurrentDictionary<string, JsonArray> _commands = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _requests = [];

    private FakeDiscord(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    /// <summary>What <c>GET /gateway/bot</c> returns as the gateway URL (a <see cref="FakeGateway"/>'s).</summary>
    public Uri GatewayUrl { get; set; } = new("wss://gateway.discord.gg");

    /// <summary>Called for every request as it arrives (for load measurements).</summary>
    public Action<RecordedRequest>? OnRequest { get; set; }

    /// <summary>Whether requests are kept in <see cref="Requests"/>. The default value is <c>true</c>.</summary>
    public bool Record { get; set; } = true;

    /// <summary>The base URL to configure as <c>Discord:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl => _app.Urls.Single() + "/api";

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeDiscord> StartAsync(TimeProvider clock)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        FakeDiscord fake = new(app, clock);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>Limits a route prefix (e.g. <c>POST /channels/1/messages</c>) to a number of requests per window.</summary>
    public void Limit(string methodAndPathPrefix, FakeRateLimit limit) => _limits[methodAndPathPrefix] = limit;

    /// <summary>The next request whose path starts with <paramref name="pathPrefix"/> gets this response instead.</summary>
    public void Script(string pathPrefix, int status, string body, Dictionary<string, string>? headers = null) =>
        _scripted.Enqueue((pathPrefix, status, body, headers ?? []));

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        string path = request.Path.Value!.StartsWith("/api/v10", StringComparison.Ordinal) ? request.Path.Value["/api/v10".Length..] : request.Path.Value;
        string body;
        using (StreamReader reader = new(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        DateTimeOffset now = _clock.GetUtcNow();
        RecordedRequest recorded = new(request.Method, path, body, now, request.Headers.Authorization, request.Headers.UserAgent);
        if (Record)
        {
            lock (_requests)
            {
                _requests.Add(recorded);
            }
        }

        OnRequest?.Invoke(recorded);

        HttpResponse response = context.Response;
        if (!request.Path.Value.StartsWith("/api/v10/", StringComparison.Ordinal))
        {
            await Reply(response, 404, """{"message": "404: Not Found", "code": 0}""");
            return;
        }

        if (_scripted.TryPeek(out var script) && path.StartsWith(script.Path, StringComparison.Ordinal) && _scripted.TryDequeue(out script))
        {
            foreach ((string name, string value) in script.Headers)
            {
                response.Headers[name] = value;
            }

            await Reply(response, script.Status, script.Body);
            return;
        }

        string key = $"{request.Method} {path}";
        KeyValuePair<string, FakeRateLimit> limit = _limits.FirstOrDefault(l => key.StartsWith(l.Key, StringComparison.Ordinal));
        if (limit.Value is { } rule)
        {
            (int used, DateTimeOffset start) = _usage.GetValueOrDefault(rule.Bucket, (0, now));
            if (now - start >= rule.Window)
            {
                (used, start) = (0, now);
            }

            double resetAfter = (start + rule.Window - now).TotalSeconds;
            response.Headers["X-RateLimit-Bucket"] = rule.Bucket;
            response.Headers["X-RateLimit-Limit"] = rule.Limit.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.###", CultureInfo.InvariantCulture);
            if (used >= rule.Limit)
            {
                response.Headers["X-RateLimit-Remaining"] = "0";
                response.Headers["X-RateLimit-Scope"] = "user";
                await Reply(response, 429, string.Create(CultureInfo.InvariantCulture, $$"""{"message": "You are being rate limited.", "retry_after": {{resetAfter:0.###}}, "global": false}"""));
                return;
            }

            _usage[rule.Bucket] = (used + 1, start);
            response.Headers["X-RateLimit-Remaining"] = (rule.Limit - used - 1).ToString(CultureInfo.InvariantCulture);
        }

        await Route(request.Method, path, body, response);
    }

    private async Task Route(string method, string path, string body, HttpResponse response)
    {
        string[] s = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (method, s)
        {
            case ("GET", ["gateway", "bot"]):
                await Reply(response, 200, $$$"""{"url": "{{{GatewayUrl.ToString().TrimEnd('/')}}}", "shards": 1, "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1}}""");
                return;
            case ("GET", ["applications", _, "commands"] or ["applications", _, "guilds", _, "commands"]):
                await Reply(response, 200, _commands.GetValueOrDefault(path, []).ToJsonString());
                return;
            case ("PUT", ["applications", _, "commands"] or ["applications", _, "guilds", _, "commands"]):
                JsonArray commands = JsonNode.Parse(body)!.AsArray();
                foreach (JsonObject command in commands.OfType<JsonObject>())
                {
                    command["id"] = "1" + Math.Abs(command["name"]!.GetValue<string>().GetHashCode(StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture);
                    command["application_id"] = s[1];
                    command["version"] = "1";
                    command["type"] ??= 1;
                }

                _commands[path] = commands;
                await Reply(response, 200, commands.ToJsonString());
                return;
            case ("POST", ["interactions", _, _, "callback"]):
                response.StatusCode = 204;
                return;
            case ("PATCH", ["webhooks", _, _, "messages", "@original"]):
            case ("POST", ["channels", _, "messages"]):
                JsonObject message = JsonNode.Parse(body) as JsonObject ?? [];
                message["id"] = "1000000000000001";
                await Reply(response, 200, message.ToJsonString());
                return;
            default:
                await Reply(response, 404, """{"message": "Unknown route", "code": 0}""");
                return;
        }
    }

    private static async Task Reply(HttpResponse response, int status, string body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
