using System.Runtime.CompilerServices;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Questions;
using ChatBot.Core.Search;

namespace ChatBot.Search;

/// <summary>
/// <see cref="IEventSearch"/> on Lucene.Net: an in-memory index of each snapshot's events, built the first time the
/// snapshot is searched (a one-off <c>ask</c> that never falls back never builds one) and kept as long as the snapshot
/// lives. English and Dutch text are analysed with Lucene's English and Dutch analyzers, names with its standard one.
/// </summary>
/// <threadsafety>Safe for concurrent use: each index is built once and searched without locks.</threadsafety>
public sealed class LuceneEventSearch : IEventSearch
{
    private readonly ConditionalWeakTable<KnowledgeSnapshot, Lazy<EventIndex>> _indexes = [];

    public IReadOnlyList<EventMatch> Find(KnowledgeSnapshot snapshot, string text, int max)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (string.IsNullOrWhiteSpace(text) || max <= 0 || snapshot.EventCount == 0)
        {
            return [];
        }

        IReadOnlyList<string> words = Keywords.Of(text);
        if (words.Count == 0)
        {
            return [];
        }

        return IndexOf(snapshot).Find(words, max);
    }

    /// <summary>Builds the index of a snapshot now, so the first fallback question does not wait for it.</summary>
    public void Warm(KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _ = IndexOf(snapshot);
    }

    private EventIndex IndexOf(KnowledgeSnapshot snapshot) =>
        _indexes.GetValue(snapshot, s => new Lazy<EventIndex>(() => EventIndex.Build(s), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
