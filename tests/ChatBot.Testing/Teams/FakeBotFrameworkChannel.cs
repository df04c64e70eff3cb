using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Testing.Teams;

/// <summary>
/// An in-process fake of the Bot Framework channel side of Microsoft Teams, on Kestrel over TLS on 127.0.0.1:
/// the Bot Framework OpenID metadata and JWKS (with <c>endorsements</c>), a tenant's Entra v2 metadata and JWKS,
/// the Entra client-credentials token endpoint, and the Bot Connector's reply/send routes under <see cref="ServiceUrl"/>.
/// It issues the JWTs the channel puts on activities it posts to a bot, signed with its own RSA keys.
/// Wire formats follow /work/shared/protocols/teams.md and the example payloads beside it.
/// </summary>
public sealed class FakeBotFrameworkChannel : IAsyncDisposable
{
    /// <summary>The issuer of channel → bot tokens.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The only scope the token endpoint grants.</summary>
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    /// <summary>The multi-tenant login directory.</summary>
    public const string BotFrameworkDirectory = "botframework.com";

    /// <summary>The <c>azp</c> of Entra tokens the channel sends by default (a fixed GUID standing for the Bot Service client).</summary>
    public const string ChannelClientId = "b5d3d3a4-2d87-4a7e-9d53-5a1f6c1f0c11";

    /// <summary>The tenant that issues multi-tenant (botframework.com) app tokens.</summary>
    private const string BotFrameworkTenantId = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    private static readonly string[] TeamsEndorsements = ["msteams", "skype", "directline", "webchat"];

    /// <summary>
    /// Key material shared by every instance in the process: RSA key generation is slow on a busy machine, and tests
    /// start many fakes. <see cref="RotateKeys"/> makes keys of the instance's own.
    /// </summary>
    private static readonly Lazy<SharedKeys> Shared = new(SharedKeys.Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly TestCertificateAuthority _tls;
    private readonly FakeSigningKey _notEndorsedKey;
    private readonly FakeSigningKey _unknownKey;
    private readonly FakeSigningKey _entraKey;
    private readonly List<FakeSigningKey> _retiredKeys = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(int Status, TimeSpan? RetryAfter)> _failures = new();
    private readonly ConcurrentQueue<string> _tokenRequestPaths = new();
    private readonly List<ConnectorRequest> _replies = [];
    private readonly List<Func<bool>> _waiters = [];
    private readonly JsonWebTokenHandler _tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private FakeSigningKey _endorsedKey;
    private int _replyCount;
    private int _failedRequests;
    private int _tokenRequests;
    private int _metadataRequests;
    private int _keysRequests;
    private int _entraMetadataRequests;
    private int _entraKeysRequests;
    private long _nextActivityId;

    private FakeBotFrameworkChannel(WebApplication app, TimeProvider clock, TestCertificateAuthority tls, string appId, string tenantId)
    {
        _app = app;
        _clock = clock;
        _tls = tls;
        AppId = appId;
        TenantId = tenantId;
        AppPassword = "fake~" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(30));
        SharedKeys shared = Shared.Value;
        _endorsedKey = shared.Endorsed;
        _notEndorsedKey = shared.NotEndorsed;
        _unknownKey = shared.Unknown;
        _entraKey = shared.Entra;
        _nextActivityId = clock.GetUtcNow().ToUnixTimeMilliseconds();
    }

    /// <summary>The bot's Microsoft App ID: audience of channel tokens, the <c>client_id</c> the token endpoint expects.</summary>
    public string AppId { get; }

    /// <summary>The bot's Entra tenant (single-tenant login directory, <c>tid</c> of Entra tokens).</summary>
    public string TenantId { get; }

    /// <summary>The client secret the token endpoint accepts (random per instance).</summary>
    public string AppPassword { get; }

    /// <summary><c>https://127.0.0.1:{port}/</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The connector base to put in <c>activity.serviceUrl</c>: <c>{BaseUrl}amer/</c> (ends with '/', like Teams').</summary>
    public string ServiceUrl => BaseUrl + "amer/";

    /// <summary>Bot Framework OpenID metadata (<c>login.botframework.com/v1/.well-known/openidconfiguration</c>).</summary>
    public string OpenIdMetadataUrl => BaseUrl + "v1/.well-known/openidconfiguration";

    /// <summary>The Bot Framework JWKS, with <c>endorsements</c>.</summary>
    public string JwksUrl => BaseUrl + "v1/.well-known/keys";

    /// <summary>Entra v2 OpenID metadata for <see cref="TenantId"/>.</summary>
    public string EntraOpenIdMetadataUrl => BaseUrl + TenantId + "/v2.0/.well-known/openid-configuration";

    /// <summary>The Entra JWKS for <see cref="TenantId"/> (no endorsements).</summary>
    public string EntraJwksUrl => BaseUrl + TenantId + "/discovery/v2.0/keys";

    /// <summary>The multi-tenant login authority (<c>login.microsoftonline.com/botframework.com</c>); token endpoint at <c>{LoginUrl}/oauth2/v2.0/token</c>.</summary>
    public string LoginUrl => BaseUrl + BotFrameworkDirectory;

    /// <summary>The multi-tenant token endpoint.</summary>
    public string TokenEndpoint => LoginUrl + "/oauth2/v2.0/token";

    /// <summary>The single-tenant token endpoint: <c>{BaseUrl}{TenantId}/oauth2/v2.0/token</c>.</summary>
    public string TenantTokenEndpoint => BaseUrl + TenantId + "/oauth2/v2.0/token";

    /// <summary><c>iss</c> of Entra v2 tokens for <see cref="TenantId"/>.</summary>
    public string EntraTokenIssuer => EntraIssuer(TenantId);

    /// <summary>The test CA (public part) that signed the TLS certificate.</summary>
    public X509Certificate2 CertificateAuthority => _tls.Authority;

    /// <summary>
    /// When <c>true</c> the app is registered single-tenant: the <c>botframework.com</c> token endpoint refuses it with
    /// AADSTS700016 as Entra does, and only <see cref="TenantTokenEndpoint"/> issues tokens. The default value is <c>false</c>.
    /// </summary>
    public bool SingleTenant { get; set; }

    /// <summary>Whether accepted connector calls are kept in <see cref="Replies"/>; when <c>false</c> they are only counted. The default value is <c>true</c>.</summary>
    public bool Record { get; set; } = true;

    public IReadOnlyList<ConnectorRequest> Replies
    {
        get
        {
            lock (_replies)
            {
                return [.. _replies];
            }
        }
    }

    /// <summary>Connector calls accepted (201), recorded or not.</summary>
    public int ReplyCount => Volatile.Read(ref _replyCount);

    /// <summary>Scripted failures (<see cref="FailNext"/>) served.</summary>
    public int FailedRequests => Volatile.Read(ref _failedRequests);

    /// <summary>POSTs to either token endpoint, successful or not.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>The login directory of each token request in order: <c>botframework.com</c>, the tenant id, or whatever else was asked.</summary>
    public IReadOnlyList<string> TokenRequestPaths => [.. _tokenRequestPaths];

    /// <summary>GETs of the Bot Framework OpenID metadata.</summary>
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    /// <summary>GETs of the Bot Framework JWKS.</summary>
    public int KeysRequests => Volatile.Read(ref _keysRequests);

    /// <summary>GETs of the Entra OpenID metadata.</summary>
    public int EntraMetadataRequests => Volatile.Read(ref _entraMetadataRequests);

    /// <summary>GETs of the Entra JWKS.</summary>
    public int EntraKeysRequests => Volatile.Read(ref _entraKeysRequests);

    /// <summary>The <c>kid</c> of the currently endorsed Bot Framework key (changes on <see cref="RotateKeys"/>).</summary>
    public string EndorsedKeyId => Volatile.Read(ref _endorsedKey).Thumbprint;

    /// <summary>
    /// Starts the fake on an ephemeral loopback port. <paramref name="clock"/> drives token times, token expiry on the
    /// connector and <see cref="ConnectorRequest.At"/>; TLS certificates and wait time-outs use real time.
    /// </summary>
    public static async Task<FakeBotFrameworkChannel> StartAsync(string appId = TeamsActivities.DefaultAppId, string tenantId = TeamsActivities.DefaultTenantId, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        TestCertificateAuthority tls = Shared.Value.Tls;
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(tls.Server)));
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        FakeBotFrameworkChannel fake = new(app, clock ?? TimeProvider.System, tls, appId, tenantId);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        int port = new Uri(address).Port;
        fake.BaseUrl = string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{port}/");
        return fake;
    }

    /// <summary>
    /// A handler that trusts only <see cref="CertificateAuthority"/> (custom root trust; the machine's roots are not used,
    /// and host names are still checked).
    /// </summary>
    public HttpMessageHandler CreateTrustingHandler()
    {
        X509ChainPolicy policy = new()
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(CertificateAuthority);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy },
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
    }

    /// <summary>Writes the CA as PEM to <c>{directory}/fake-botframework-ca.pem</c> (for <c>SSL_CERT_FILE</c> in child processes) and returns the path.</summary>
    public string WriteCaBundle(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "fake-botframework-ca.pem");
        File.WriteAllText(path, CertificateAuthority.ExportCertificatePem() + "\n");
        return path;
    }

    /// <summary>
    /// The JWT the channel sends the bot with an activity for <paramref name="serviceUrl"/>: header <c>alg</c>, <c>kid</c>,
    /// <c>typ</c>, <c>x5t</c>; claims <c>serviceurl</c>, <c>nbf</c>, <c>exp</c>, <c>iss</c>, <c>aud</c> like a real one.
    /// </summary>
    public string IssueChannelToken(string serviceUrl, ChannelTokenOptions? options = null)
    {
        options ??= new ChannelTokenOptions();
        Dictionary<string, object> claims = new(StringComparer.Ordinal);
        if (!options.OmitServiceUrl)
        {
            claims["serviceurl"] = options.ServiceUrlClaim ?? serviceUrl;
        }

        FakeSigningKey key = options.Key switch
        {
            ChannelTokenKey.Endorsed => Volatile.Read(ref _endorsedKey),
            ChannelTokenKey.NotEndorsed => _notEndorsedKey,
            ChannelTokenKey.Unknown => _unknownKey,
            ChannelTokenKey.Entra => _entraKey,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Key, "Unknown key choice."),
        };
        (DateTimeOffset notBefore, DateTimeOffset expires) = Lifetime(options.NotBefore, options.Expires);
        string token = Sign(
            key,
            options.Algorithm,
            options.Issuer ?? BotFrameworkIssuer,
            options.Audience ?? AppId,
            notBefore,
            expires,
            Merge(claims, options.ExtraClaims),
            withX5t: true);
        if (options.AlgNone)
        {
            string[] parts = token.Split('.');
            return Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + parts[1] + ".";
        }

        return options.TamperSignature ? Tamper(token) : token;
    }

    /// <summary>An Entra ID v2 token for the bot, signed with the key in <see cref="EntraJwksUrl"/>: <c>iss</c>, <c>aud</c>, <c>tid</c>, <c>azp</c>, <c>ver</c>, times.</summary>
    public string IssueEntraToken(EntraTokenOptions? options = null)
    {
        options ??= new EntraTokenOptions();
        (DateTimeOffset notBefore, DateTimeOffset expires) = Lifetime(options.NotBefore, options.Expires);
        Dictionary<string, object> claims = new(StringComparer.Ordinal)
        {
            ["iat"] = notBefore.ToUnixTimeSeconds(),
            ["tid"] = options.TenantId ?? TenantId,
            ["azp"] = options.AuthorizedParty ?? ChannelClientId,
            ["azpacr"] = "1",
            ["ver"] = options.Version,
        };
        if (options.ServiceUrl is not null)
        {
            claims["serviceurl"] = options.ServiceUrl;
        }

        string token = Sign(
            _entraKey,
            SecurityAlgorithms.RsaSha256,
            options.Issuer ?? EntraTokenIssuer,
            options.Audience ?? AppId,
            notBefore,
            expires,
            Merge(claims, options.ExtraClaims),
            withX5t: false);
        return options.TamperSignature ? Tamper(token) : token;
    }

    /// <summary>
    /// A bot → connector access token as the token endpoint would issue it, valid for <paramref name="lifetime"/>
    /// (default one hour) by the fake's clock; for tests of the connector that skip the token endpoint.
    /// </summary>
    public string IssueConnectorAccessToken(TimeSpan? lifetime = null) =>
        IssueAccessToken(BotFrameworkTenantId, lifetime ?? TimeSpan.FromHours(1));

    /// <summary>Replaces the endorsed Bot Framework key with a new one (new <c>kid</c>); later channel tokens use it.</summary>
    public void RotateKeys()
    {
        FakeSigningKey fresh = FakeSigningKey.Create("login.botframework.com", TimeProvider.System.GetUtcNow(), TeamsEndorsements);
        FakeSigningKey old = Interlocked.Exchange(ref _endorsedKey, fresh);
        lock (_retiredKeys)
        {
            _retiredKeys.Add(old);
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> connector calls that pass authentication get <paramref name="status"/> with a
    /// Bot Framework <c>ErrorResponse</c> body (and <c>Retry-After</c> in whole seconds when given) and are not recorded.
    /// </summary>
    public void FailNext(int status, int count = 1, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (int i = 0; i < count; i++)
        {
            _failures.Enqueue((status, retryAfter));
        }
    }

    /// <summary>Completes with the first recorded reply that matches (possibly one recorded earlier); <see cref="TimeoutException"/> after <paramref name="timeout"/> (default 10 s, real time).</summary>
    public async Task<ConnectorRequest> WaitForReplyAsync(Func<ConnectorRequest, bool>? match = null, TimeSpan? timeout = null)
    {
        match ??= _ => true;
        TaskCompletionSource<ConnectorRequest> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Check()
        {
            ConnectorRequest? found = _replies.Find(r => match(r));
            return found is not null && done.TrySetResult(found);
        }

        return await WaitAsync(Check, done, timeout, "a matching reply");
    }

    /// <summary>Completes with the first <paramref name="count"/> recorded replies once there are that many; <see cref="TimeoutException"/> after <paramref name="timeout"/> (default 10 s, real time).</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForRepliesAsync(int count, TimeSpan? timeout = null)
    {
        TaskCompletionSource<IReadOnlyList<ConnectorRequest>> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Check() => _replies.Count >= count && done.TrySetResult([.. _replies.Take(count)]);
        return await WaitAsync(Check, done, timeout, string.Create(CultureInfo.InvariantCulture, $"{count} replies"));
    }

    private async Task<T> WaitAsync<T>(Func<bool> check, TaskCompletionSource<T> done, TimeSpan? timeout, string what)
    {
        lock (_replies)
        {
            if (!check())
            {
                _waiters.Add(check);
            }
        }

        TimeSpan limit = timeout ?? TimeSpan.FromSeconds(10);
        try
        {
            return await done.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            int recorded;
            lock (_replies)
            {
                _waiters.Remove(check);
                recorded = _replies.Count;
            }

            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"No {what} within {limit.TotalSeconds:0.###} s; {recorded} replies recorded, {ReplyCount} accepted, {FailedRequests} scripted failures served."));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        HttpResponse response = context.Response;
        string rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        int query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        string[] raw = (query < 0 ? rawTarget : rawTarget[..query]).Split('/', StringSplitOptions.RemoveEmptyEntries);
        string[] s = [.. raw.Select(Uri.UnescapeDataString)];

        switch (request.Method, s)
        {
            case ("GET", ["v1", ".well-known", "openidconfiguration"]):
                Interlocked.Increment(ref _metadataRequests);
                await Json(response, 200, BotFrameworkMetadata());
                return;
            case ("GET", ["v1", ".well-known", "keys"]):
                Interlocked.Increment(ref _keysRequests);
                await Json(response, 200, Jwks(Volatile.Read(ref _endorsedKey), _notEndorsedKey));
                return;
            case ("GET", [var tenant, "v2.0", ".well-known", "openid-configuration"]) when tenant == TenantId:
                Interlocked.Increment(ref _entraMetadataRequests);
                await Json(response, 200, EntraMetadata());
                return;
            case ("GET", [var tenant, "discovery", "v2.0", "keys"]) when tenant == TenantId:
                Interlocked.Increment(ref _entraKeysRequests);
                await Json(response, 200, new JsonObject { ["keys"] = new JsonArray(_entraKey.ToJwk(EntraTokenIssuer)) });
                return;
            case ("POST", [var directory, "oauth2", "v2.0", "token"]):
                await TokenAsync(request, response, directory);
                return;
            case ("POST", [_, "v3", "conversations", var conversationId, "activities"]):
                await ConnectorAsync(request, response, conversationId, replyToId: null);
                return;
            case ("POST", [_, "v3", "conversations", var conversationId, "activities", var activityId]):
                await ConnectorAsync(request, response, conversationId, activityId);
                return;
            default:
                await Json(response, 404, ErrorResponse("NotFound", $"No route for {request.Method} {rawTarget}."));
                return;
        }
    }

    private async Task TokenAsync(HttpRequest request, HttpResponse response, string directory)
    {
        Interlocked.Increment(ref _tokenRequests);
        _tokenRequestPaths.Enqueue(directory);
        if (directory != BotFrameworkDirectory && directory != TenantId)
        {
            await AadError(response, 400, "invalid_request", 90002, $"Tenant '{directory}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
            return;
        }

        if (!request.HasFormContentType)
        {
            await AadError(response, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
            return;
        }

        IFormCollection form = await request.ReadFormAsync();
        string? grantType = form["grant_type"];
        string? clientId = form["client_id"];
        string? clientSecret = form["client_secret"];
        string? scope = form["scope"];
        if (string.IsNullOrEmpty(grantType))
        {
            await AadError(response, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
        }
        else if (grantType != "client_credentials")
        {
            await AadError(response, 400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        }
        else if (string.IsNullOrEmpty(clientId))
        {
            await AadError(response, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
        }
        else if (clientId != AppId || (SingleTenant && directory == BotFrameworkDirectory))
        {
            await AadError(response, 400, "unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory '{directory}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");
        }
        else if (string.IsNullOrEmpty(clientSecret))
        {
            await AadError(response, 401, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
        }
        else if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(AppPassword)))
        {
            await AadError(response, 401, "invalid_client", 7000215, $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{AppId}'.");
        }
        else if (string.IsNullOrEmpty(scope))
        {
            await AadError(response, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.");
        }
        else if (scope != BotFrameworkScope)
        {
            if (scope.EndsWith("/.default", StringComparison.Ordinal))
            {
                await AadError(response, 400, "invalid_resource", 500011, $"The resource principal named {scope[..^"/.default".Length]} was not found in the tenant named {directory}.");
            }
            else
            {
                await AadError(response, 400, "invalid_scope", 1002012, $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
            }
        }
        else
        {
            string tenant = directory == BotFrameworkDirectory ? BotFrameworkTenantId : TenantId;
            string accessToken = IssueAccessToken(tenant, TimeSpan.FromHours(1));
            await Json(response, 200, new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = accessToken,
            });
        }
    }

    private async Task ConnectorAsync(HttpRequest request, HttpResponse response, string conversationId, string? replyToId)
    {
        response.Headers["X-Correlating-OperationId"] = Guid.NewGuid().ToString("N");
        string authorization = request.Headers.Authorization.ToString();
        if (!IsValidAccessToken(authorization))
        {
            await Json(response, 401, ErrorResponse("Unauthorized", "Authorization has been denied for this request."));
            return;
        }

        if (_failures.TryDequeue(out (int Status, TimeSpan? RetryAfter) failure))
        {
            Interlocked.Increment(ref _failedRequests);
            if (failure.RetryAfter is { } retryAfter)
            {
                response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            (string code, string message) = FailureText(failure.Status);
            await Json(response, failure.Status, ErrorResponse(code, message));
            return;
        }

        JsonObject? activity = null;
        bool isObject;
        try
        {
            if (Record)
            {
                activity = await JsonNode.ParseAsync(request.Body) as JsonObject;
                isObject = activity is not null;
            }
            else
            {
                // Counting only (load runs): check the body without building a tree, to leave the CPU to the bot.
                using JsonDocument document = await JsonDocument.ParseAsync(request.Body);
                isObject = document.RootElement.ValueKind == JsonValueKind.Object;
            }
        }
        catch (JsonException)
        {
            isObject = false;
        }

        if (!isObject)
        {
            await Json(response, 400, ErrorResponse("BadArgument", "The request body is not a JSON activity object."));
            return;
        }

        string id = Interlocked.Increment(ref _nextActivityId).ToString(CultureInfo.InvariantCulture);
        Interlocked.Increment(ref _replyCount);
        if (Record)
        {
            ConnectorRequest recorded = new(conversationId, replyToId, activity!, authorization, _clock.GetUtcNow());
            lock (_replies)
            {
                _replies.Add(recorded);
                _waiters.RemoveAll(check => check());
            }
        }

        await Json(response, 201, new JsonObject { ["id"] = id });
    }

    private bool IsValidAccessToken(string authorization)
    {
        const string Scheme = "Bearer ";
        return authorization.StartsWith(Scheme, StringComparison.Ordinal)
            && _accessTokens.TryGetValue(authorization[Scheme.Length..], out DateTimeOffset expires)
            && _clock.GetUtcNow() < expires;
    }

    private string IssueAccessToken(string tenant, TimeSpan lifetime)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        DateTimeOffset expires = now + lifetime;
        Dictionary<string, object> claims = new(StringComparer.Ordinal)
        {
            ["iat"] = now.ToUnixTimeSeconds(),
            ["appid"] = AppId,
            ["appidacr"] = "1",
            ["tid"] = tenant,
            ["ver"] = "1.0",
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        string token = Sign(_entraKey, SecurityAlgorithms.RsaSha256, $"https://sts.windows.net/{tenant}/", BotFrameworkIssuer, now, expires, claims, withX5t: true);
        _accessTokens[token] = expires;
        return token;
    }

    private (DateTimeOffset NotBefore, DateTimeOffset Expires) Lifetime(DateTimeOffset? notBefore, DateTimeOffset? expires)
    {
        DateTimeOffset nbf = notBefore ?? (expires is { } e ? e.AddHours(-1) : _clock.GetUtcNow().AddMinutes(-5));
        return (nbf, expires ?? nbf.AddHours(1));
    }

    private string Sign(FakeSigningKey key, string algorithm, string issuer, string audience, DateTimeOffset notBefore, DateTimeOffset expires, Dictionary<string, object> claims, bool withX5t)
    {
        SecurityTokenDescriptor descriptor = new()
        {
            Issuer = issuer,
            Audience = audience.Length == 0 ? null : audience,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(withX5t ? key.X509Key : key.RsaKey, algorithm),
            TokenType = "JWT",
        };
        return _tokens.CreateToken(descriptor);
    }

    private static Dictionary<string, object> Merge(Dictionary<string, object> claims, IReadOnlyDictionary<string, object>? extra)
    {
        foreach ((string name, object value) in extra ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }

        return claims;
    }

    private static string Tamper(string token)
    {
        int dot = token.LastIndexOf('.');
        byte[] signature = Base64UrlEncoder.DecodeBytes(token[(dot + 1)..]);
        signature[signature.Length / 2] ^= 0x01;
        return token[..(dot + 1)] + Base64UrlEncoder.Encode(signature);
    }

    private static string EntraIssuer(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    private JsonObject BotFrameworkMetadata() => new()
    {
        ["issuer"] = BotFrameworkIssuer,
        ["authorization_endpoint"] = "https://invalid.botframework.com",
        ["jwks_uri"] = JwksUrl,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private JsonObject EntraMetadata() => new()
    {
        ["token_endpoint"] = TenantTokenEndpoint,
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt", "client_secret_basic"),
        ["jwks_uri"] = EntraJwksUrl,
        ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
        ["subject_types_supported"] = new JsonArray("pairwise"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
        ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
        ["issuer"] = EntraTokenIssuer,
        ["request_uri_parameter_supported"] = false,
        ["authorization_endpoint"] = BaseUrl + TenantId + "/oauth2/v2.0/authorize",
        ["http_logout_supported"] = true,
        ["frontchannel_logout_supported"] = true,
        ["claims_supported"] = new JsonArray("sub", "iss", "aud", "exp", "iat", "nbf", "tid", "ver", "azp"),
        ["tenant_region_scope"] = "NA",
        ["cloud_instance_name"] = "microsoftonline.com",
    };

    private static JsonObject Jwks(params FakeSigningKey[] keys) =>
        new() { ["keys"] = new JsonArray([.. keys.Select(k => k.ToJwk())]) };

    private static JsonObject ErrorResponse(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static (string Code, string Message) FailureText(int status) => status switch
    {
        400 => ("BadArgument", "The request is invalid."),
        401 => ("BotNotRegistered", "No registration found for this bot."),
        403 => ("BotNotInConversationRoster", "The bot is not part of the conversation roster."),
        404 => ("ConversationNotFound", "Conversation not found."),
        412 => ("PreconditionFailed", "Precondition failed, please try again."),
        413 => ("MessageSizeTooBig", "Message size too large."),
        429 => ("Throttled", "Too many requests."),
        502 => ("ServiceError", "Bad gateway."),
        503 => ("ServiceUnavailable", "The service is unavailable."),
        504 => ("GatewayTimeout", "The gateway timed out."),
        _ => ("ServiceError", "Unknown error."),
    };

    private async Task AadError(HttpResponse response, int status, string error, int code, string description)
    {
        string traceId = Guid.NewGuid().ToString();
        string correlationId = Guid.NewGuid().ToString();
        DateTimeOffset now = _clock.GetUtcNow();
        string timestamp = now.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await Json(response, status, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = string.Create(CultureInfo.InvariantCulture, $"AADSTS{code}: {description} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}"),
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
            ["error_uri"] = string.Create(CultureInfo.InvariantCulture, $"{BaseUrl}error?code={code}"),
        });
    }

    private static async Task Json(HttpResponse response, int status, JsonObject body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        lock (_replies)
        {
            _waiters.Clear();
        }

        // The shared keys and certificates live as long as the process; only keys made by RotateKeys are this instance's.
        lock (_retiredKeys)
        {
            _retiredKeys.Add(_endorsedKey);
            _retiredKeys.Where(k => k != Shared.Value.Endorsed).ToList().ForEach(k => k.Dispose());
        }
    }

    private sealed record SharedKeys(TestCertificateAuthority Tls, FakeSigningKey Endorsed, FakeSigningKey NotEndorsed, FakeSigningKey Unknown, FakeSigningKey Entra)
    {
        public static SharedKeys Create()
        {
            DateTimeOffset now = TimeProvider.System.GetUtcNow();
            return new SharedKeys(
                TestCertificateAuthority.Create(),
                FakeSigningKey.Create("login.botframework.com", now, TeamsEndorsements),
                FakeSigningKey.Create("login.botframework.com", now, ["webchat"]),
                FakeSigningKey.Create("unpublished.example", now, TeamsEndorsements),
                FakeSigningKey.Create("accounts.accesscontrol.windows.net", now));
        }
    }
}
