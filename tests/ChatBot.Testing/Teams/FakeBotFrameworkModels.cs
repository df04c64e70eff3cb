using System.Text.Json.Nodes;

namespace ChatBot.Testing.Teams;

/// <summary>
/// A connector call the fake accepted: <c>POST v3/conversations/{ConversationId}/activities[/{ReplyToId}]</c>.
/// <paramref name="ConversationId"/> and <paramref name="ReplyToId"/> are the unescaped path segments;
/// <paramref name="ReplyToId"/> is <c>null</c> for send-to-conversation. <paramref name="At"/> is the fake's clock.
/// </summary>
public sealed record ConnectorRequest(string ConversationId, string? ReplyToId, JsonObject Activity, string Authorization, DateTimeOffset At);

/// <summary>Which key signs a channel token.</summary>
public enum ChannelTokenKey
{
    /// <summary>The key in the Bot Framework JWKS endorsed for <c>msteams</c>.</summary>
    Endorsed,

    /// <summary>A key in the Bot Framework JWKS whose endorsements do not include <c>msteams</c> (only <c>webchat</c>).</summary>
    NotEndorsed,

    /// <summary>A key that is in no JWKS the fake serves, with a <c>kid</c> nobody publishes.</summary>
    Unknown,

    /// <summary>The tenant's Entra signing key: published in the Entra JWKS, not in the Bot Framework one.</summary>
    Entra,
}

/// <summary>How <see cref="FakeBotFrameworkChannel.IssueChannelToken"/> deviates from a real channel token. Defaults give a valid one.</summary>
public sealed record ChannelTokenOptions
{
    /// <summary>The <c>aud</c> claim; <c>null</c> means the bot's App ID, an empty string leaves the claim out.</summary>
    public string? Audience { get; init; }

    /// <summary>The <c>iss</c> claim; <c>null</c> means <c>https://api.botframework.com</c>.</summary>
    public string? Issuer { get; init; }

    public ChannelTokenKey Key { get; init; } = ChannelTokenKey.Endorsed;

    /// <summary><c>RS256</c> (what Bot Framework uses), <c>RS384</c> or <c>RS512</c>.</summary>
    public string Algorithm { get; init; } = "RS256";

    /// <summary>The <c>nbf</c> claim; <c>null</c> means five minutes before now, or an hour before <see cref="Expires"/> when that is set.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The <c>exp</c> claim; <c>null</c> means an hour after <c>nbf</c> (real tokens: <c>exp - nbf = 3600</c>).</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Leaves the <c>serviceurl</c> claim out.</summary>
    public bool OmitServiceUrl { get; init; }

    /// <summary>A <c>serviceurl</c> claim value other than the service URL the token is issued for.</summary>
    public string? ServiceUrlClaim { get; init; }

    /// <summary>An unsigned token: header <c>{"alg":"none","typ":"JWT"}</c> and an empty signature segment.</summary>
    public bool AlgNone { get; init; }

    /// <summary>Flips a bit of the signature.</summary>
    public bool TamperSignature { get; init; }

    /// <summary>More payload claims (strings, numbers, booleans); they win over the defaults.</summary>
    public IReadOnlyDictionary<string, object>? ExtraClaims { get; init; }
}

/// <summary>How <see cref="FakeBotFrameworkChannel.IssueEntraToken"/> builds an Entra ID (v2) token for the bot. Defaults give a valid one.</summary>
public sealed record EntraTokenOptions
{
    /// <summary>The <c>aud</c> claim; <c>null</c> means the bot's App ID.</summary>
    public string? Audience { get; init; }

    /// <summary>The <c>iss</c> claim; <c>null</c> means <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string? Issuer { get; init; }

    /// <summary>The <c>tid</c> claim; <c>null</c> means the fake's tenant.</summary>
    public string? TenantId { get; init; }

    /// <summary>The <c>azp</c> claim (the calling client); <c>null</c> means <see cref="FakeBotFrameworkChannel.ChannelClientId"/>.</summary>
    public string? AuthorizedParty { get; init; }

    /// <summary>The <c>ver</c> claim.</summary>
    public string Version { get; init; } = "2.0";

    /// <summary>A <c>serviceurl</c> claim; <c>null</c> leaves it out (Entra tokens need not carry one).</summary>
    public string? ServiceUrl { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? Expires { get; init; }

    /// <summary>Flips a bit of the signature.</summary>
    public bool TamperSignature { get; init; }

    /// <summary>More payload claims; they win over the defaults.</summary>
    public IReadOnlyDictionary<string, object>? ExtraClaims { get; init; }
}
