using System.Text.Json;
using ChatBot.Teams.Api.Activities;
using ChatBot.Teams.Api.Authentication;

namespace ChatBot.Teams.Api.Hosting;

/// <summary>The HTTP answer to an invoke activity: a status and an optional JSON body.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null)
{
    /// <summary>An invoke nobody handles, as the Bot Framework SDKs answer it.</summary>
    public static InvokeResponse NotImplemented { get; } = new(501);
}

/// <summary>
/// Receives authenticated activities. It must return quickly: the channel re-delivers an activity not acknowledged
/// within 15 seconds (5 for message-extension queries), so messages are answered asynchronously; only invokes are
/// answered in the HTTP response.
/// </summary>
public interface IActivityHandler
{
    /// <summary>Handles one activity; the result is the invoke response, or null for a plain 200.</summary>
    ValueTask<InvokeResponse?> OnActivityAsync(Activity activity, AuthenticationResult authentication, CancellationToken cancellationToken);
}
