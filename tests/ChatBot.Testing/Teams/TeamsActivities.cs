using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Mime;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatBot.Testing.Teams;

/// <summary>
/// Activities as Microsoft Teams posts them to a bot's messaging endpoint (shapes from the example payloads in
/// /work/shared/protocols/teams-payloads/): <c>channelId</c> <c>msteams</c>, <c>from</c> with <c>aadObjectId</c>,
/// <c>recipient</c> <c>28:{appId}</c>, <c>conversation</c> with <c>tenantId</c>, <c>channelData.tenant.id</c>.
/// Ids are unique per call unless given.
/// </summary>
public static class TeamsActivities
{
    /// <summary>The bot's Microsoft App ID the builders use when none is given (<see cref="FakeBotFrameworkChannel"/>'s default).</summary>
    public const string DefaultAppId = "00000000-c0de-4b07-9e11-7ea5b07ea5b0";

    /// <summary>The tenant the builders use when none is given (<see cref="FakeBotFrameworkChannel"/>'s default).</summary>
    public const string DefaultTenantId = "11111111-7e57-4e57-8e57-7e57e57e57e5";

    public const string DefaultBotName = "ChatBot";
    public const string DefaultUserId = "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw";
    public const string DefaultUserName = "Megan Bowen";
    public const string DefaultUserAadObjectId = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8";
    public const string DefaultTeamId = "19:efa9296d959346209fea44151c742e73@thread.skype";
    public const string DefaultChannelConversationId = "19:efa9296d959346209fea44151c742e73@thread.skype;messageid=1481567603816";
    public const string DefaultPersonalConversationId = "a:17I0kl9EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-";
    public const string DefaultGroupChatConversationId = "19:meeting_N2QzYTA3YmItYmMwOC00OTJmLThkYzMtZWMzZGU0NGIyZGI0@thread.v2";

    private static readonly DateTimeOffset DefaultTimestamp = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
    private static long _sequence = 1_700_000_000_000;

    /// <summary>
    /// A <c>message</c>. In <c>channel</c> and <c>groupChat</c> conversations with <paramref name="mentionBot"/> the text starts with
    /// <c>&lt;at&gt;{botName}&lt;/at&gt; </c> and <c>entities</c> holds the mention of the recipient; <c>personal</c> ones have no mention.
    /// </summary>
    public static JsonObject Message(
        string serviceUrl,
        string text,
        string conversationType = "channel",
        string? conversationId = null,
        string? activityId = null,
        string? botId = null,
        string botName = DefaultBotName,
        bool mentionBot = true,
        string locale = "en-US",
        string userId = DefaultUserId,
        string userName = DefaultUserName,
        string tenantId = DefaultTenantId,
        string appId = DefaultAppId,
        DateTimeOffset? timestamp = null)
    {
        botId ??= "28:" + appId;
        bool mention = mentionBot && conversationType != "personal";
        JsonObject activity = Base("message", serviceUrl, conversationType, conversationId, activityId, botId, botName, userId, userName, tenantId, timestamp);
        activity["textFormat"] = "plain";
        string atBot = $"<at>{botName}</at>";
        activity["text"] = mention ? $"{atBot} {text}" : text;
        activity["locale"] = locale;
        JsonArray entities = [];
        if (mention)
        {
            entities.Add(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = botId, ["name"] = botName },
                ["text"] = atBot,
            });
        }

        entities.Add(new JsonObject
        {
            ["locale"] = locale,
            ["country"] = "US",
            ["platform"] = "Web",
            ["timezone"] = "America/Los_Angeles",
            ["type"] = "clientInfo",
        });
        activity["entities"] = entities;
        return activity;
    }

    /// <summary>An Adaptive Card <c>Action.Submit</c>: a <c>message</c> with empty text and <c>value</c> = <c>{"question": …}</c> plus <paramref name="extraValues"/>.</summary>
    public static JsonObject CardSubmit(
        string serviceUrl,
        string question,
        string conversationType = "personal",
        string? conversationId = null,
        string? activityId = null,
        string? replyToId = null,
        IReadOnlyDictionary<string, string>? extraValues = null,
        string tenantId = DefaultTenantId,
        string appId = DefaultAppId)
    {
        JsonObject activity = Base("message", serviceUrl, conversationType, conversationId, activityId, "28:" + appId, DefaultBotName, DefaultUserId, DefaultUserName, tenantId, null);
        activity["text"] = "";
        activity["replyToId"] = replyToId ?? NextId();
        JsonObject value = new() { ["question"] = question };
        foreach ((string name, string v) in extraValues ?? new Dictionary<string, string>())
        {
            value[name] = v;
        }

        activity["value"] = value;
        activity["locale"] = "en-US";
        return activity;
    }

    /// <summary>
    /// The bot added to a team: <c>conversationUpdate</c> with <c>membersAdded</c> = the bot, <c>channelData.eventType</c>
    /// <c>teamMemberAdded</c> and <c>channelData.team</c>, in the team's General channel.
    /// </summary>
    public static JsonObject BotAdded(
        string serviceUrl,
        string conversationId = DefaultTeamId,
        string? activityId = null,
        string tenantId = DefaultTenantId,
        string appId = DefaultAppId,
        string botName = DefaultBotName)
    {
        string botId = "28:" + appId;
        JsonObject activity = Base("conversationUpdate", serviceUrl, "channel", conversationId, activityId ?? "f:" + NextId(), botId, botName, DefaultUserId, DefaultUserName, tenantId, null);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = botId });
        JsonObject channelData = activity["channelData"]!.AsObject();
        channelData["team"] = new JsonObject { ["id"] = conversationId, ["name"] = "Finance" };
        channelData["eventType"] = "teamMemberAdded";
        return activity;
    }

    /// <summary>A message-extension search: <c>invoke</c> <c>composeExtension/query</c> with one parameter (and <c>initialRun</c> when <paramref name="initialRun"/>).</summary>
    public static JsonObject ComposeExtensionQuery(
        string serviceUrl,
        string commandId,
        string parameterName,
        string value,
        bool initialRun = false,
        string? conversationId = null,
        string tenantId = DefaultTenantId,
        string appId = DefaultAppId)
    {
        JsonObject activity = Base("invoke", serviceUrl, "personal", conversationId, "f:" + NextId(), "28:" + appId, DefaultBotName, DefaultUserId, DefaultUserName, tenantId, null);
        activity["name"] = "composeExtension/query";
        JsonArray parameters = [new JsonObject { ["name"] = parameterName, ["value"] = value }];
        if (initialRun)
        {
            parameters.Add(new JsonObject { ["name"] = "initialRun", ["value"] = "true" });
        }

        activity["value"] = new JsonObject
        {
            ["commandId"] = commandId,
            ["parameters"] = parameters,
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        };
        activity["locale"] = "en-US";
        return activity;
    }

    /// <summary>An Adaptive Card <c>Action.Execute</c>: <c>invoke</c> <c>adaptiveCard/action</c> with <c>value.action</c> = <c>{type, verb, data}</c>.</summary>
    public static JsonObject AdaptiveCardAction(
        string serviceUrl,
        JsonObject data,
        string verb = "ask",
        string conversationType = "personal",
        string? conversationId = null,
        string? replyToId = null,
        string tenantId = DefaultTenantId,
        string appId = DefaultAppId)
    {
        JsonObject activity = Base("invoke", serviceUrl, conversationType, conversationId, "f:" + NextId(), "28:" + appId, DefaultBotName, DefaultUserId, DefaultUserName, tenantId, null);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId ?? NextId();
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        activity["locale"] = "en-US";
        return activity;
    }

    /// <summary>Any other activity type (<c>typing</c>, <c>messageReaction</c>, <c>installationUpdate</c>, an unknown one …) with the common fields only.</summary>
    public static JsonObject Typed(
        string serviceUrl,
        string type,
        string conversationType = "personal",
        string? conversationId = null,
        string tenantId = DefaultTenantId,
        string appId = DefaultAppId) =>
        Base(type, serviceUrl, conversationType, conversationId, null, "28:" + appId, DefaultBotName, DefaultUserId, DefaultUserName, tenantId, null);

    /// <summary>POSTs <paramref name="activity"/> as JSON to a bot's messaging endpoint, with <c>Authorization: Bearer {token}</c> when <paramref name="token"/> is not null.</summary>
    public static async Task<HttpResponseMessage> PostActivityAsync(HttpClient client, Uri endpoint, JsonObject activity, string? token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(activity);
        using HttpRequestMessage request = new(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, MediaTypeNames.Application.Json),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, cancellationToken);
    }

    private static JsonObject Base(
        string type,
        string serviceUrl,
        string conversationType,
        string? conversationId,
        string? activityId,
        string botId,
        string botName,
        string userId,
        string userName,
        string tenantId,
        DateTimeOffset? timestamp)
    {
        DateTimeOffset at = timestamp ?? DefaultTimestamp;
        JsonObject conversation = new()
        {
            ["conversationType"] = conversationType,
            ["tenantId"] = tenantId,
            ["id"] = conversationId ?? conversationType switch
            {
                "channel" => DefaultChannelConversationId,
                "groupChat" => DefaultGroupChatConversationId,
                _ => DefaultPersonalConversationId,
            },
        };
        if (conversationType != "personal")
        {
            conversation["isGroup"] = true;
        }

        JsonObject channelData = new() { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        if (conversationType == "channel")
        {
            channelData["team"] = new JsonObject { ["id"] = DefaultTeamId, ["name"] = "Finance", ["aadGroupId"] = "02ce3874-dd86-41ba-bddc-013f34019978" };
            channelData["channel"] = new JsonObject { ["id"] = DefaultTeamId, ["name"] = "General" };
        }

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = activityId ?? NextId(),
            ["timestamp"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["localTimestamp"] = at.ToOffset(TimeSpan.FromHours(-7)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = userName, ["aadObjectId"] = DefaultUserAadObjectId },
            ["conversation"] = conversation,
            ["recipient"] = new JsonObject { ["id"] = botId, ["name"] = botName },
            ["channelData"] = channelData,
        };
    }

    private static string NextId() => Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
}
