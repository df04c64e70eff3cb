using System.ComponentModel.DataAnnotations;
using ChatBot.Discord.Api.Interactions;

namespace ChatBot.Discord;

/// <summary>How the bot receives interactions.</summary>
public enum DiscordMode
{
    /// <summary>A gateway connection (WebSocket).</summary>
    Gateway,

    /// <summary>The "Interactions Endpoint URL": Discord POSTs signed interactions to <c>Discord:InteractionsPath</c>.</summary>
    Http,
}

/// <summary>The <c>Discord</c> section of the configuration. Validated on start when <see cref="Enabled"/>.</summary>
public sealed class DiscordOptions : IValidatableObject
{
    public const string Section = "Discord";

    /// <summary>Whether the Discord adapter runs. The default value is <c>false</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>Gateway or Http. The default value is <c>Gateway</c>.</summary>
    public DiscordMode Mode { get; set; } = DiscordMode.Gateway;

    public string ApplicationId { get; set; } = string.Empty;

    /// <summary>The application's Ed25519 public key (hex), for the HTTP interactions endpoint.</summary>
    public string PublicKey { get; set; } = string.Empty;

    /// <summary>The bot token: from the environment (<c>Discord__Token</c>) or user secrets only.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>The one base URL of the REST API. The default value is <c>https://discord.com/api</c>.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api";

    public IList<string> GuildIds { get; } = [];

    public int Intents { get; set; }

    public IList<int> ShardIds { get; } = [];

    public int ShardCount { get; set; }

    /// <summary>The path of the HTTP interactions endpoint. The default value is <c>/interactions</c>.</summary>
    public string InteractionsPath { get; set; } = "/interactions";

    /// <summary>How far a request's signature timestamp may be from now. The default value is 5 minutes.</summary>
    public TimeSpan SignatureTolerance { get; set; } = InteractionsEndpointOptions.DefaultTolerance;

    public IList<string> AdminRoleIds { get; } = [];

    public IList<string> AdminUserIds { get; } = [];

    public string NotificationChannelId { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!ulong.TryParse(ApplicationId, out _))
        {
            yield return new ValidationResult("Discord:ApplicationId must be the application's numeric id.", [nameof(ApplicationId)]);
        }

        if (Mode == DiscordMode.Http && !SignatureVerifier.IsValidPublicKey(PublicKey))
        {
            yield return new ValidationResult("Discord:PublicKey must be the application's public key (64 hex characters) in Http mode.", [nameof(PublicKey)]);
        }

        if (Mode == DiscordMode.Gateway && string.IsNullOrWhiteSpace(Token))
        {
            yield return new ValidationResult("Discord:Token is required in Gateway mode; set it in the environment (Discord__Token) or user secrets.", [nameof(Token)]);
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Discord:ApiBaseUrl must be an absolute URL.", [nameof(ApiBaseUrl)]);
        }

        if (!InteractionsPath.StartsWith('/'))
        {
            yield return new ValidationResult("Discord:InteractionsPath must start with '/'.", [nameof(InteractionsPath)]);
        }
    }
}
