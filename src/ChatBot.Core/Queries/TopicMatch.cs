using System.Collections.Immutable;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Queries;

/// <summary>
/// How well an event matches the topic words of a question ("michigan", "series g", "sora"): the share of the words
/// its summaries, note, round name, participants and companies contain, comparing word stems. Pure.
/// </summary>
public static class TopicMatch
{
    /// <summary>
    /// The share of topic words the event contains, 0 to 1; 1 when there are none. A word found only in the event's
    /// note counts half: the summary says what the event is about, the note what surrounds it.
    /// </summary>
    public static double Score(KnowledgeEvent e, ImmutableArray<string> topic, KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (topic.IsDefaultOrEmpty)
        {
            return 1;
        }

        HashSet<string> main = [.. Words(Main(e, snapshot)).Select(Stem)];
        HashSet<string> note = [.. Words([e.Note ?? string.Empty]).Select(Stem)];
        double matched = 0;
        foreach (string typed in topic)
        {
            string term = Fold(typed);
            if (term.StartsWith("series ", StringComparison.Ordinal))
            {
                matched += e.Round?.Name is { } name && string.Equals(Fold(name), term, StringComparison.Ordinal) ? 1 : 0;
                continue;
            }

            matched += Contains(main, term) ? 1 : Contains(note, term) ? 0.5 : 0;
        }

        return matched / topic.Length;
    }

    private static bool Contains(HashSet<string> stems, string term) =>
        stems.Contains(Stem(term)) || (Synonyms.TryGetValue(term, out string[]? others) && others.Any(o => stems.Contains(Stem(o))));

    /// <summary>Words users type for what curators write differently: an "option" is "the right to buy".</summary>
    private static readonly Dictionary<string, string[]> Synonyms = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["option"] = ["right"],
        ["options"] = ["right"],
        ["optie"] = ["recht"],
        ["license"] = ["licence", "licensed"],
        ["licence"] = ["license", "licensed"],
        ["shares"] = ["share", "stock", "stake"],
        ["aandelen"] = ["aandeel", "belang"],
    }.ToDictionary(StringComparer.Ordinal);

    private static IEnumerable<string> Main(KnowledgeEvent e, KnowledgeSnapshot snapshot) =>
    [
        e.Summary, e.SummaryNl ?? string.Empty, e.Round?.Name ?? string.Empty, string.Join(' ', e.Others),
        string.Join(' ', e.Parties.Select(p => snapshot.FindCompany(p.CompanyId)?.Name ?? p.CompanyId)),
        string.Join(' ', e.Quantities.Select(q => q.Unit)),
    ];

    private static IEnumerable<string> Words(IEnumerable<string> texts)
    {
        foreach (string text in texts)
        {
            foreach (string word in Fold(text).Split([' ', ',', '.', ';', ':', '(', ')', '"', '\'', '-', '/', '$', '€'], StringSplitOptions.RemoveEmptyEntries))
            {
                yield return word;
            }
        }
    }

    /// <summary>Lower case without diacritics ("geïnvesteerd" → "geinvesteerd").</summary>
    public static string Fold(string text) => KnowledgeSnapshot.Fold(text);

    /// <summary>A crude stem: the first five letters of a longer word ("michigan" and "michigan's" meet at "michi").</summary>
    private static string Stem(string word)
    {
        string w = word switch
        {
            "center" or "centers" or "centres" => "centre",
            "datacenter" or "datacentre" or "datacentrum" => "datacentre",
            _ => word,
        };
        return w.Length <= 5 ? w : w[..5];
    }
}
