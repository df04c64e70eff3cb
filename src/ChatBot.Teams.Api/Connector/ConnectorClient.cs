using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatBot.Teams.Api.Activities;
using Microsoft.Extensions.Logging;

namespace ChatBot.Teams.Api.Connector;

/// <summary>What happened to an activity sent to the connector.</summary>
/// <param name="Succeeded">Whether the connector accepted it.</param>
/// <param name="Status">The final HTTP status (0 when no request was made).</param>
/// <param name="Id">The posted activity's id.</param>
/// <param name="Error">Why it failed.</param>
public sealed record ConnectorResult(bool Succeeded, int Status, string? Id, string? Error)
{
    internal static ConnectorResult Refused(string error) => new(false, 0, null, error);
}

/// <summary>Settings of the connector client.</summary>
/// <param name="MaxRetries">How often a retryable status is retried. The default value is 3.</param>
/// <param name="MaxActivityBytes">The largest activity sent, in UTF-8 bytes of JSON. The default value is 28 KB, Teams' post size.</param>
public sealed record ConnectorOptions(int MaxRetries = 3, int MaxActivityBytes = ConnectorOptions.TeamsPostBytes)
{
    /// <summary>About 28 KB: Teams' documented size of one post.</summary>
    public const int TeamsPostBytes = 28 * 1024;

    /// <summary>The first backoff when a retryable status has no Retry-After.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest backoff or Retry-After honoured.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(20);
}

/// <summary>
/// The Bot Connector REST API (bot → channel): reply to an activity or send to a conversation, with the bot token
/// from <see cref="BotTokenClient"/>. Only the statuses the connector documents as transient are retried (412, 429,
/// 502, 503, 504), honouring <c>Retry-After</c>, else backing off; a timeout or any other failure is never retried,
/// since the activity may have been posted. Sends are paced per conversation and go only to trusted service URLs.
/// </summary>
public sealed class ConnectorClient
{
    private readonly HttpClient _http;
    private readonly BotTokenClient _tokens;
    private readonly TrustedServiceUrls _trusted;
    private readonly ConversationPacer _pacer;
    private Bearer? _bearer;
    private readonly TimeProvider _time;
    private readonly ConnectorOptions _options;
    private readonly ILogger _logger;

    public ConnectorClient(HttpClient http, BotTokenClient tokens, TrustedServiceUrls trusted, TimeProvider time, ILogger<ConnectorClient> logger, ConnectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(trusted);
        _http = http;
        _tokens = tokens;
        _trusted = trusted;
        _time = time;
        _logger = logger;
        _options = options ?? new ConnectorOptions();
        _pacer = new ConversationPacer(time);
    }

    public ConnectorOptions Options => _options;

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>.</summary>
    public Task<ConnectorResult> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return ReplyToActivityAsync(serviceUrl, conversationId, replyToId, BotFrameworkJson.Write(activity), cancellationToken);
    }

    /// <summary>The same, with the activity already serialized (UTF-8 JSON), for callers that cache most of it.</summary>
    public Task<ConnectorResult> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, ReadOnlyMemory<byte> activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        return PostAsync(serviceUrl, conversationId, replyToId, activity, cancellationToken);
    }

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities</c>.</summary>
    public Task<ConnectorResult> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return PostAsync(serviceUrl, conversationId, null, BotFrameworkJson.Write(activity), cancellationToken);
    }

    /// <summary>
    /// How long a send to the conversation would wait now for Teams' per-conversation limits (zero when it may go at
    /// once), so a caller with other conversations to serve can do that first.
    /// </summary>
    public TimeSpan SendDelay(string conversationId) => _pacer.Peek(conversationId);

    /// <summary>The size of an activity as it would be sent, in UTF-8 bytes.</summary>
    public static int SizeOf(Activity activity) => BotFrameworkJson.Write(activity).Length;

    private async Task<ConnectorResult> PostAsync(string serviceUrl, string conversationId, string? replyToId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        if (!_trusted.IsTrusted(serviceUrl))
        {
            _logger.LogWarning("Not sending to {ServiceUrl}: it did not come in on an authenticated activity", serviceUrl);
            return ConnectorResult.Refused("the service URL is not trusted");
        }

        if (body.Length > _options.MaxActivityBytes)
        {
            return ConnectorResult.Refused($"the activity is {body.Length} bytes, over the {_options.MaxActivityBytes}-byte limit");
        }

        Uri url = new(serviceUrl.TrimEnd('/') + "/v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities"
            + (replyToId is null ? string.Empty : "/" + Uri.EscapeDataString(replyToId)));
        bool tokenRenewed = false;
        for (int attempt = 0; ; attempt++)
        {
            TimeSpan wait = _pacer.Reserve(conversationId);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            TokenResult token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            if (!token.Succeeded)
            {
                return ConnectorResult.Refused("no bot token: " + token.Error);
            }

            using HttpRequestMessage request = new(HttpMethod.Post, url);
            request.Headers.TryAddWithoutValidation("Authorization", BearerHeader(token.Token!));
            request.Content = new ReadOnlyMemoryContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The activity may have been posted: never send it again.
                _logger.LogWarning("Sending to conversation {Conversation} failed: {Message}", conversationId, ex.Message);
                return new ConnectorResult(false, 0, null, ex.Message);
            }

            using (response)
            {
                int status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    ResourceResponse? resource = await ReadResourceAsync(response, cancellationToken).ConfigureAwait(false);
                    return new ConnectorResult(true, status, resource?.Id, null);
                }

                string? operation = response.Headers.TryGetValues("X-Correlating-OperationId", out IEnumerable<string>? ids) ? ids.FirstOrDefault() : null;
                if (response.StatusCode == HttpStatusCode.Unauthorized && !tokenRenewed)
                {
                    // A token the connector no longer accepts: nothing was posted, so one retry with a new token is safe.
                    tokenRenewed = true;
                    _tokens.Invalidate();
                    attempt--;
                    continue;
                }

                if (!IsRetryable(response.StatusCode) || attempt >= _options.MaxRetries)
                {
                    _logger.LogWarning("The connector answered {Status} for conversation {Conversation} (operation {Operation})", status, conversationId, operation);
                    return new ConnectorResult(false, status, null, $"the connector answered {status}");
                }

                TimeSpan delay = RetryDelay(response, attempt);
                _logger.LogInformation("The connector answered {Status}; retrying in {Delay} (operation {Operation})", status, delay, operation);
                _pacer.HoldUntil(conversationId, _time.GetUtcNow() + delay);
            }
        }
    }

    /// <summary>The <c>Authorization</c> value for the token, made once per token rather than once per post.</summary>
    private string BearerHeader(string token)
    {
        Bearer? cached = Volatile.Read(ref _bearer);
        if (cached is null || !string.Equals(cached.Token, token, StringComparison.Ordinal))
        {
            cached = new Bearer(token, "Bearer " + token);
            Volatile.Write(ref _bearer, cached);
        }

        return cached.Value;
    }

    private sealed record Bearer(string Token, string Value);

    /// <summary>The statuses the connector documents as transient.</summary>
    public static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        TimeSpan? retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _time.GetUtcNow(),
            _ => null,
        };
        if (retryAfter is { } given)
        {
            return given < TimeSpan.Zero ? TimeSpan.Zero : given > _options.MaxBackoff ? _options.MaxBackoff : given;
        }

        // Exponential backoff with ±20 % jitter.
        double seconds = Math.Min(_options.MaxBackoff.TotalSeconds, _options.FirstBackoff.TotalSeconds * Math.Pow(2, attempt));
        double jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromSeconds(seconds * jitter);
    }

    private static async Task<ResourceResponse?> ReadResourceAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, BotFrameworkJsonContext.Default.ResourceResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
