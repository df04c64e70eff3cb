using System.Text.Json;
using ChatBot.Teams.Api.Activities;
using Microsoft.Extensions.Logging;

namespace ChatBot.Teams.Api.Connector;

/// <summary>The bot's credentials for the client-credentials grant.</summary>
/// <param name="AppId">The Microsoft App ID (<c>client_id</c>).</param>
/// <param name="Password">The client secret; never logged.</param>
/// <param name="TokenEndpoint">The authority's token endpoint, e.g. <c>https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token</c>.</param>
/// <param name="Scope">The scope, <c>https://api.botframework.com/.default</c>.</param>
public sealed record BotCredentials(string AppId, string Password, Uri TokenEndpoint, string Scope)
{
    /// <summary>The token endpoint of a login URL (<c>https://login.microsoftonline.com/botframework.com</c>) for a tenant.</summary>
    /// <param name="loginUrl">The authority, ending in the multi-tenant <c>botframework.com</c> or a tenant id.</param>
    /// <param name="tenantId">For single-tenant bots, the tenant replacing <c>botframework.com</c>.</param>
    public static Uri TokenEndpointOf(string loginUrl, string? tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(loginUrl);
        string authority = loginUrl.TrimEnd('/');
        if (!string.IsNullOrWhiteSpace(tenantId) && authority.EndsWith("/botframework.com", StringComparison.OrdinalIgnoreCase))
        {
            authority = authority[..^"botframework.com".Length] + tenantId;
        }

        return new Uri(authority + "/oauth2/v2.0/token");
    }

    public override string ToString() => $"BotCredentials {{ AppId = {AppId}, TokenEndpoint = {TokenEndpoint}, Scope = {Scope} }}";
}

/// <summary>A bot token, or why none could be had.</summary>
public readonly record struct TokenResult(string? Token, string? Error)
{
    public bool Succeeded => Token is not null;
}

/// <summary>
/// Gets the bot's outbound token with the OAuth 2.0 client-credentials grant and keeps it until shortly before it
/// expires; concurrent callers share one request.
/// </summary>
public sealed class BotTokenClient : IDisposable
{
    /// <summary>A token is renewed this long before it expires.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly HttpClient _http;
    private readonly BotCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public BotTokenClient(HttpClient http, BotCredentials credentials, TimeProvider time, ILogger<BotTokenClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credentials);
        _http = http;
        _credentials = credentials;
        _time = time;
        _logger = logger;
    }

    /// <summary>The cached token, or a new one.</summary>
    public async ValueTask<TokenResult> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current && current.RenewAt > _time.GetUtcNow())
        {
            return new TokenResult(current.Token, null);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } fresh && fresh.RenewAt > _time.GetUtcNow())
            {
                return new TokenResult(fresh.Token, null);
            }

            return await RequestAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Forgets the cached token (after the connector refused it).</summary>
    public void Invalidate() => _current = null;

    private async Task<TokenResult> RequestAsync(CancellationToken cancellationToken)
    {
        using FormUrlEncodedContent form = new(
        [
            new("grant_type", "client_credentials"),
            new("client_id", _credentials.AppId),
            new("client_secret", _credentials.Password),
            new("scope", _credentials.Scope),
        ]);
        try
        {
            using HttpResponseMessage response = await _http.PostAsync(_credentials.TokenEndpoint, form, cancellationToken).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                string error = $"the token endpoint answered {(int)response.StatusCode}: {Describe(body)}";
                _logger.LogError("Cannot get a bot token from {Endpoint}: {Error}", _credentials.TokenEndpoint, error);
                return new TokenResult(null, error);
            }

            TokenResponse? token = JsonSerializer.Deserialize(body, BotFrameworkJsonContext.Default.TokenResponse);
            if (string.IsNullOrEmpty(token?.AccessToken) || token.ExpiresIn <= 0)
            {
                return new TokenResult(null, "the token endpoint's answer has no access_token or expires_in");
            }

            TimeSpan lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
            TimeSpan keep = lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2;
            _current = (token.AccessToken, _time.GetUtcNow() + keep);
            return new TokenResult(token.AccessToken, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogError("Cannot get a bot token from {Endpoint}: {Message}", _credentials.TokenEndpoint, ex.Message);
            return new TokenResult(null, ex.Message);
        }
    }

    /// <summary>The error code and description of an OAuth error body, without anything else it may echo.</summary>
    private static string Describe(string body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            string code = root.TryGetProperty("error", out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "error";
            string description = root.TryGetProperty("error_description", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty;
            int firstLine = description.IndexOfAny(['\r', '\n']);
            return firstLine >= 0 ? $"{code}: {description[..firstLine]}" : $"{code}: {description}";
        }
        catch (JsonException)
        {
            return "(not JSON)";
        }
    }
}
