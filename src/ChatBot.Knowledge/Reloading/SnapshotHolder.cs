using ChatBot.Core.Knowledge;

namespace ChatBot.Knowledge.Reloading;

/// <summary>
/// Holds the snapshot the bot answers from. A reload builds a new snapshot and swaps one reference: readers never
/// lock and never see half a revision.
/// </summary>
public sealed class SnapshotHolder : IKnowledgeSnapshotSource
{
    private KnowledgeSnapshot _current = KnowledgeSnapshot.Empty;

    public KnowledgeSnapshot Current => Volatile.Read(ref _current);

    public void Swap(KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Volatile.Write(ref _current, snapshot);
    }
}
