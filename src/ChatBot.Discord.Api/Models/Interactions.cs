using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Discord.Api.Models;

/// <summary>Interaction types (<c>interactions/receiving-and-responding</c>).</summary>
public static class InteractionType
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int ApplicationCommandAutocomplete = 4;
    public const int ModalSubmit = 5;
}

/// <summary>Interaction callback types.</summary>
public static class InteractionCallbackType
{
    public const int Pong = 1;
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int ApplicationCommandAutocompleteResult = 8;
}

/// <summary>Message flags an interaction response may set.</summary>
public static class MessageFlags
{
    public const int SuppressEmbeds = 1 << 2;
    public const int Ephemeral = 1 << 6;
}

/// <summary>An interaction, as the gateway's INTERACTION_CREATE or the HTTP endpoint's POST body carries it.</summary>
public sealed record Interaction
{
    public required string Id { get; init; }

    public string? ApplicationId { get; init; }

    public int Type { get; init; }

    public InteractionData? Data { get; init; }

    public string? GuildId { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>The invoking member, in guilds.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>The invoking user, in DMs.</summary>
    public User? User { get; init; }

    public string Token { get; init; } = string.Empty;

    public int Version { get; init; }

    /// <summary>The invoking user's client language (<c>en-US</c>, <c>nl</c>).</summary>
    public string? Locale { get; init; }

    public string? GuildLocale { get; init; }

    public string? AppPermissions { get; init; }

    /// <summary>The invoking user: <c>member.user</c> in guilds, else <c>user</c>.</summary>
    [JsonIgnore]
    public User? Invoker => Member?.User ?? User;
}

/// <summary>The command data of an application command or autocomplete interaction.</summary>
public sealed record InteractionData
{
    public string? Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public int Type { get; init; }

    public IReadOnlyList<InteractionOption> Options { get; init => field = value ?? []; } = [];

    /// <summary>The developer-defined id of the clicked component (message component interactions).</summary>
    public string? CustomId { get; init; }

    /// <summary>The component's type (2: button), for message component interactions.</summary>
    public int? ComponentType { get; init; }
}

/// <summary>An option value; <c>value</c> and <c>options</c> are mutually exclusive (sub-commands nest).</summary>
public sealed record InteractionOption
{
    public string Name { get; init; } = string.Empty;

    public int Type { get; init; }

    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionOption> Options { get; init => field = value ?? []; } = [];

    /// <summary>True on the option being typed, in an autocomplete interaction.</summary>
    public bool Focused { get; init; }

    /// <summary>The value as text, whatever its JSON type.</summary>
    [JsonIgnore]
    public string? Text => Value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { } v => v.GetRawText(),
    };
}

public sealed record User
{
    public required string Id { get; init; }

    public string? Username { get; init; }

    public string? GlobalName { get; init; }

    public bool? Bot { get; init; }
}

public sealed record GuildMember
{
    public User? User { get; init; }

    public IReadOnlyList<string> Roles { get; init => field = value ?? []; } = [];

    /// <summary>The member's permissions in the channel, as a decimal string bitset.</summary>
    public string? Permissions { get; init; }
}

/// <summary>The response to an interaction: <c>{"type": …, "data": …}</c>.</summary>
public sealed record InteractionResponse(int Type, InteractionCallbackData? Data = null)
{
    public static InteractionResponse Pong { get; } = new(InteractionCallbackType.Pong);
}

/// <summary>Message data of a response, or autocomplete choices.</summary>
public sealed record InteractionCallbackData
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public int? Flags { get; init; }

    public IReadOnlyList<CommandChoice>? Choices { get; init; }

    /// <summary>Message components: action rows of buttons.</summary>
    public IReadOnlyList<MessageComponent>? Components { get; init; }
}

/// <summary>
/// A message component: an action row (type 1) holding buttons (type 2). A secondary button (style 2) sends a
/// message component interaction with its <c>custom_id</c>.
/// </summary>
public sealed record MessageComponent
{
    public const int ActionRow = 1;
    public const int Button = 2;
    public const int PrimaryStyle = 1;
    public const int SecondaryStyle = 2;

    /// <summary>The most buttons an action row holds.</summary>
    public const int ButtonsPerRow = 5;

    /// <summary>The longest <c>custom_id</c> Discord accepts.</summary>
    public const int MaxCustomIdLength = 100;

    /// <summary>The longest button label Discord accepts.</summary>
    public const int MaxLabelLength = 80;

    public int Type { get; init; }

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public IReadOnlyList<MessageComponent>? Components { get; init; }
}

/// <summary>Which mentions may ping. <c>{"parse": []}</c>: none, whatever the text says.</summary>
public sealed record AllowedMentions
{
    public static AllowedMentions None { get; } = new();

    public IReadOnlyList<string> Parse { get; init => field = value ?? []; } = [];
}

/// <summary>A rich embed. Limits are in <see cref="EmbedLimits"/>.</summary>
public sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public int? Color { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }

    public EmbedFooter? Footer { get; init; }
}

public sealed record EmbedField(string Name, string Value, bool Inline = false);

public sealed record EmbedFooter(string Text);

/// <summary>Embed and message limits (<c>resources/message</c>); a message over any of them is refused with 400.</summary>
public static class EmbedLimits
{
    public const int Title = 256;
    public const int Description = 4096;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Footer = 2048;
    public const int TotalCharacters = 6000;
    public const int EmbedsPerMessage = 10;
    public const int Content = 2000;
}

/// <summary>An application command choice (autocomplete result or fixed choice).</summary>
public sealed record CommandChoice(string Name, string Value)
{
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }
}

/// <summary>An application command definition, as bulk-overwritten at start-up.</summary>
public sealed record ApplicationCommand
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public int Type { get; init; } = 1;

    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    public IReadOnlyList<ApplicationCommandOption> Options { get; init => field = value ?? []; } = [];

    /// <summary>A decimal string bitset of permissions needed to see the command; null for everyone.</summary>
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>0 guild, 1 bot DM, 2 private channel.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }
}

/// <summary>An option of an application command.</summary>
public sealed record ApplicationCommandOption
{
    public const int SubCommandType = 1;
    public const int StringType = 3;
    public const int IntegerType = 4;

    public int Type { get; init; } = StringType;

    public required string Name { get; init; }

    public required string Description { get; init; }

    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }

    public bool Required { get; init; }

    public bool Autocomplete { get; init; }

    public IReadOnlyList<CommandChoice>? Choices { get; init; }

    /// <summary>A sub-command's own options.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>The smallest value of an integer option.</summary>
    public int? MinValue { get; init; }
}

/// <summary>
/// The JSON conventions of the Discord API: snake_case names, nulls left out; source-generated for the hot path.
/// Lists missing from a payload read as empty, never null.
/// </summary>
public static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(DiscordJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(InteractionCallbackData))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(ApplicationCommand[]))]
[JsonSerializable(typeof(IReadOnlyList<Embed>))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
