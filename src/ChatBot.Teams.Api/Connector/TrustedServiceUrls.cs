using System.Collections.Concurrent;

namespace ChatBot.Teams.Api.Connector;

/// <summary>
/// The service URLs the bot may send its token to: only those that came in on authenticated activities (or were
/// stored from one). Anything else is refused before a request is made.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _urls = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        _urls.TryAdd(Normalize(serviceUrl), 0);
    }

    public bool IsTrusted(string serviceUrl) => !string.IsNullOrWhiteSpace(serviceUrl) && _urls.ContainsKey(Normalize(serviceUrl));

    private static string Normalize(string serviceUrl) => serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
}
