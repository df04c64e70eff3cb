using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Teams.Api.Activities;
using ChatBot.Teams.Api.Connector;
using ChatBot.Teams.Cards;
using ChatBot.Teams.Conversations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Teams;

/// <summary>
/// Posts notifications and watch alerts into Teams conversations as Adaptive Cards, through the stored conversation
/// reference (the service URL it came in on, verified when it did). A conversation the bot never saw is skipped.
/// </summary>
public sealed class TeamsChannelMessenger(ConnectorClient connector, ConversationReferences references, IOptions<TeamsOptions> options, ILogger<TeamsChannelMessenger> logger) : IChannelMessenger
{
    public string Platform => "teams";

    public string? AdminPlace => options.Value.NotificationConversationId is { Length: > 0 } id ? id : null;

    public async Task<bool> SendAsync(string placeId, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (references.Find(placeId) is not { } reference)
        {
            logger.LogWarning("No conversation reference for Teams conversation {Conversation}: the bot must be installed there first", placeId);
            return false;
        }

        foreach (AdaptiveCard card in TeamsReplySender.Cards(reply))
        {
            Activity message = new()
            {
                Type = ActivityTypes.Message,
                From = new ChannelAccount { Id = reference.BotId, Name = reference.BotName },
                Conversation = new ConversationAccount { Id = reference.ConversationId },
                Locale = reply.Language == Language.Dutch ? "nl-NL" : "en-US",
                Summary = card.FallbackText.Length > 200 ? card.FallbackText[..200] : card.FallbackText,
                Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.Content }],
            };
            ConnectorResult result = await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, message, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                logger.LogWarning("Posting to Teams conversation {Conversation} failed: {Error}", placeId, result.Error);
                return false;
            }
        }

        return true;
    }
}
