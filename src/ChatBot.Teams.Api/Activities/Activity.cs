using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Teams.Api.Activities;

/// <summary>The activity types the Bot Framework defines that a bot may act on; compare ordinally.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
}

/// <summary>
/// A Bot Framework activity as it travels on the wire (botframework-activity spec). Unknown fields are ignored on
/// read; null fields are left out on write. The same type carries incoming activities and the bot's replies.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Timestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? ReplyToId { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? Summary { get; set; }

    public string? AttachmentLayout { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public List<Entity>? Entities { get; set; }

    public JsonElement? ChannelData { get; set; }

    /// <summary>The invoke's name (<c>composeExtension/query</c>, <c>adaptiveCard/action</c>).</summary>
    public string? Name { get; set; }

    /// <summary>An invoke's payload, or the data of an <c>Action.Submit</c> card button.</summary>
    public JsonElement? Value { get; set; }

    /// <summary><c>add</c> or <c>remove</c> on <c>installationUpdate</c>.</summary>
    public string? Action { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Whether this is an activity of the given type (ordinal comparison, as the spec requires).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.Ordinal);
}

/// <summary>A user or bot: Teams user ids look like <c>29:…</c>, the bot's like <c>28:&lt;app id&gt;</c>.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }
}

/// <summary>A conversation: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? ConversationType { get; set; }

    public bool? IsGroup { get; set; }

    public string? TenantId { get; set; }
}

/// <summary>An entity attached to an activity; only mentions are read here, other kinds are ignored.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    public ChannelAccount? Mentioned { get; set; }

    public string? Text { get; set; }
}

/// <summary>An attachment: a card (<see cref="Content"/>) with its content type, and for message-extension results a preview.</summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }

    public JsonElement? Content { get; set; }

    public Attachment? Preview { get; set; }
}

/// <summary>The <c>id</c> the connector returns for a posted activity.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

/// <summary>Source-generated JSON for the wire types: camelCase, nulls left out, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class BotFrameworkJsonContext : JsonSerializerContext;

/// <summary>The token endpoint's answer to a client-credentials request.</summary>
internal sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }
}

/// <summary>Reading and writing activities.</summary>
public static class BotFrameworkJson
{
    /// <summary>Parses an activity; null when the body is not a JSON object or has no <c>type</c>.</summary>
    public static Activity? ReadActivity(ReadOnlySpan<byte> utf8)
    {
        try
        {
            Activity? activity = JsonSerializer.Deserialize(utf8, BotFrameworkJsonContext.Default.Activity);
            return string.IsNullOrEmpty(activity?.Type) ? null : activity;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static byte[] Write(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, BotFrameworkJsonContext.Default.Activity);

    internal static JsonSerializerContext Context => BotFrameworkJsonContext.Default;
}
