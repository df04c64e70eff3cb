using System.Collections.Immutable;
using System.Globalization;
using ChatBot.Core.Knowledge;

namespace ChatBot.Knowledge.Store;

/// <summary>
/// What changed between two revisions, by id: events and companies added, changed (any field, including sources)
/// and removed. Ids are in ordinal order. Immutable.
/// </summary>
public sealed record RevisionDiff(
    ImmutableArray<string> EventsAdded,
    ImmutableArray<string> EventsChanged,
    ImmutableArray<string> EventsRemoved,
    ImmutableArray<string> CompaniesAdded,
    ImmutableArray<string> CompaniesChanged,
    ImmutableArray<string> CompaniesRemoved)
{
    public static RevisionDiff None { get; } = new([], [], [], [], [], []);

    public bool IsEmpty =>
        EventsAdded.IsEmpty && EventsChanged.IsEmpty && EventsRemoved.IsEmpty
        && CompaniesAdded.IsEmpty && CompaniesChanged.IsEmpty && CompaniesRemoved.IsEmpty;

    /// <summary>One line: <c>events +2 ~1 -0; companies +1 ~0 -0</c>.</summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"events +{EventsAdded.Length} ~{EventsChanged.Length} -{EventsRemoved.Length}; companies +{CompaniesAdded.Length} ~{CompaniesChanged.Length} -{CompaniesRemoved.Length}");

    /// <summary>The difference from <paramref name="before"/> (null: nothing before) to <paramref name="after"/>.</summary>
    /// <remarks>Records are compared by their canonical encoding, so a changed source or note counts as a change.</remarks>
    public static RevisionDiff Between(KnowledgeContent? before, KnowledgeContent after)
    {
        ArgumentNullException.ThrowIfNull(after);
        (ImmutableArray<string> ea, ImmutableArray<string> ec, ImmutableArray<string> er) = Compare(
            before?.Events ?? [], after.Events, e => e.Id, (x, y) => KnowledgeBinary.Write([x]).AsSpan().SequenceEqual(KnowledgeBinary.Write([y])));
        (ImmutableArray<string> ca, ImmutableArray<string> cc, ImmutableArray<string> cr) = Compare(
            before?.Companies ?? [], after.Companies, c => c.Id, (x, y) => KnowledgeBinary.Write([x]).AsSpan().SequenceEqual(KnowledgeBinary.Write([y])));
        return new RevisionDiff(ea, ec, er, ca, cc, cr);
    }

    private static (ImmutableArray<string> Added, ImmutableArray<string> Changed, ImmutableArray<string> Removed) Compare<T>(
        ImmutableArray<T> before, ImmutableArray<T> after, Func<T, string> id, Func<T, T, bool> same)
        where T : class
    {
        Dictionary<string, T> old = before.ToDictionary(id, StringComparer.Ordinal);
        List<string> added = [];
        List<(string Id, T Old, T New)> both = [];
        foreach (T item in after)
        {
            if (old.Remove(id(item), out T? previous))
            {
                both.Add((id(item), previous, item));
            }
            else
            {
                added.Add(id(item));
            }
        }

        // Comparing encodings is the costly part on large sets: spread it over the cores.
        string[] changed = [.. both.AsParallel().Where(p => !ReferenceEquals(p.Old, p.New) && !same(p.Old, p.New)).Select(p => p.Id)];
        return (Sorted(added), Sorted(changed), Sorted(old.Keys));
    }

    private static ImmutableArray<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];
}
