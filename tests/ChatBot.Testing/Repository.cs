using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Loading;

namespace ChatBot.Testing;

/// <summary>The repository the tests run in: its root, the shipped knowledge folder, and the snapshot built from it.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChatBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ChatBot.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<KnowledgeLoadResult> Shipped = new(() => KnowledgeFileReader.Load(KnowledgePath, 26_214_400));

    private static readonly Lazy<KnowledgeSnapshot> ShippedSnapshotValue = new(() =>
    {
        KnowledgeLoadResult result = Shipped.Value;
        if (!result.IsValid)
        {
            throw new InvalidOperationException("The shipped knowledge is invalid:\n" + string.Join('\n', result.Errors));
        }

        return new KnowledgeSnapshot(result.Content!.Content, new RevisionInfo(1, result.Content.ContentHash, new DateTimeOffset(2025, 12, 18, 9, 0, 0, TimeSpan.Zero)));
    });

    private static readonly Lazy<KnowledgeSnapshot> SeedSnapshotValue = new(() =>
    {
        KnowledgeLoadResult result = KnowledgeFileReader.Load(Path.Combine(Root, "tests", "ChatBot.Testing", "Fixtures"), 26_214_400);
        return new KnowledgeSnapshot(result.Content!.Content, new RevisionInfo(7, result.Content.ContentHash, new DateTimeOffset(2025, 12, 18, 9, 0, 0, TimeSpan.Zero)));
    });

    public static string Root => RootPath.Value;

    /// <summary>A frozen sample (the seed article's facts) for golden files: it does not change as the knowledge grows.</summary>
    public static KnowledgeSnapshot SeedSnapshot => SeedSnapshotValue.Value;

    public static string KnowledgePath => Path.Combine(Root, "knowledge");

    /// <summary>The shipped knowledge files, parsed once per test run.</summary>
    public static KnowledgeLoadResult ShippedKnowledge => Shipped.Value;

    /// <summary>A snapshot of the shipped knowledge, as revision 1.</summary>
    public static KnowledgeSnapshot ShippedSnapshot => ShippedSnapshotValue.Value;
}
