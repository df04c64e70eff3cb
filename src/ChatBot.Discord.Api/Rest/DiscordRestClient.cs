using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using ChatBot.Discord.Api.Models;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Api.Rest;

/// <summary>Settings of the REST client.</summary>
/// <param name="ApiBaseUrl">The API base, without version: <c>https://discord.com/api</c>.</param>
/// <param name="Token">The bot token (from the environment or user secrets); never logged.</param>
public sealed record DiscordRestOptions(string ApiBaseUrl, string Token)
{
    /// <summary>How many times a 5xx or a network failure is retried, with exponential backoff.</summary>
    public int ServerErrorRetries { get; init; } = 3;

    /// <summary>How many 429s one request may meet before it gives up.</summary>
    public int RateLimitRetries { get; init; } = 5;

    public override string ToString() => $"DiscordRestOptions {{ ApiBaseUrl = {ApiBaseUrl}, Token = *** }}";
}

/// <summary>GET /gateway/bot.</summary>
public sealed record GatewayBot(string Url, int Shards, SessionStartLimit SessionStartLimit);

public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);

/// <summary>
/// The Discord REST API (v10) over <see cref="HttpClient"/>: the bot token, the User-Agent Discord requires,
/// per-route and global rate limits, 429s honoured with <c>retry_after</c>, 5xx retried with backoff. After a
/// 401 the token is invalid and no further request is sent. API errors are values, never exceptions.
/// </summary>
public sealed class DiscordRestClient
{
    /// <summary>The User-Agent Discord requires: <c>DiscordBot ($url, $version)</c>.</summary>
    public static readonly string UserAgent =
        $"DiscordBot (https://github.com/chatbot-ai-finance/chatbot, {typeof(DiscordRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0"})";

    private readonly HttpClient _http;
    private readonly DiscordRestOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RateLimiter _limits;
    private volatile bool _unauthorized;

    public DiscordRestClient(HttpClient http, DiscordRestOptions options, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _limits = new RateLimiter(time);
    }

    public Task<RestResult<GatewayBot>> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync<GatewayBot>(HttpMethod.Get, "/gateway/bot", null, cancellationToken);

    public Task<RestResult<List<ApplicationCommand>>> GetGlobalCommandsAsync(string applicationId, CancellationToken cancellationToken = default) =>
        SendAsync<List<ApplicationCommand>>(HttpMethod.Get, $"/applications/{applicationId}/commands", null, cancellationToken);

    public Task<RestResult<List<ApplicationCommand>>> GetGuildCommandsAsync(string applicationId, string guildId, CancellationToken cancellationToken = default) =>
        SendAsync<List<ApplicationCommand>>(HttpMethod.Get, $"/applications/{applicationId}/guilds/{guildId}/commands", null, cancellationToken);

    /// <summary>Replaces all global commands (<c>PUT /applications/{id}/commands</c>).</summary>
    public Task<RestResult<List<ApplicationCommand>>> BulkOverwriteGlobalCommandsAsync(string applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync<List<ApplicationCommand>>(HttpMethod.Put, $"/applications/{applicationId}/commands", commands, cancellationToken);

    /// <summary>Replaces a guild's commands; guild commands update instantly.</summary>
    public Task<RestResult<List<ApplicationCommand>>> BulkOverwriteGuildCommandsAsync(string applicationId, string guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync<List<ApplicationCommand>>(HttpMethod.Put, $"/applications/{applicationId}/guilds/{guildId}/commands", commands, cancellationToken);

    /// <summary>The initial response to an interaction (not bound to the global limit).</summary>
    public Task<RestResult<JsonElement>> CreateInteractionResponseAsync(string interactionId, string token, InteractionResponse response, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"/interactions/{interactionId}/{token}/callback", response, cancellationToken);

    /// <summary>Edits the original response, after a deferral.</summary>
    public Task<RestResult<JsonElement>> EditOriginalResponseAsync(string applicationId, string token, InteractionCallbackData data, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Patch, $"/webhooks/{applicationId}/{token}/messages/@original", data, cancellationToken);

    /// <summary>Posts a message in a channel.</summary>
    public Task<RestResult<JsonElement>> CreateMessageAsync(string channelId, InteractionCallbackData message, CancellationToken cancellationToken = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"/channels/{channelId}/messages", message, cancellationToken);

    /// <summary>Sends one request through the rate limiter, retrying 429s and server errors as Discord asks.</summary>
    public async Task<RestResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        if (_unauthorized)
        {
            return new RestResult<T>(HttpStatusCode.Unauthorized, default, new DiscordError(0, "The bot token was refused earlier; no further requests are sent."));
        }

        string routeKey = RouteKey.For(method, path);
        string major = RouteKey.Major(path);
        RateLimiter.Bucket bucket = _limits.BucketFor(routeKey, major);
        bool exempt = RouteKey.IsInteraction(path);
        int rateLimited = 0;
        int serverErrors = 0;
        await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                await _limits.WaitAsync(bucket, exempt, cancellationToken).ConfigureAwait(false);
                using HttpRequestMessage request = Request(method, path, body);
                HttpResponseMessage response;
                try
                {
                    response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex) when (serverErrors < _options.ServerErrorRetries)
                {
                    _logger.LogWarning("Discord {Route} failed ({Message}); retrying", routeKey, ex.Message);
                    await Task.Delay(Backoff(serverErrors++), _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                using (response)
                {
                    string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    (double? retryAfter, bool global) = response.StatusCode == HttpStatusCode.TooManyRequests ? RateLimitBody(text) : (null, false);
                    TimeSpan? retry = _limits.Update(routeKey, major, bucket, response, retryAfter, global);
                    if (retry is not null && rateLimited++ < _options.RateLimitRetries)
                    {
                        _logger.LogWarning("Discord rate limit on {Route}{Global}; retrying in {Seconds:0.###} s", routeKey, global ? " (global)" : string.Empty, retry.Value.TotalSeconds);
                        continue;
                    }

                    if ((int)response.StatusCode >= 500 && serverErrors < _options.ServerErrorRetries)
                    {
                        await Task.Delay(Backoff(serverErrors++), _time, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    if (response.StatusCode == HttpStatusCode.Unauthorized)
                    {
                        _unauthorized = true;
                        _logger.LogError("Discord refused the bot token (401); check Discord:Token. No further requests are sent.");
                    }

                    return Result<T>(response.StatusCode, text);
                }
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        HttpRequestMessage request = new(method, $"{_options.ApiBaseUrl.TrimEnd('/')}/v10{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), new MediaTypeHeaderValue("application/json"), DiscordJson.Options);
        }

        return request;
    }

    private static RestResult<T> Result<T>(HttpStatusCode status, string text)
    {
        if ((int)status is >= 200 and < 300)
        {
            T? value = text.Length == 0 ? default : JsonSerializer.Deserialize<T>(text, DiscordJson.Options);
            return new RestResult<T>(status, value);
        }

        DiscordError error = new(0, status.ToString());
        try
        {
            using JsonDocument json = JsonDocument.Parse(text);
            error = new DiscordError(
                json.RootElement.TryGetProperty("code", out JsonElement code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : 0,
                json.RootElement.TryGetProperty("message", out JsonElement message) ? message.GetString() ?? error.Message : error.Message);
        }
        catch (JsonException)
        {
            // Not a Discord error body (a proxy's page): the status says enough.
        }

        return new RestResult<T>(status, default, error);
    }

    private static (double? RetryAfter, bool Global) RateLimitBody(string text)
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(text);
            double? retry = json.RootElement.TryGetProperty("retry_after", out JsonElement r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : null;
            bool global = json.RootElement.TryGetProperty("global", out JsonElement g) && g.ValueKind == JsonValueKind.True;
            return (retry, global);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, attempt));
}
