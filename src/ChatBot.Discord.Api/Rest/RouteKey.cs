namespace ChatBot.Discord.Api.Rest;

/// <summary>
/// How Discord groups requests for rate limits: the route with ids replaced by <c>:id</c>, except the "major
/// parameter" (the top-level channel, guild or webhook id, and a webhook's token), which keeps its value.
/// </summary>
internal static class RouteKey
{
    /// <summary>The key a route's bucket is learned under, e.g. <c>POST /channels/123/messages</c>, <c>PUT /applications/:id/commands</c>.</summary>
    public static string For(HttpMethod method, string path)
    {
        string[] segments = path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        bool majorTop = segments.Length > 1 && segments[0] is "channels" or "guilds" or "webhooks";
        for (int i = 0; i < segments.Length; i++)
        {
            bool isMajor = majorTop && (i == 1 || (i == 2 && segments[0] == "webhooks"));
            if (isMajor)
            {
                continue;
            }

            if (IsSnowflake(segments[i]))
            {
                segments[i] = ":id";
            }
            else if (i > 0 && segments[i - 1] == ":id" && i >= 2 && segments[i - 2] is "interactions" or "webhooks")
            {
                segments[i] = ":token";
            }
        }

        return $"{method.Method} /{string.Join('/', segments)}";
    }

    /// <summary>The major parameter of a path (<c>channels/123</c>, <c>webhooks/9/token</c>), or empty.</summary>
    public static string Major(string path)
    {
        string[] segments = path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[0] is not ("channels" or "guilds" or "webhooks"))
        {
            return string.Empty;
        }

        return segments[0] == "webhooks" && segments.Length > 2 ? $"{segments[0]}/{segments[1]}/{segments[2]}" : $"{segments[0]}/{segments[1]}";
    }

    /// <summary>Interaction callbacks and interaction webhooks are not bound to the global limit.</summary>
    public static bool IsInteraction(string path) =>
        path.StartsWith("/interactions/", StringComparison.Ordinal) || path.StartsWith("/webhooks/", StringComparison.Ordinal);

    private static bool IsSnowflake(string segment) => segment.Length >= 5 && segment.All(char.IsAsciiDigit);
}
