using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using ChatBot.Testing.Teams;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Teams.Api.Tests;

/// <summary>
/// The fake Bot Framework channel itself: TLS with its own CA, metadata and keys, the tokens it issues checked by
/// Microsoft.IdentityModel's validator, the token endpoint and the connector. The bot's tests build on these facts.
/// </summary>
public sealed class FakeBotFrameworkChannelTests : IAsyncLifetime
{
    private static readonly string[] RsaAlgorithms = ["RS256", "RS384", "RS512"];

    // Starts at the real time: Microsoft.IdentityModel validates token lifetimes against the system clock.
    private static readonly DateTimeOffset Start = TimeProvider.System.GetUtcNow();
    private readonly FakeTimeProvider _clock = new(Start);
    private FakeBotFrameworkChannel _channel = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _channel = await FakeBotFrameworkChannel.StartAsync(clock: _clock);
        _http = new HttpClient(_channel.CreateTrustingHandler());
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _channel.DisposeAsync();
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Tls_TrustingHandlerConnects_ByIpAndByName(string host)
    {
        Uri url = new UriBuilder(_channel.OpenIdMetadataUrl) { Host = host }.Uri;

        using HttpResponseMessage response = await _http.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("https://127.0.0.1:", _channel.BaseUrl, StringComparison.Ordinal);
        Assert.EndsWith("/", _channel.ServiceUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_DefaultHandler_RejectsTheUntrustedTestCa()
    {
        using HttpClient plain = new();

        HttpRequestException error = await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync(_channel.OpenIdMetadataUrl, Ct));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task Tls_CaBundle_IsThePemOfTheCaThatSignedTheServerCertificate()
    {
        string directory = Path.Combine(Path.GetTempPath(), "fake-bf-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = _channel.WriteCaBundle(directory);

            string pem = await File.ReadAllTextAsync(path, Ct);
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", pem, StringComparison.Ordinal);
            using X509Certificate2 fromPem = X509Certificate2.CreateFromPem(pem);
            Assert.Equal(_channel.CertificateAuthority.Thumbprint, fromPem.Thumbprint);
            Assert.False(fromPem.HasPrivateKey);
            Assert.True(fromPem.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task BotFrameworkMetadata_PointsToKeysCarryingEndorsements()
    {
        JsonObject metadata = await GetJsonAsync(_channel.OpenIdMetadataUrl);
        JsonObject jwks = await GetJsonAsync(metadata["jwks_uri"]!.GetValue<string>());

        Assert.Equal("https://api.botframework.com", metadata["issuer"]!.GetValue<string>());
        Assert.Equal(_channel.BaseUrl + "v1/.well-known/keys", metadata["jwks_uri"]!.GetValue<string>());
        Assert.Equal(["RS256"], Strings(metadata["id_token_signing_alg_values_supported"]));
        Assert.Equal(["private_key_jwt"], Strings(metadata["token_endpoint_auth_methods_supported"]));
        JsonObject[] keys = [.. jwks["keys"]!.AsArray().Select(k => k!.AsObject())];
        Assert.Equal(2, keys.Length);
        Assert.All(keys, key =>
        {
            Assert.Equal("RSA", key["kty"]!.GetValue<string>());
            Assert.Equal("sig", key["use"]!.GetValue<string>());
            Assert.Equal(key["kid"]!.GetValue<string>(), key["x5t"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(key["n"]!.GetValue<string>()));
            Assert.Equal("AQAB", key["e"]!.GetValue<string>());
            Assert.Single(key["x5c"]!.AsArray());
        });
        JsonObject endorsed = Assert.Single(keys, k => k["kid"]!.GetValue<string>() == _channel.EndorsedKeyId);
        Assert.Contains("msteams", Strings(endorsed["endorsements"]));
        JsonObject other = Assert.Single(keys, k => k["kid"]!.GetValue<string>() != _channel.EndorsedKeyId);
        Assert.Equal(["webchat"], Strings(other["endorsements"]));
        Assert.Equal((1, 1), (_channel.MetadataRequests, _channel.KeysRequests));
    }

    [Fact]
    public async Task EntraMetadata_HasTheTenantIssuerAndItsOwnKeysWithoutEndorsements()
    {
        JsonObject metadata = await GetJsonAsync(_channel.EntraOpenIdMetadataUrl);
        JsonObject jwks = await GetJsonAsync(metadata["jwks_uri"]!.GetValue<string>());

        Assert.Equal($"https://login.microsoftonline.com/{_channel.TenantId}/v2.0", metadata["issuer"]!.GetValue<string>());
        Assert.Equal(_channel.TenantTokenEndpoint, metadata["token_endpoint"]!.GetValue<string>());
        JsonObject key = Assert.Single(jwks["keys"]!.AsArray())!.AsObject();
        Assert.Null(key["endorsements"]);
        Assert.NotEqual(_channel.EndorsedKeyId, key["kid"]!.GetValue<string>());
        Assert.Equal((0, 0, 1, 1), (_channel.MetadataRequests, _channel.KeysRequests, _channel.EntraMetadataRequests, _channel.EntraKeysRequests));
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task ChannelToken_ValidatesAgainstTheServedKeys_WithTheRealClaimSet(string algorithm)
    {
        string token = _channel.IssueChannelToken(_channel.ServiceUrl, new ChannelTokenOptions { Algorithm = algorithm });

        TokenValidationResult result = await ValidateChannelTokenAsync(token);

        Assert.True(result.IsValid, result.Exception?.Message);
        JsonWebToken jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(algorithm, jwt.Alg);
        Assert.Equal("JWT", jwt.Typ);
        Assert.Equal(_channel.EndorsedKeyId, jwt.Kid);
        Assert.Equal(_channel.EndorsedKeyId, jwt.X5t);
        Assert.Equal(_channel.ServiceUrl, jwt.GetClaim("serviceurl").Value);
        Assert.Equal(_channel.AppId, Assert.Single(jwt.Audiences));
        Assert.Equal("https://api.botframework.com", jwt.Issuer);
        Assert.Equal(TimeSpan.FromHours(1), jwt.ValidTo - jwt.ValidFrom);
        Assert.Equal(["aud", "exp", "iss", "nbf", "serviceurl"], jwt.Claims.Select(c => c.Type).Order(StringComparer.Ordinal));
        Assert.Contains("msteams", await EndorsementsAsync(jwt.Kid));
    }

    public static TheoryData<string, Type> BrokenChannelTokens => new()
    {
        { "wrong audience", typeof(SecurityTokenInvalidAudienceException) },
        { "no audience", typeof(SecurityTokenInvalidAudienceException) },
        { "wrong issuer", typeof(SecurityTokenInvalidIssuerException) },
        { "expired", typeof(SecurityTokenExpiredException) },
        { "not yet valid", typeof(SecurityTokenNotYetValidException) },
        { "unknown key", typeof(SecurityTokenSignatureKeyNotFoundException) },
        { "entra key", typeof(SecurityTokenSignatureKeyNotFoundException) },
        { "tampered signature", typeof(SecurityTokenInvalidSignatureException) },
        { "alg none", typeof(SecurityTokenInvalidSignatureException) },
    };

    [Theory]
    [MemberData(nameof(BrokenChannelTokens))]
    public async Task ChannelToken_EachDefect_FailsValidationForItsReason(string defect, Type expected)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        ChannelTokenOptions options = defect switch
        {
            "wrong audience" => new() { Audience = "ffffffff-0000-0000-0000-000000000000" },
            "no audience" => new() { Audience = "" },
            "wrong issuer" => new() { Issuer = "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/" },
            "expired" => new() { Expires = now.AddMinutes(-10) },
            "not yet valid" => new() { NotBefore = now.AddMinutes(10) },
            "unknown key" => new() { Key = ChannelTokenKey.Unknown },
            "entra key" => new() { Key = ChannelTokenKey.Entra },
            "tampered signature" => new() { TamperSignature = true },
            "alg none" => new() { AlgNone = true },
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };
        string token = _channel.IssueChannelToken(_channel.ServiceUrl, options);

        TokenValidationResult result = await ValidateChannelTokenAsync(token);

        Assert.False(result.IsValid);
        Assert.IsAssignableFrom(expected, result.Exception);
    }

    [Fact]
    public async Task ChannelToken_AlgNone_IsUnsignedWithTheNoneHeader()
    {
        string token = _channel.IssueChannelToken(_channel.ServiceUrl, new ChannelTokenOptions { AlgNone = true });

        string[] parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("""{"alg":"none","typ":"JWT"}""", Base64UrlEncoder.Decode(parts[0]));
        Assert.Equal("", parts[2]);
        Assert.Equal(_channel.ServiceUrl, new JsonWebToken(token).GetClaim("serviceurl").Value);
        Assert.False((await ValidateChannelTokenAsync(token)).IsValid);
    }

    [Fact]
    public async Task ChannelToken_SignatureValidButNotEndorsedForTeams_OrWithoutTheRightServiceUrl()
    {
        string notEndorsed = _channel.IssueChannelToken(_channel.ServiceUrl, new ChannelTokenOptions { Key = ChannelTokenKey.NotEndorsed });
        string noServiceUrl = _channel.IssueChannelToken(_channel.ServiceUrl, new ChannelTokenOptions { OmitServiceUrl = true });
        string otherServiceUrl = _channel.IssueChannelToken(_channel.ServiceUrl, new ChannelTokenOptions { ServiceUrlClaim = "https://smba.trafficmanager.net/emea/" });

        TokenValidationResult endorsement = await ValidateChannelTokenAsync(notEndorsed);
        TokenValidationResult missing = await ValidateChannelTokenAsync(noServiceUrl);
        TokenValidationResult mismatch = await ValidateChannelTokenAsync(otherServiceUrl);

        // The signature checks pass: these are for the bot's own checks (endorsement, serviceurl claim) to catch.
        Assert.True(endorsement.IsValid && missing.IsValid && mismatch.IsValid);
        Assert.Equal(["webchat"], await EndorsementsAsync(((JsonWebToken)endorsement.SecurityToken).Kid));
        Assert.False(((JsonWebToken)missing.SecurityToken).TryGetClaim("serviceurl", out _));
        Assert.Equal("https://smba.trafficmanager.net/emea/", ((JsonWebToken)mismatch.SecurityToken).GetClaim("serviceurl").Value);
    }

    [Fact]
    public async Task RotateKeys_NewTokensUseAKidOnlyTheRefetchedKeysHave()
    {
        JsonWebKeySet before = new((await GetJsonAsync(_channel.JwksUrl)).ToJsonString());
        string oldKid = _channel.EndorsedKeyId;

        _channel.RotateKeys();
        string token = _channel.IssueChannelToken(_channel.ServiceUrl);

        Assert.NotEqual(oldKid, new JsonWebToken(token).Kid);
        TokenValidationResult stale = await ValidateChannelTokenAsync(token, before);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(stale.Exception);
        TokenValidationResult fresh = await ValidateChannelTokenAsync(token);
        Assert.True(fresh.IsValid, fresh.Exception?.Message);
        Assert.DoesNotContain(oldKid, (await GetJsonAsync(_channel.JwksUrl))["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()));
        Assert.Equal(3, _channel.KeysRequests);
    }

    [Fact]
    public async Task EntraToken_ValidatesAgainstTheTenantKeys_NotTheBotFrameworkOnes()
    {
        string token = _channel.IssueEntraToken(new EntraTokenOptions { ServiceUrl = _channel.ServiceUrl });
        JsonWebKeySet entraKeys = new((await GetJsonAsync(_channel.EntraJwksUrl)).ToJsonString());

        TokenValidationResult result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _channel.EntraTokenIssuer,
            ValidAudience = _channel.AppId,
            IssuerSigningKeys = entraKeys.GetSigningKeys(),
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        JsonWebToken jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(_channel.TenantId, jwt.GetClaim("tid").Value);
        Assert.Equal(FakeBotFrameworkChannel.ChannelClientId, jwt.GetClaim("azp").Value);
        Assert.Equal("2.0", jwt.GetClaim("ver").Value);
        Assert.Equal(_channel.ServiceUrl, jwt.GetClaim("serviceurl").Value);
        Assert.IsType<SecurityTokenInvalidIssuerException>((await ValidateChannelTokenAsync(token)).Exception);
        TokenValidationResult withBotFrameworkKeys = await ValidateChannelTokenAsync(token, issuer: _channel.EntraTokenIssuer);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(withBotFrameworkKeys.Exception);
    }

    [Theory]
    [InlineData("botframework.com")]
    [InlineData("tenant")]
    public async Task TokenEndpoint_RightCredentials_IssuesABearerTokenTheConnectorAccepts(string directory)
    {
        string path = directory == "tenant" ? _channel.TenantId : directory;

        using HttpResponseMessage response = await RequestTokenAsync(path, _channel.AppId, _channel.AppPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonObject body = await ReadJsonAsync(response);
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
        Assert.Equal(3600, body["ext_expires_in"]!.GetValue<int>());
        JsonWebToken accessToken = new(body["access_token"]!.GetValue<string>());
        Assert.Equal("https://api.botframework.com", Assert.Single(accessToken.Audiences));
        Assert.Equal(_channel.AppId, accessToken.GetClaim("appid").Value);
        Assert.Equal([path], _channel.TokenRequestPaths);
        Assert.Equal(1, _channel.TokenRequests);
        using HttpResponseMessage sent = await PostConnectorAsync("a:1", null, body["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
    }

    [Theory]
    [InlineData("wrong secret", 401, "invalid_client", 7000215)]
    [InlineData("no secret", 401, "invalid_client", 7000216)]
    [InlineData("wrong client id", 400, "unauthorized_client", 700016)]
    [InlineData("scope without /.default", 400, "invalid_scope", 1002012)]
    [InlineData("other resource", 400, "invalid_resource", 500011)]
    [InlineData("wrong grant", 400, "unsupported_grant_type", 70003)]
    [InlineData("unknown tenant", 400, "invalid_request", 90002)]
    [InlineData("single-tenant app at botframework.com", 400, "unauthorized_client", 700016)]
    public async Task TokenEndpoint_Refuses_WithAnAadstsError(string defect, int status, string error, int aadsts)
    {
        _channel.SingleTenant = defect.StartsWith("single-tenant", StringComparison.Ordinal);
        using HttpResponseMessage response = await RequestTokenAsync(
            directory: defect == "unknown tenant" ? "22222222-2222-2222-2222-222222222222" : "botframework.com",
            clientId: defect == "wrong client id" ? "99999999-9999-9999-9999-999999999999" : _channel.AppId,
            secret: defect switch { "wrong secret" => "not-the-secret", "no secret" => null, _ => _channel.AppPassword },
            scope: defect switch { "scope without /.default" => "https://api.botframework.com", "other resource" => "https://graph.microsoft.com/.default", _ => "https://api.botframework.com/.default" },
            grantType: defect == "wrong grant" ? "password" : "client_credentials");

        Assert.Equal(status, (int)response.StatusCode);
        JsonObject body = await ReadJsonAsync(response);
        Assert.Equal(error, body["error"]!.GetValue<string>());
        Assert.StartsWith($"AADSTS{aadsts}: ", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(aadsts, Assert.Single(body["error_codes"]!.AsArray())!.GetValue<int>());
        Assert.Equal(1, _channel.TokenRequests);
    }

    [Fact]
    public async Task Connector_RecordsRepliesAndSends_WithUnescapedIds()
    {
        const string ConversationId = "19:efa9296d959346209fea44151c742e73@thread.skype;messageid=1481567603816";
        const string ActivityId = "f:1485983408511";
        string token = _channel.IssueConnectorAccessToken();

        using HttpResponseMessage reply = await PostConnectorAsync(ConversationId, ActivityId, token, """{"type":"message","text":"**OpenAI** valuation"}""");
        _clock.Advance(TimeSpan.FromSeconds(3));
        using HttpResponseMessage send = await PostConnectorAsync(ConversationId, null, token, """{"type":"typing"}""");

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        string firstId = (await ReadJsonAsync(reply))["id"]!.GetValue<string>();
        string secondId = (await ReadJsonAsync(send))["id"]!.GetValue<string>();
        Assert.NotEqual(firstId, secondId);
        Assert.True(reply.Headers.Contains("X-Correlating-OperationId"));
        Assert.Collection(
            _channel.Replies,
            r =>
            {
                Assert.Equal((ConversationId, ActivityId), (r.ConversationId, r.ReplyToId));
                Assert.Equal("**OpenAI** valuation", r.Activity["text"]!.GetValue<string>());
                Assert.Equal("Bearer " + token, r.Authorization);
                Assert.Equal(Start, r.At);
            },
            r =>
            {
                Assert.Equal((ConversationId, (string?)null), (r.ConversationId, r.ReplyToId));
                Assert.Equal("typing", r.Activity["type"]!.GetValue<string>());
                Assert.Equal(Start.AddSeconds(3), r.At);
            });
        Assert.Equal(2, _channel.ReplyCount);
    }

    [Theory]
    [InlineData("no header")]
    [InlineData("unknown token")]
    [InlineData("channel token instead of a bot token")]
    [InlineData("wrong scheme")]
    [InlineData("expired")]
    public async Task Connector_WithoutAValidIssuedToken_Is401(string defect)
    {
        string issued = _channel.IssueConnectorAccessToken(TimeSpan.FromMinutes(10));
        if (defect == "expired")
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
        }

        using HttpRequestMessage request = new(HttpMethod.Post, ConnectorUrl("a:1", "1")) { Content = new StringContent("""{"type":"message"}""") };
        string? authorization = defect switch
        {
            "no header" => null,
            "unknown token" => "Bearer " + issued[..^4] + "AAAA",
            "channel token instead of a bot token" => "Bearer " + _channel.IssueChannelToken(_channel.ServiceUrl),
            "wrong scheme" => "bearer " + issued,
            _ => "Bearer " + issued,
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using HttpResponseMessage response = await _http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        JsonObject error = (await ReadJsonAsync(response))["error"]!.AsObject();
        Assert.Equal("Unauthorized", error["code"]!.GetValue<string>());
        Assert.Equal("Authorization has been denied for this request.", error["message"]!.GetValue<string>());
        Assert.Empty(_channel.Replies);
    }

    [Fact]
    public async Task FailNext_429WithRetryAfter_ThenTheRetrySucceeds()
    {
        string token = _channel.IssueConnectorAccessToken();
        _channel.FailNext(429, retryAfter: TimeSpan.FromSeconds(1));

        using HttpResponseMessage throttled = await PostConnectorAsync("a:1", "1", token);
        using HttpResponseMessage retried = await PostConnectorAsync("a:1", "1", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal("Throttled", (await ReadJsonAsync(throttled))["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(1, _channel.FailedRequests);
        Assert.Equal(1, _channel.ReplyCount);
        Assert.Single(_channel.Replies);
    }

    [Theory]
    [InlineData(412, "PreconditionFailed")]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(502, "ServiceError")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(504, "GatewayTimeout")]
    public async Task FailNext_ServesTheScriptedStatusCountTimes_AndRecordsNothing(int status, string code)
    {
        string token = _channel.IssueConnectorAccessToken();
        _channel.FailNext(status, count: 2);

        int[] statuses = new int[3];
        for (int i = 0; i < statuses.Length; i++)
        {
            using HttpResponseMessage response = await PostConnectorAsync("a:1", null, token);
            statuses[i] = (int)response.StatusCode;
            if (i == 0)
            {
                Assert.Equal(code, (await ReadJsonAsync(response))["error"]!["code"]!.GetValue<string>());
                Assert.Null(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([status, status, 201], statuses);
        Assert.Equal((2, 1), (_channel.FailedRequests, _channel.Replies.Count));
    }

    [Fact]
    public async Task WaitForReply_CompletesForPastAndFutureReplies_AndTimesOut()
    {
        string token = _channel.IssueConnectorAccessToken();
        using (await PostConnectorAsync("a:past", null, token))
        {
        }

        ConnectorRequest past = await _channel.WaitForReplyAsync();
        Task<ConnectorRequest> future = _channel.WaitForReplyAsync(r => r.ConversationId == "a:future");
        Task<IReadOnlyList<ConnectorRequest>> both = _channel.WaitForRepliesAsync(2);
        Assert.False(future.IsCompleted);
        using (await PostConnectorAsync("a:future", null, token))
        {
        }

        Assert.Equal("a:past", past.ConversationId);
        Assert.Equal("a:future", (await future).ConversationId);
        Assert.Equal(["a:past", "a:future"], (await both).Select(r => r.ConversationId));
        TimeoutException timeout = await Assert.ThrowsAsync<TimeoutException>(() => _channel.WaitForReplyAsync(r => r.ConversationId == "a:never", TimeSpan.FromMilliseconds(200)));
        Assert.Contains("2 replies recorded", timeout.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => _channel.WaitForRepliesAsync(3, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task RecordOff_OnlyCounts()
    {
        string token = _channel.IssueConnectorAccessToken();
        _channel.Record = false;

        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage response = await PostConnectorAsync("a:1", null, token);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        Assert.Equal(3, _channel.ReplyCount);
        Assert.Empty(_channel.Replies);
    }

    [Theory]
    [InlineData("channel", true)]
    [InlineData("groupChat", true)]
    [InlineData("personal", false)]
    public void TeamsActivities_Message_MentionsTheBotOutsidePersonalChats(string conversationType, bool mentioned)
    {
        JsonObject activity = TeamsActivities.Message(_channel.ServiceUrl, "valuation OpenAI", conversationType, appId: _channel.AppId, tenantId: _channel.TenantId);

        Assert.Equal("msteams", activity["channelId"]!.GetValue<string>());
        Assert.Equal(_channel.ServiceUrl, activity["serviceUrl"]!.GetValue<string>());
        Assert.Equal("28:" + _channel.AppId, activity["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(_channel.TenantId, activity["conversation"]!["tenantId"]!.GetValue<string>());
        Assert.Equal(_channel.TenantId, activity["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.NotNull(activity["from"]!["aadObjectId"]);
        JsonNode? mention = activity["entities"]!.AsArray().SingleOrDefault(e => e!["type"]!.GetValue<string>() == "mention");
        Assert.Equal(mentioned ? "<at>ChatBot</at> valuation OpenAI" : "valuation OpenAI", activity["text"]!.GetValue<string>());
        Assert.Equal(mentioned, mention is not null);
        if (mention is not null)
        {
            Assert.Equal(activity["recipient"]!["id"]!.GetValue<string>(), mention["mentioned"]!["id"]!.GetValue<string>());
            Assert.Equal("<at>ChatBot</at>", mention["text"]!.GetValue<string>());
        }

        Assert.NotEqual(activity["id"]!.GetValue<string>(), TeamsActivities.Message(_channel.ServiceUrl, "x")["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostActivity_SendsTheActivityAsJson_WithTheBearerTokenWhenGiven()
    {
        JsonObject activity = TeamsActivities.CardSubmit(_channel.ServiceUrl, "valuation OpenAI");
        Uri endpoint = ConnectorUrl(activity["conversation"]!["id"]!.GetValue<string>(), null);

        using HttpResponseMessage withToken = await TeamsActivities.PostActivityAsync(_http, endpoint, activity, _channel.IssueConnectorAccessToken(), Ct);
        using HttpResponseMessage withoutToken = await TeamsActivities.PostActivityAsync(_http, endpoint, activity, token: null, Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Unauthorized), (withToken.StatusCode, withoutToken.StatusCode));
        ConnectorRequest recorded = Assert.Single(_channel.Replies);
        Assert.Equal(TeamsActivities.DefaultPersonalConversationId, recorded.ConversationId);
        Assert.Equal("", recorded.Activity["text"]!.GetValue<string>());
        Assert.Equal("valuation OpenAI", recorded.Activity["value"]!["question"]!.GetValue<string>());
    }

    private async Task<TokenValidationResult> ValidateChannelTokenAsync(string token, JsonWebKeySet? keys = null, string issuer = "https://api.botframework.com")
    {
        keys ??= new JsonWebKeySet((await GetJsonAsync(_channel.JwksUrl)).ToJsonString());
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = _channel.AppId,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = RsaAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        });
    }

    private async Task<string[]> EndorsementsAsync(string kid)
    {
        JsonObject jwks = await GetJsonAsync(_channel.JwksUrl);
        JsonNode key = jwks["keys"]!.AsArray().Single(k => k!["kid"]!.GetValue<string>() == kid)!;
        return Strings(key["endorsements"]);
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(string directory, string clientId, string? secret, string scope = "https://api.botframework.com/.default", string grantType = "client_credentials")
    {
        Dictionary<string, string> form = new()
        {
            ["grant_type"] = grantType,
            ["client_id"] = clientId,
            ["scope"] = scope,
        };
        if (secret is not null)
        {
            form["client_secret"] = secret;
        }

        using FormUrlEncodedContent content = new(form);
        return await _http.PostAsync(new Uri(new Uri(_channel.BaseUrl), directory + "/oauth2/v2.0/token"), content, Ct);
    }

    private Uri ConnectorUrl(string conversationId, string? activityId) =>
        new(_channel.ServiceUrl + "v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities" + (activityId is null ? "" : "/" + Uri.EscapeDataString(activityId)));

    private async Task<HttpResponseMessage> PostConnectorAsync(string conversationId, string? activityId, string token, string body = """{"type":"message","text":"hi"}""")
    {
        using HttpRequestMessage request = new(HttpMethod.Post, ConnectorUrl(conversationId, activityId))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request, Ct);
    }

    private async Task<JsonObject> GetJsonAsync(string url) =>
        JsonNode.Parse(await _http.GetStringAsync(url, Ct))!.AsObject();

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];
}
