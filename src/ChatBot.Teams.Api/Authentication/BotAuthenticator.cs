using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Teams.Api.Authentication;

/// <summary>Which authority issued a token the channel sent.</summary>
public enum TokenAuthority
{
    /// <summary>The Bot Framework (<c>https://api.botframework.com</c>), validated with its endorsed keys.</summary>
    BotFramework,

    /// <summary>Microsoft Entra ID (a tenant issuer), validated with Entra's keys.</summary>
    Entra,
}

/// <summary>Settings of inbound authentication (channel → bot).</summary>
/// <param name="AppId">The bot's Microsoft App ID: the only accepted audience.</param>
/// <param name="TenantId">The bot's tenant (single-tenant bots); Entra tokens from this tenant are accepted.</param>
/// <param name="BotFrameworkMetadataUrl">The Bot Framework's OpenID metadata (HTTPS).</param>
/// <param name="BotFrameworkIssuer">The issuer of Bot Framework tokens.</param>
/// <param name="EntraMetadataUrl">Microsoft Entra ID's OpenID metadata (HTTPS), for Entra-issued tokens.</param>
public sealed record BotAuthenticationOptions(
    string AppId,
    string? TenantId,
    Uri BotFrameworkMetadataUrl,
    string BotFrameworkIssuer,
    Uri EntraMetadataUrl)
{
    /// <summary>The clock skew allowed on <c>nbf</c> and <c>exp</c>: the industry-standard 5 minutes.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The Azure Bot Service tenants whose Entra tokens the channel may send.</summary>
    public static readonly ImmutableArray<string> BotServiceTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    /// <summary>The Entra issuers accepted: the Bot Service tenants' and, when configured, the bot's own tenant's (v1 and v2 forms).</summary>
    public ImmutableHashSet<string> EntraIssuers { get; } = [.. BotServiceTenants.Concat(string.IsNullOrWhiteSpace(TenantId) ? [] : [TenantId!])
        .SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })];
}

/// <summary>The outcome of authenticating a request: the token's facts, or why it was refused.</summary>
public sealed record AuthenticationResult
{
    private AuthenticationResult()
    {
    }

    public bool Succeeded { get; private init; }

    /// <summary>Why the token was refused (for logs; never sent to the caller).</summary>
    public string? Failure { get; private init; }

    public TokenAuthority Authority { get; private init; }

    /// <summary>The channels the signing key is endorsed for (Bot Framework keys).</summary>
    public ImmutableArray<string> Endorsements { get; private init; } = [];

    /// <summary>The token's <c>serviceurl</c> claim, if any.</summary>
    public string? ServiceUrl { get; private init; }

    public DateTimeOffset Expires { get; private init; }

    public ClaimsIdentity? Identity { get; private init; }

    public static AuthenticationResult Fail(string reason) => new() { Failure = reason };

    internal static AuthenticationResult Success(TokenAuthority authority, ImmutableArray<string> endorsements, string? serviceUrl, DateTimeOffset expires, ClaimsIdentity identity) =>
        new() { Succeeded = true, Authority = authority, Endorsements = endorsements, ServiceUrl = serviceUrl, Expires = expires, Identity = identity };
}

/// <summary>
/// Inbound authentication exactly as the Bot Framework specifies it: a bearer JWT signed (RS256/384/512 only) by a
/// key from the issuer's OpenID metadata, the right issuer, our app id as audience, a valid lifetime within 5 minutes
/// of skew; for Bot Framework tokens also the key's endorsement of the activity's channel and a <c>serviceurl</c>
/// claim equal to the activity's <c>serviceUrl</c>. Validated tokens are remembered until they expire, so the
/// signature of a token the channel reuses is checked once.
/// </summary>
public sealed class BotAuthenticator : IDisposable
{
    /// <summary>The signature algorithms accepted.</summary>
    public static readonly ImmutableArray<string> AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private const int MaxRemembered = 10_000;
    private const string ServiceUrlClaim = "serviceurl";

    private readonly BotAuthenticationOptions _options;
    private readonly SigningKeys _botFrameworkKeys;
    private readonly SigningKeys _entraKeys;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, AuthenticationResult> _validated;
    private readonly ConcurrentDictionary<string, AuthenticationResult>.AlternateLookup<ReadOnlySpan<char>> _validatedBySpan;

    public BotAuthenticator(BotAuthenticationOptions options, HttpClient http, TimeProvider time, ILogger<BotAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AppId);
        _options = options;
        _time = time;
        _logger = logger;
        _validated = new ConcurrentDictionary<string, AuthenticationResult>(StringComparer.Ordinal);
        _validatedBySpan = _validated.GetAlternateLookup<ReadOnlySpan<char>>();
        _botFrameworkKeys = new SigningKeys(http, options.BotFrameworkMetadataUrl, time, logger);
        _entraKeys = new SigningKeys(http, options.EntraMetadataUrl, time, logger);
    }

    /// <summary>Validates the <c>Authorization</c> header's token (not yet its fit with the activity: see <see cref="CheckActivity"/>).</summary>
    public async ValueTask<AuthenticationResult> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is null)
        {
            return AuthenticationResult.Fail("no Authorization header");
        }

        const string Scheme = "Bearer ";
        ReadOnlySpan<char> presented = authorization.StartsWith(Scheme, StringComparison.Ordinal) ? authorization.AsSpan(Scheme.Length) : [];
        if (presented.IsEmpty || presented.Contains(' '))
        {
            return AuthenticationResult.Fail("the Authorization header is not 'Bearer <token>'");
        }

        // A token seen before is looked up without copying it out of the header.
        DateTimeOffset now = _time.GetUtcNow();
        if (_validatedBySpan.TryGetValue(presented, out AuthenticationResult? known))
        {
            if (known.Expires + BotAuthenticationOptions.ClockSkew > now)
            {
                return known;
            }

            _validatedBySpan.TryRemove(presented, out _, out _);
        }

        string token = presented.ToString();

        AuthenticationResult result = await ValidateAsync(token, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            if (_validated.Count >= MaxRemembered)
            {
                _validated.Clear();
            }

            _validated[token] = result;
        }

        return result;
    }

    /// <summary>
    /// Checks an authenticated token against the activity it came with: for Bot Framework tokens the signing key
    /// must be endorsed for the activity's channel and the <c>serviceurl</c> claim must equal its <c>serviceUrl</c>.
    /// </summary>
    public static AuthenticationResult CheckActivity(AuthenticationResult token, string? channelId, string? serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!token.Succeeded)
        {
            return token;
        }

        if (token.Authority == TokenAuthority.BotFramework)
        {
            if (string.IsNullOrEmpty(channelId) || !token.Endorsements.Contains(channelId, StringComparer.Ordinal))
            {
                return AuthenticationResult.Fail($"the signing key is not endorsed for channel '{channelId}'");
            }

            if (token.ServiceUrl is null)
            {
                return AuthenticationResult.Fail("missing serviceurl claim");
            }
        }

        if (token.ServiceUrl is not null && !string.Equals(token.ServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Fail("serviceurl claim mismatch");
        }

        return token;
    }

    private async ValueTask<AuthenticationResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!_handler.CanReadToken(token))
        {
            return AuthenticationResult.Fail("not a JWT");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return AuthenticationResult.Fail("not a JWT");
        }

        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return AuthenticationResult.Fail($"signature algorithm '{jwt.Alg}' is not allowed");
        }

        // Choose the authority by the (not yet trusted) issuer, before fetching any key.
        string issuer = jwt.Issuer;
        TokenAuthority authority;
        SigningKeys keys;
        if (string.Equals(issuer, _options.BotFrameworkIssuer, StringComparison.Ordinal))
        {
            authority = TokenAuthority.BotFramework;
            keys = _botFrameworkKeys;
        }
        else if (_options.EntraIssuers.Contains(issuer))
        {
            authority = TokenAuthority.Entra;
            keys = _entraKeys;
        }
        else
        {
            return AuthenticationResult.Fail($"issuer '{issuer}' is not trusted");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return AuthenticationResult.Fail("the token names no signing key");
        }

        SigningKey? key = await keys.FindAsync(jwt.Kid, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return AuthenticationResult.Fail($"unknown signing key '{jwt.Kid}'");
        }

        TokenValidationParameters parameters = new()
        {
            ValidateIssuer = true,
            ValidIssuer = issuer,
            ValidateAudience = true,
            ValidAudience = _options.AppId,
            RequireAudience = true,
            // The lifetime is checked below against the injected clock.
            ValidateLifetime = false,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKey = key.Key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = AllowedAlgorithms,
        };
        TokenValidationResult validation = await _handler.ValidateTokenAsync(jwt, parameters).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return AuthenticationResult.Fail(validation.Exception?.GetType().Name ?? "invalid token");
        }

        DateTimeOffset now = _time.GetUtcNow();
        if (!jwt.TryGetPayloadValue("exp", out long exp) || DateTimeOffset.FromUnixTimeSeconds(exp) + BotAuthenticationOptions.ClockSkew < now)
        {
            return AuthenticationResult.Fail("the token has expired");
        }

        if (jwt.TryGetPayloadValue("nbf", out long nbf) && DateTimeOffset.FromUnixTimeSeconds(nbf) > now + BotAuthenticationOptions.ClockSkew)
        {
            return AuthenticationResult.Fail("the token is not valid yet");
        }

        if (authority == TokenAuthority.Entra && issuer.Contains(_options.TenantId ?? "\0", StringComparison.OrdinalIgnoreCase)
            && jwt.TryGetPayloadValue("tid", out string? tid) && !string.Equals(tid, _options.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Fail("the token's tenant does not match its issuer");
        }

        string? serviceUrl = jwt.TryGetPayloadValue(ServiceUrlClaim, out string? claim) ? claim : null;
        return AuthenticationResult.Success(authority, key.Endorsements, serviceUrl, DateTimeOffset.FromUnixTimeSeconds(exp), validation.ClaimsIdentity);
    }

    public void Dispose()
    {
        _botFrameworkKeys.Dispose();
        _entraKeys.Dispose();
    }

    /// <summary>Logs a refusal without the token.</summary>
    internal void LogRefusal(string reason) => _logger.LogInformation("Refused a Bot Framework request: {Reason}", reason);
}
