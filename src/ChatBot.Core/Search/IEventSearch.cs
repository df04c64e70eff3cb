using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Search;

/// <summary>An event a ranked search found, with how well it matched.</summary>
/// <param name="Event">The event.</param>
/// <param name="Score">The ranking score; only comparable within one search.</param>
/// <param name="Coverage">The share of the query's content words the event matches, 0 to 1, counting only words some event uses.</param>
/// <param name="Specific">Whether it matches a word few events use (a name, a place): a common word alone is no answer.</param>
public readonly record struct EventMatch(KnowledgeEvent Event, double Score, double Coverage, bool Specific = true);

/// <summary>
/// Ranked retrieval over the events of a snapshot, in English and Dutch: the port through which the core reaches a
/// search library. Implementations build their index once per snapshot, lazily, and never throw for user input.
/// </summary>
public interface IEventSearch
{
    /// <summary>The events that match the words best, best first; at most <paramref name="max"/>.</summary>
    IReadOnlyList<EventMatch> Find(KnowledgeSnapshot snapshot, string text, int max);
}
