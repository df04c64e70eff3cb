using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Discord.Api.Models;
using ChatBot.Discord.Api.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord;

/// <summary>Posts notifications and watch alerts into Discord channels as embeds, never pinging anyone.</summary>
public sealed class DiscordChannelMessenger(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<DiscordChannelMessenger> logger) : IChannelMessenger
{
    public string Platform => "discord";

    public string? AdminPlace => options.Value.NotificationChannelId is { Length: > 0 } id ? id : null;

    public async Task<bool> SendAsync(string placeId, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placeId);
        ArgumentNullException.ThrowIfNull(reply);
        string? channel = ChannelOf(placeId);
        if (channel is null)
        {
            return false;
        }

        RestResult<System.Text.Json.JsonElement> result = await rest.CreateMessageAsync(channel, new InteractionCallbackData
        {
            Embeds = EmbedRenderer.Render(reply),
            AllowedMentions = AllowedMentions.None,
        }, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            logger.LogWarning("Posting to Discord channel {Channel} failed: {Status}", channel, result.Status);
        }

        return result.IsSuccess;
    }

    /// <summary>The channel id of a place: <c>guild/channel</c>, <c>dm:channel</c> or a bare channel id.</summary>
    internal static string? ChannelOf(string placeId)
    {
        string id = placeId[(Math.Max(placeId.LastIndexOf('/'), placeId.LastIndexOf(':')) + 1)..];
        return ulong.TryParse(id, out _) ? id : null;
    }
}
