using System.ComponentModel.DataAnnotations;

namespace ChatBot.Teams;

/// <summary>Whose tenant the bot's app registration lives in.</summary>
public enum MicrosoftAppType
{
    /// <summary>The default for new bots: the app belongs to one tenant (<c>MicrosoftAppTenantId</c>).</summary>
    SingleTenant,

    /// <summary>The older kind: tokens come from the <c>botframework.com</c> authority.</summary>
    MultiTenant,
}

/// <summary>
/// The <c>Teams</c> section of the configuration; its key names mirror the Bot Framework SDKs'. Validated on
/// start when <see cref="Enabled"/>.
/// </summary>
public sealed class TeamsOptions : IValidatableObject
{
    public const string Section = "Teams";

    /// <summary>Whether the Teams adapter runs. The default value is <c>false</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The bot's Microsoft App ID (a GUID): the audience of the channel's tokens and our client id.</summary>
    public string MicrosoftAppId { get; set; } = string.Empty;

    /// <summary>The client secret: from the environment (<c>Teams__MicrosoftAppPassword</c>) or user secrets only.</summary>
    public string MicrosoftAppPassword { get; set; } = string.Empty;

    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.SingleTenant;

    /// <summary>The tenant of a single-tenant bot.</summary>
    public string MicrosoftAppTenantId { get; set; } = string.Empty;

    /// <summary>The messaging endpoint's path. The default value is <c>/api/messages</c>.</summary>
    public string MessagesPath { get; set; } = "/api/messages";

    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string ToBotFromChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Microsoft Entra ID's OpenID metadata, for Entra-issued channel tokens.</summary>
    public string ToBotFromEntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The authority of the bot's own token; <c>botframework.com</c> is replaced by the tenant for single-tenant bots.</summary>
    public string ToChannelFromBotLoginUrl { get; set; } = "https://login.microsoftonline.com/botframework.com";

    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";

    public IList<string> AdminAadObjectIds { get; } = [];

    public string NotificationConversationId { get; set; } = string.Empty;

    /// <summary>The bot's name in the app manifest and the welcome message. The default value is <c>ChatBot</c>.</summary>
    public string BotName { get; set; } = "ChatBot";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Guid.TryParse(MicrosoftAppId, out _))
        {
            yield return new ValidationResult("Teams:MicrosoftAppId must be the bot's Microsoft App ID (a GUID).", [nameof(MicrosoftAppId)]);
        }

        if (string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return new ValidationResult("Teams:MicrosoftAppPassword is required; set it in the environment (Teams__MicrosoftAppPassword) or user secrets.", [nameof(MicrosoftAppPassword)]);
        }

        if (MicrosoftAppType == MicrosoftAppType.SingleTenant && !Guid.TryParse(MicrosoftAppTenantId, out _))
        {
            yield return new ValidationResult("Teams:MicrosoftAppTenantId must be the tenant id (a GUID) of a SingleTenant bot.", [nameof(MicrosoftAppTenantId)]);
        }

        foreach ((string name, string value) in new[]
        {
            (nameof(ToBotFromChannelOpenIdMetadataUrl), ToBotFromChannelOpenIdMetadataUrl),
            (nameof(ToBotFromEntraOpenIdMetadataUrl), ToBotFromEntraOpenIdMetadataUrl),
            (nameof(ToChannelFromBotLoginUrl), ToChannelFromBotLoginUrl),
        })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? url) || url.Scheme != Uri.UriSchemeHttps)
            {
                yield return new ValidationResult($"Teams:{name} must be an absolute https URL.", [name]);
            }
        }

        if (!MessagesPath.StartsWith('/'))
        {
            yield return new ValidationResult("Teams:MessagesPath must start with '/'.", [nameof(MessagesPath)]);
        }
    }
}
