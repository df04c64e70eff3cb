using ChatBot.Core.Replies;

namespace ChatBot.Core.Conversations;

/// <summary>
/// Posts a reply into a channel or conversation the bot is in, unprompted (admin notifications, watch alerts).
/// Each chat adapter provides one; places are named as the adapter names them in <see cref="Conversation.PlaceId"/>.
/// </summary>
public interface IChannelMessenger
{
    /// <summary>The platform, as in <see cref="Conversation.Platform"/>: <c>discord</c>, <c>teams</c>.</summary>
    string Platform { get; }

    /// <summary>The configured admin channel or conversation, if any.</summary>
    string? AdminPlace { get; }

    /// <summary>Posts the reply; false when the platform refused it or the place is unknown.</summary>
    Task<bool> SendAsync(string placeId, Reply reply, CancellationToken cancellationToken);
}
