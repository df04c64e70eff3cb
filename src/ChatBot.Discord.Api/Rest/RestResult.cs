using System.Net;

namespace ChatBot.Discord.Api.Rest;

/// <summary>A Discord API error body: <c>{"code": 50035, "message": "Invalid Form Body"}</c>.</summary>
public sealed record DiscordError(int Code, string Message);

/// <summary>The outcome of a REST call: the value, or the status and error. Never an exception for an API error.</summary>
public sealed record RestResult<T>(HttpStatusCode Status, T? Value, DiscordError? Error = null)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
