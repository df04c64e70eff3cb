using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Teams.Api.Authentication;

/// <summary>A signing key from a JWKS with the channels it is endorsed for (the Bot Framework's extra <c>endorsements</c> member).</summary>
public sealed record SigningKey(string KeyId, SecurityKey Key, ImmutableArray<string> Endorsements);

/// <summary>
/// The signing keys of one OpenID metadata document: fetched over HTTPS (metadata → <c>jwks_uri</c> → keys), kept
/// for <see cref="RefreshInterval"/>, and refreshed early when a token names a key we don't have, at most once per
/// <see cref="MinimumRefreshInterval"/> so a flood of forged key ids cannot make us hammer the metadata endpoint.
/// </summary>
public sealed class SigningKeys : IDisposable
{
    /// <summary>How long keys are kept: the Bot Framework asks for a refresh at least every 24 hours.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);

    /// <summary>The shortest time between two refreshes caused by unknown key ids.</summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http;
    private readonly Uri _metadataUrl;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile KeySet? _keys;
    private DateTimeOffset _lastEarlyRefresh = DateTimeOffset.MinValue;

    public SigningKeys(HttpClient http, Uri metadataUrl, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(metadataUrl);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        if (metadataUrl.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("OpenID metadata must be fetched over HTTPS.", nameof(metadataUrl));
        }

        _http = http;
        _metadataUrl = metadataUrl;
        _time = time;
        _logger = logger;
    }

    public Uri MetadataUrl => _metadataUrl;

    /// <summary>The key with this id, fetching or refreshing the keys when needed; null when no such key exists.</summary>
    public async ValueTask<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        KeySet? keys = _keys;
        DateTimeOffset now = _time.GetUtcNow();
        if (keys is null || now - keys.FetchedAt >= RefreshInterval)
        {
            keys = await RefreshAsync(keys, force: keys is null, cancellationToken).ConfigureAwait(false) ?? keys;
        }

        if (keys?.ById.GetValueOrDefault(keyId) is { } key)
        {
            return key;
        }

        // An unknown key id: the channel may have rotated its keys. Refresh, but not more than once a minute.
        keys = await RefreshAsync(keys, force: false, cancellationToken).ConfigureAwait(false) ?? keys;
        return keys?.ById.GetValueOrDefault(keyId);
    }

    private async ValueTask<KeySet?> RefreshAsync(KeySet? seen, bool force, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(_keys, seen))
            {
                return _keys; // another request refreshed meanwhile
            }

            DateTimeOffset now = _time.GetUtcNow();
            bool due = seen is null || now - seen.FetchedAt >= RefreshInterval;
            if (!force && !due)
            {
                // An early refresh for an unknown key id: at most one per minimum interval.
                if (now - _lastEarlyRefresh < MinimumRefreshInterval)
                {
                    return _keys;
                }

                _lastEarlyRefresh = now;
            }

            try
            {
                string metadataJson = await _http.GetStringAsync(_metadataUrl, cancellationToken).ConfigureAwait(false);
                OpenIdConnectConfiguration metadata = OpenIdConnectConfiguration.Create(metadataJson);
                if (!Uri.TryCreate(metadata.JwksUri, UriKind.Absolute, out Uri? jwksUri) || jwksUri.Scheme != Uri.UriSchemeHttps)
                {
                    _logger.LogWarning("OpenID metadata at {Url} has no HTTPS jwks_uri", _metadataUrl);
                    return _keys;
                }

                string jwks = await _http.GetStringAsync(jwksUri, cancellationToken).ConfigureAwait(false);
                KeySet fresh = new(Parse(jwks), now);
                _keys = fresh;
                _logger.LogDebug("Loaded {Count} signing keys from {Url}", fresh.ById.Count, jwksUri);
                return fresh;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or ArgumentException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("Cannot load signing keys from {Url}: {Message}", _metadataUrl, ex.Message);
                return _keys;
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();

    /// <summary>Parses a JWKS document, keeping each key's <c>endorsements</c>.</summary>
    internal static ImmutableDictionary<string, SigningKey> Parse(string jwks)
    {
        JsonWebKeySet set = new(jwks);
        Dictionary<string, ImmutableArray<string>> endorsements = new(StringComparer.Ordinal);
        using (JsonDocument document = JsonDocument.Parse(jwks))
        {
            if (document.RootElement.TryGetProperty("keys", out JsonElement keys) && keys.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement key in keys.EnumerateArray())
                {
                    if (key.ValueKind == JsonValueKind.Object
                        && key.TryGetProperty("kid", out JsonElement kid) && kid.ValueKind == JsonValueKind.String
                        && key.TryGetProperty("endorsements", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
                    {
                        endorsements[kid.GetString()!] = [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
                    }
                }
            }
        }

        ImmutableDictionary<string, SigningKey>.Builder result = ImmutableDictionary.CreateBuilder<string, SigningKey>(StringComparer.Ordinal);
        foreach (JsonWebKey key in set.Keys)
        {
            if (!string.IsNullOrEmpty(key.Kid) && key.Kty == "RSA")
            {
                result[key.Kid] = new SigningKey(key.Kid, key, endorsements.GetValueOrDefault(key.Kid, []));
            }
        }

        return result.ToImmutable();
    }

    private sealed record KeySet(ImmutableDictionary<string, SigningKey> ById, DateTimeOffset FetchedAt);
}
