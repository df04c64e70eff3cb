using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Testing;
using ChatBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Teams.Tests;

/// <summary>The bot's Teams adapter end to end: real HTTPS, real JWTs and keys, the fake channel's connector.</summary>
public sealed class TeamsAdapterTests : IAsyncLifetime
{
    private FakeBotFrameworkChannel _channel = null!;
    private TeamsBotHost _bot = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync()
    {
        _channel = await FakeBotFrameworkChannel.StartAsync();
        _bot = await TeamsBotHost.StartAsync(_channel, Repository.ShippedSnapshot);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
    }

    private JsonObject Message(string text, string conversationType = "channel", string? conversationId = null, string locale = "en-US") =>
        TeamsActivities.Message(_channel.ServiceUrl, text, conversationType, conversationId, appId: _channel.AppId, tenantId: _channel.TenantId, locale: locale);

    private Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = "") =>
        TeamsActivities.PostActivityAsync(_http, _bot.Endpoint, activity, token == string.Empty ? _channel.IssueChannelToken(_channel.ServiceUrl) : token, TestContext.Current.CancellationToken);

    private static string Id(JsonObject activity) => (string)activity["id"]!;

    private static JsonObject Card(ConnectorRequest reply)
    {
        JsonObject attachment = reply.Activity["attachments"]!.AsArray().Single()!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        return attachment["content"]!.AsObject();
    }

    [Fact]
    public async Task ChannelMention_IsAnsweredWithACard_ToTheRightConversation_AsAReply()
    {
        JsonObject message = Message("valuation OpenAI", conversationId: "19:finance@thread.skype;messageid=1481567603816");

        using HttpResponseMessage response = await PostAsync(message);
        ConnectorRequest reply = await _channel.WaitForReplyAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("19:finance@thread.skype;messageid=1481567603816", reply.ConversationId);
        Assert.Equal(Id(message), reply.ReplyToId);
        Assert.Equal("message", (string?)reply.Activity["type"]);
        Assert.Equal("28:" + _channel.AppId, (string?)reply.Activity["from"]!["id"]);
        Assert.Null(reply.Activity["text"]);
        JsonObject card = Card(reply);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Contains("OpenAI", (string?)card["body"]![0]!["text"], StringComparison.Ordinal);
        Assert.Contains("$500 billion", (string?)card["fallbackText"], StringComparison.Ordinal);
        Assert.DoesNotContain(_channel.Replies, r => (string?)r.Activity["type"] == "typing");
    }

    [Fact]
    public async Task SlowAnswer_ShowsTyping_ThenTheCard()
    {
        await using TeamsBotHost slow = await TeamsBotHost.StartAsync(_channel, Repository.ShippedSnapshot, decorate: e => new SlowEngine(e, TimeSpan.FromMilliseconds(1500)));
        JsonObject message = Message("valuation OpenAI", conversationType: "personal");

        using HttpResponseMessage response = await TeamsActivities.PostActivityAsync(_http, slow.Endpoint, message, _channel.IssueChannelToken(_channel.ServiceUrl), TestContext.Current.CancellationToken);
        ConnectorRequest card = await _channel.WaitForReplyAsync(r => r.ReplyToId == Id(message));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ConnectorRequest typing = Assert.Single(_channel.Replies, r => (string?)r.Activity["type"] == "typing");
        Assert.Equal((string)message["conversation"]!["id"]!, typing.ConversationId);
        Assert.True(typing.At <= card.At, "typing comes before the answer");
    }

    /// <summary>The real engine, answering late (a cold start, a slow store).</summary>
    private sealed class SlowEngine(ChatBot.Core.Conversations.IChatBotEngine inner, TimeSpan delay) : ChatBot.Core.Conversations.IChatBotEngine
    {
        public async Task<ChatBot.Core.Replies.Reply> HandleAsync(ChatBot.Core.Conversations.Utterance utterance, ChatBot.Core.Conversations.Conversation conversation, CancellationToken cancellationToken = default)
        {
            await Task.Delay(delay, cancellationToken);
            return await inner.HandleAsync(utterance, conversation, cancellationToken);
        }

        public ChatBot.Core.Replies.Reply Preview(ChatBot.Core.Conversations.Utterance utterance, ChatBot.Core.Conversations.Language language) => inner.Preview(utterance, language);
    }

    [Fact]
    public async Task AConversationAtTeamsSendLimit_DoesNotHoldUpOtherConversations()
    {
        // Time stands still for the bot: the flooded conversation stays at its limit until the test moves the clock.
        FakeTimeProvider clock = new(TimeProvider.System.GetUtcNow());
        await using TeamsBotHost bot = await TeamsBotHost.StartAsync(_channel, Repository.ShippedSnapshot, time: clock);
        const int Flood = 2 * TeamsReplySender.Workers;
        for (int i = 0; i < Flood; i++)
        {
            using HttpResponseMessage accepted = await TeamsActivities.PostActivityAsync(_http, bot.Endpoint, Message("valuation OpenAI", "personal", "a:flooded"), _channel.IssueChannelToken(_channel.ServiceUrl), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        JsonObject other = Message("valuation Anthropic", "personal", "a:quiet");
        using HttpResponseMessage response = await TeamsActivities.PostActivityAsync(_http, bot.Endpoint, other, _channel.IssueChannelToken(_channel.ServiceUrl), TestContext.Current.CancellationToken);
        await _channel.WaitForReplyAsync(r => r.ReplyToId == Id(other), TimeSpan.FromSeconds(20));
        Assert.True(_channel.Replies.Count(r => r.ConversationId == "a:flooded") < Flood, "the quiet conversation was answered while the flooded one waited");

        // As time passes, every message of the flooded conversation is answered too, once.
        for (int step = 0; step < 600 && _channel.Replies.Count(r => r.ConversationId == "a:flooded") < Flood; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Equal(Flood, _channel.Replies.Count(r => r.ConversationId == "a:flooded"));
    }

    [Fact]
    public async Task UnderOverload_NewMessagesWaitForRoom_InsteadOfQueueingWithoutBound()
    {
        TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        GatedEngine? engine = null;
        await using TeamsBotHost stuck = await TeamsBotHost.StartAsync(_channel, Repository.ShippedSnapshot, decorate: e => engine = new GatedEngine(e, gate.Task));
        TeamsReplySender sender = stuck.Services.GetRequiredService<TeamsReplySender>();

        // A service URL never seen on an authenticated activity: the answers are refused without any HTTP.
        ChatBot.Teams.Api.Activities.Activity activity = new()
        {
            Type = "message",
            Id = "1",
            ServiceUrl = "https://smba.untrusted.example/",
            Conversation = new ChatBot.Teams.Api.Activities.ConversationAccount { Id = "a:overload" },
        };
        TeamsWork work = new(activity, ChatBot.Core.Conversations.Utterance.FromText("valuation OpenAI"), new ChatBot.Core.Conversations.Conversation("teams", "u", "a:overload", "en-US", false), Welcome: false);
        // First every worker takes a message and is stuck answering it; then the queue fills.
        for (int i = 0; i < TeamsReplySender.Workers; i++)
        {
            await sender.EnqueueAsync(work, TestContext.Current.CancellationToken);
        }

        while (engine!.Entered < TeamsReplySender.Workers)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        int accepted = 0;
        ValueTask waiting;
        while ((waiting = sender.EnqueueAsync(work, TestContext.Current.CancellationToken)).IsCompleted)
        {
            accepted++;
            Assert.True(accepted <= TeamsReplySender.MaxPending, "the queue has a bound");
        }

        Assert.Equal(TeamsReplySender.MaxPending, accepted);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted, "a message beyond the bound waits while nothing is answered");

        gate.SetResult();
        await waiting.AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    /// <summary>The real engine, answering only once the gate opens.</summary>
    private sealed class GatedEngine(ChatBot.Core.Conversations.IChatBotEngine inner, Task gate) : ChatBot.Core.Conversations.IChatBotEngine
    {
        private int _entered;

        public int Entered => Volatile.Read(ref _entered);

        public async Task<ChatBot.Core.Replies.Reply> HandleAsync(ChatBot.Core.Conversations.Utterance utterance, ChatBot.Core.Conversations.Conversation conversation, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _entered);
            await gate.WaitAsync(cancellationToken);
            return await inner.HandleAsync(utterance, conversation, cancellationToken);
        }

        public ChatBot.Core.Replies.Reply Preview(ChatBot.Core.Conversations.Utterance utterance, ChatBot.Core.Conversations.Language language) => inner.Preview(utterance, language);
    }

    [Fact]
    public async Task PersonalChat_WithoutMention_IsAnswered_InDutchForADutchLocale()
    {
        JsonObject message = Message("Hoeveel is OpenAI waard?", conversationType: "personal", locale: "nl-NL");

        using HttpResponseMessage response = await PostAsync(message);
        ConnectorRequest reply = await _channel.WaitForReplyAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("miljard dollar", (string?)Card(reply)["fallbackText"], StringComparison.Ordinal);
        Assert.Equal("nl-NL", (string?)reply.Activity["locale"]);
    }

    [Fact]
    public async Task CardSubmit_AnswersTheButtonsQuestion()
    {
        JsonObject submit = TeamsActivities.CardSubmit(_channel.ServiceUrl, "deals Amazon", appId: _channel.AppId, tenantId: _channel.TenantId);

        using HttpResponseMessage response = await PostAsync(submit);
        ConnectorRequest reply = await _channel.WaitForReplyAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Amazon", (string?)Card(reply)["body"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedeliveredActivity_IsAnsweredOnce()
    {
        JsonObject message = Message("deals Amazon");

        using HttpResponseMessage first = await PostAsync(message);
        using HttpResponseMessage again = await PostAsync(message);
        await _channel.WaitForReplyAsync();
        JsonObject marker = Message("valuation Anthropic");
        using HttpResponseMessage third = await PostAsync(marker);
        await _channel.WaitForReplyAsync(r => r.ReplyToId == Id(marker));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(_channel.Replies, r => r.ReplyToId == Id(message));
    }

    [Fact]
    public async Task BotAddedToATeam_PostsOneWelcome_WithExamplesAsButtons()
    {
        JsonObject added = TeamsActivities.BotAdded(_channel.ServiceUrl, "19:team@thread.skype", appId: _channel.AppId, tenantId: _channel.TenantId);

        using HttpResponseMessage response = await PostAsync(added);
        using HttpResponseMessage redelivered = await PostAsync(added);
        ConnectorRequest welcome = await _channel.WaitForReplyAsync();
        JsonObject marker = Message("valuation Anthropic");
        using HttpResponseMessage third = await PostAsync(marker);
        await _channel.WaitForReplyAsync(r => r.ReplyToId == Id(marker));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("19:team@thread.skype", welcome.ConversationId);
        Assert.Null(welcome.ReplyToId);
        Assert.Single(_channel.Replies, r => r.ConversationId == "19:team@thread.skype");
        JsonArray actions = Card(welcome)["actions"]!.AsArray();
        Assert.Contains(actions, a => (string?)a!["data"]!["question"] == "valuation OpenAI");
    }

    [Fact]
    public async Task BotAdded_WithoutAConversation_GetsNoWelcome_AndLeavesEveryWorkerAnswering()
    {
        // More such activities than the sender has workers: a worker that fell over on one would be gone for good.
        for (int i = 0; i < TeamsReplySender.Workers + 1; i++)
        {
            JsonObject added = TeamsActivities.BotAdded(_channel.ServiceUrl, appId: _channel.AppId, tenantId: _channel.TenantId);
            added.Remove("conversation");
            using HttpResponseMessage response = await PostAsync(added);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        JsonObject marker = Message("valuation Anthropic");
        using HttpResponseMessage answered = await PostAsync(marker);
        await _channel.WaitForReplyAsync(r => r.ReplyToId == Id(marker), TimeSpan.FromSeconds(10));

        Assert.DoesNotContain(_channel.Replies, r => r.ReplyToId is null);
    }

    [Fact]
    public async Task MessageExtensionSearch_ReturnsValuationCardsWithPreviews()
    {
        JsonObject query = TeamsActivities.ComposeExtensionQuery(_channel.ServiceUrl, TeamsBot.SearchCommandId, "company", "open", appId: _channel.AppId, tenantId: _channel.TenantId);

        using HttpResponseMessage response = await PostAsync(query);
        JsonObject body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonObject result = body["composeExtension"]!.AsObject();
        Assert.Equal("result", (string?)result["type"]);
        JsonArray attachments = result["attachments"]!.AsArray();
        Assert.InRange(attachments.Count, 1, TeamsBot.MaxSearchResults);
        JsonObject first = attachments[0]!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)first["contentType"]);
        Assert.Equal("OpenAI", (string?)first["preview"]!["content"]!["title"]);
        Assert.Equal("application/vnd.microsoft.card.thumbnail", (string?)first["preview"]!["contentType"]);
        Assert.Empty(_channel.Replies);
    }

    [Fact]
    public async Task MessageExtensionSearch_ForNothingKnown_SaysSo()
    {
        JsonObject query = TeamsActivities.ComposeExtensionQuery(_channel.ServiceUrl, TeamsBot.SearchCommandId, "company", "zzzzqqq", appId: _channel.AppId, tenantId: _channel.TenantId);

        using HttpResponseMessage response = await PostAsync(query);
        JsonObject body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

        Assert.Equal("message", (string?)body["composeExtension"]!["type"]);
        Assert.Contains("zzzzqqq", (string?)body["composeExtension"]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardAction_IsAnsweredWithACardInTheInvokeResponse()
    {
        JsonObject action = TeamsActivities.AdaptiveCardAction(_channel.ServiceUrl, new JsonObject { ["question"] = "valuation OpenAI" }, appId: _channel.AppId, tenantId: _channel.TenantId);

        using HttpResponseMessage response = await PostAsync(action);
        JsonObject body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
    }

    [Theory]
    [InlineData("composeExtension/fetchTask", HttpStatusCode.NotImplemented, "an invoke the bot does not handle: 501, as the SDKs answer")]
    [InlineData("task/fetch", HttpStatusCode.NotImplemented, "another unhandled invoke")]
    public async Task UnknownInvoke_Is501(string name, HttpStatusCode expected, string why)
    {
        JsonObject invoke = TeamsActivities.Typed(_channel.ServiceUrl, "invoke", appId: _channel.AppId, tenantId: _channel.TenantId);
        invoke["name"] = name;

        using HttpResponseMessage response = await PostAsync(invoke);

        Assert.True(response.StatusCode == expected, why);
    }

    [Theory]
    [InlineData("messageReaction", "reactions are ignored")]
    [InlineData("typing", "typing is ignored")]
    [InlineData("somethingNew", "unknown activity types are accepted and ignored")]
    public async Task OtherActivities_Get200AndNothingElse(string type, string why)
    {
        JsonObject activity = TeamsActivities.Typed(_channel.ServiceUrl, type, appId: _channel.AppId, tenantId: _channel.TenantId);

        using HttpResponseMessage response = await PostAsync(activity);
        JsonObject marker = Message("valuation Anthropic");
        using HttpResponseMessage third = await PostAsync(marker);
        await _channel.WaitForReplyAsync(r => r.ReplyToId == Id(marker));

        Assert.True(response.StatusCode == HttpStatusCode.OK, why);
        Assert.Single(_channel.Replies);
    }

    [Theory]
    [InlineData("{", "not JSON")]
    [InlineData("[1,2]", "JSON but not an object")]
    [InlineData("""{"text":"hi"}""", "no type")]
    [InlineData("""{"type":"","serviceUrl":"x"}""", "empty type")]
    [InlineData("""{"type":"message","text":"valuation OpenAI"}""", "no serviceUrl")]
    public async Task MalformedBody_WithAValidToken_Is400(string body, string why)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, _bot.Endpoint) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", _channel.IssueChannelToken(_channel.ServiceUrl));

        using HttpResponseMessage response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
    }

    [Fact]
    public async Task Get_Is405()
    {
        using HttpResponseMessage response = await _http.GetAsync(_bot.Endpoint, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    public static TheoryData<string, string> RefusedTokens() => new()
    {
        { "wrong-key", "signed by a key that is not in the channel's JWKS" },
        { "not-endorsed", "a key in the JWKS not endorsed for msteams" },
        { "wrong-audience", "issued for another bot" },
        { "no-audience", "no audience at all" },
        { "wrong-issuer", "an issuer we don't trust" },
        { "expired", "expired beyond the 5-minute skew" },
        { "future-nbf", "not valid until beyond the 5-minute skew" },
        { "alg-none", "unsigned: alg none" },
        { "tampered", "a forged signature" },
        { "hs256", "an algorithm other than RS256/384/512" },
        { "missing", "no Authorization header" },
        { "basic", "not a Bearer token" },
        { "bearer-lowercase", "the scheme is case-sensitive" },
        { "garbage", "not a JWT" },
        { "serviceurl-mismatch", "a serviceurl claim for another service URL" },
        { "serviceurl-missing", "a Bot Framework token without serviceurl" },
        { "entra-other-tenant", "an Entra token from a tenant that is not ours" },
        { "entra-wrong-audience", "an Entra token for another app" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task BadToken_Is401_AndNothingIsAnswered(string kind, string why)
    {
        JsonObject message = Message("valuation OpenAI");
        string service = _channel.ServiceUrl;
        DateTimeOffset now = DateTimeOffset.UtcNow;
        string? authorization = kind switch
        {
            "wrong-key" => Bearer(_channel.IssueChannelToken(service, new ChannelTokenOptions { Key = ChannelTokenKey.Unknown })),
            "not-endorsed" => Bearer(_channel.IssueChannelToken(service, new ChannelTokenOptions { Key = ChannelTokenKey.NotEndorsed })),
            "wrong-audience" => Bearer(_channel.IssueChannelToken(service, new ChannelTokenOptions { Audience = Guid.NewGuid().ToString() })),
            "no-audience" => Bearer(_channel.IssueChannelToken(service, new ChannelTokenOptions { Audience = string.Empty })),
            "wrong-issuer" => Bearer(_channel.IssueChannelToken(service, new ChannelTokenOptions { Issuer = "https://api.example.com" })),
            "expired" => Bearer(_channel.IssueChannelToken(service, new ChannelTokenOptions { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-6) })),
            "future-nbf" => Bearer(_channel.IssueChannelToken(service, new ChannelTokenOptions { NotBefore = now.AddMinutes(6), Expires = now.AddHours(1) })),
            "alg-none" => Bearer(_channel.IssueChannelToken(service, new ChannelTokenOptions { AlgNone = true })),
            "tampered" => Bearer(_channel.IssueChannelToken(service, new ChannelTokenOptions { TamperSignature = true })),
            "hs256" => Bearer(Hs256Token(service)),
            "missing" => null,
            "basic" => "Basic " + Convert.ToBase64String("user:pass"u8.ToArray()),
            "bearer-lowercase" => "bearer " + _channel.IssueChannelToken(service),
            "garbage" => "Bearer not.a.jwt",
            "serviceurl-mismatch" => Bearer(_channel.IssueChannelToken(service, new ChannelTokenOptions { ServiceUrlClaim = "https://evil.example.com/" })),
            "serviceurl-missing" => Bearer(_channel.IssueChannelToken(service, new ChannelTokenOptions { OmitServiceUrl = true })),
            "entra-other-tenant" => Bearer(_channel.IssueEntraToken(new EntraTokenOptions { TenantId = Guid.NewGuid().ToString(), Issuer = $"https://login.microsoftonline.com/{Guid.NewGuid()}/v2.0" })),
            "entra-wrong-audience" => Bearer(_channel.IssueEntraToken(new EntraTokenOptions { Audience = Guid.NewGuid().ToString() })),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        using HttpRequestMessage request = new(HttpMethod.Post, _bot.Endpoint) { Content = new StringContent(message.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using HttpResponseMessage response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonObject marker = Message("valuation Anthropic");
        using HttpResponseMessage control = await PostAsync(marker);
        await _channel.WaitForReplyAsync(r => r.ReplyToId == Id(marker));

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {response.StatusCode}");
        Assert.Empty(body);
        Assert.DoesNotContain(_channel.Replies, r => r.ReplyToId == Id(message));
    }

    [Theory]
    [InlineData("RS384", "RS384 is allowed")]
    [InlineData("RS512", "RS512 is allowed")]
    public async Task OtherRsaAlgorithms_AreAccepted(string algorithm, string why)
    {
        JsonObject message = Message("valuation OpenAI");

        using HttpResponseMessage response = await PostAsync(message, _channel.IssueChannelToken(_channel.ServiceUrl, new ChannelTokenOptions { Algorithm = algorithm }));
        await _channel.WaitForReplyAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, why);
    }

    [Fact]
    public async Task EntraIssuedToken_FromOurTenant_IsAccepted()
    {
        JsonObject message = Message("valuation OpenAI");

        using HttpResponseMessage response = await PostAsync(message, _channel.IssueEntraToken());
        ConnectorRequest reply = await _channel.WaitForReplyAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Id(message), reply.ReplyToId);
    }

    [Fact]
    public async Task Keys_AreFetchedOnce_AndRefreshedWhenTheChannelRotatesThem()
    {
        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage response = await PostAsync(Message("valuation OpenAI"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        int keysBefore = _channel.KeysRequests;
        _channel.RotateKeys();
        using HttpResponseMessage afterRotation = await PostAsync(Message("valuation OpenAI"));

        Assert.Equal(1, keysBefore);
        Assert.Equal(HttpStatusCode.OK, afterRotation.StatusCode);
        Assert.Equal(2, _channel.KeysRequests);
    }

    [Fact]
    public async Task UnknownKeyIds_RefreshTheKeysAtMostOnceAMinute()
    {
        using HttpResponseMessage warm = await PostAsync(Message("valuation OpenAI"));
        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage forged = await PostAsync(Message("valuation OpenAI"), _channel.IssueChannelToken(_channel.ServiceUrl, new ChannelTokenOptions { Key = ChannelTokenKey.Unknown }));
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        Assert.True(_channel.KeysRequests == 2, "one load, then one early refresh for all five unknown key ids");
    }

    [Fact]
    public async Task Replies_ReuseTheBotToken_AndSurviveOne429WithoutDuplicates()
    {
        _channel.FailNext(429, retryAfter: TimeSpan.FromSeconds(1));
        JsonObject first = Message("valuation OpenAI");
        JsonObject second = Message("deals Amazon");

        using HttpResponseMessage r1 = await PostAsync(first);
        ConnectorRequest reply1 = await _channel.WaitForReplyAsync(r => r.ReplyToId == Id(first));
        using HttpResponseMessage r2 = await PostAsync(second);
        await _channel.WaitForReplyAsync(r => r.ReplyToId == Id(second));

        Assert.Equal(1, _channel.FailedRequests);
        Assert.Single(_channel.Replies, r => r.ReplyToId == Id(first));
        Assert.Equal(1, _channel.TokenRequests);
        Assert.Equal([_channel.TenantId], _channel.TokenRequestPaths);
        Assert.StartsWith("Bearer ", reply1.Authorization, StringComparison.Ordinal);
    }

    private static string Bearer(string token) => "Bearer " + token;

    private string Hs256Token(string serviceUrl)
    {
        Microsoft.IdentityModel.Tokens.SymmetricSecurityKey key = new(new byte[32]) { KeyId = _channel.EndorsedKeyId };
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = FakeBotFrameworkChannel.BotFrameworkIssuer,
            Audience = _channel.AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(key, "HS256"),
        });
    }
}
