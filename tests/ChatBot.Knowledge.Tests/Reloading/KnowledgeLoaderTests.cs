using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Reloading;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Knowledge.Tests.Reloading;

public class KnowledgeLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LiteDbKnowledgeStore _store;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly string _knowledge;

    public KnowledgeLoaderTests()
    {
        _store = new LiteDbKnowledgeStore(_temp.File("chatbot.db"));
        _knowledge = _temp.CopyShippedKnowledge();
    }

    private KnowledgeLoader CreateSut() => new(_store, _clock);

    private LoadOutcome Load() => CreateSut().Load(_knowledge, 26_214_400, "test");

    [Fact]
    public void Load_ValidNewFiles_ImportsARevision()
    {
        LoadOutcome outcome = Load();

        Assert.Equal(LoadState.Imported, outcome.State);
        Assert.Equal(1, outcome.Revision!.Id);
        Assert.Equal(outcome.Revision.Events, outcome.Snapshot!.EventCount);
        Assert.Equal(_clock.GetUtcNow(), outcome.Snapshot.Revision.ImportedAt);
    }

    [Fact]
    public void Load_UnchangedFiles_AreNotImportedTwice()
    {
        Load();

        LoadOutcome again = Load();

        Assert.Equal(LoadState.Unchanged, again.State);
        Assert.Single(_store.History());
        Assert.Equal(1, again.Snapshot!.Revision.Number);
    }

    [Fact]
    public void Load_OnlyCommentsChanged_SameRevision()
    {
        Load();
        File.AppendAllText(Path.Combine(_knowledge, "companies.yaml"), "\n# a comment an admin added\n");

        LoadOutcome again = Load();

        Assert.Equal(LoadState.Unchanged, again.State);
        Assert.Single(_store.History());
        Assert.Equal(2, _store.Latest()!.RawHashes.Count);
    }

    [Fact]
    public void Load_ContentChanged_ImportsTheNextRevision()
    {
        Load();
        string path = Path.Combine(_knowledge, "companies.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Maker of the Claude models.", "Maker of Claude.", StringComparison.Ordinal));

        LoadOutcome again = Load();

        Assert.Equal(LoadState.Imported, again.State);
        Assert.Equal(2, again.Revision!.Id);
    }

    [Fact]
    public void Load_BrokenFiles_ServeTheLastGoodRevision_AndReportEveryError()
    {
        Load();
        File.WriteAllText(Path.Combine(_knowledge, "broken.yaml"), "events:\n  - id: x\n    stage: done\n");

        LoadOutcome outcome = Load();

        Assert.Equal(LoadState.ServingLastGood, outcome.State);
        Assert.Equal(1, outcome.Revision!.Id);
        Assert.NotEmpty(outcome.Snapshot!.EventsNewestFirst);
        Assert.Null(outcome.Snapshot.FindEvent("x"));
        Assert.Contains(outcome.Errors, e => e.File.EndsWith("broken.yaml", StringComparison.Ordinal) && e.Line == 3 && e.Message.StartsWith("unknown stage 'done'", StringComparison.Ordinal));
        Assert.Single(_store.History());
    }

    [Fact]
    public void Load_BrokenFiles_WithNoGoodRevision_Fails()
    {
        File.WriteAllText(Path.Combine(_knowledge, "broken.yaml"), "not: [valid");

        LoadOutcome outcome = Load();

        Assert.Equal(LoadState.Failed, outcome.State);
        Assert.Null(outcome.Snapshot);
        Assert.NotEmpty(outcome.Errors);
        Assert.Empty(_store.History());
    }

    [Fact]
    public void Load_FromTheStore_AfterRestart_NeedsNoParsing()
    {
        Load();
        _store.Dispose();
        using LiteDbKnowledgeStore reopened = new(_temp.File("chatbot.db"));

        LoadOutcome outcome = new KnowledgeLoader(reopened, _clock).Load(_knowledge, 26_214_400, "test");

        Assert.Equal(LoadState.Unchanged, outcome.State);
        Assert.Equal(Repository.ShippedSnapshot.EventCount, outcome.Snapshot!.EventCount);
        Assert.Equal(Repository.ShippedSnapshot.Revision.ContentHash, outcome.Snapshot.Revision.ContentHash);
    }

    [Fact]
    public void Load_ContentChanged_RecordsTheDiffAgainstThePreviousRevision()
    {
        Load();
        string path = Path.Combine(_knowledge, "companies.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Maker of the Claude models.", "Maker of Claude.", StringComparison.Ordinal));

        LoadOutcome again = Load();

        DiffDocument diff = again.Revision!.Diff!;
        Assert.Equal(1, diff.Against);
        Assert.Equal(["anthropic"], diff.CompaniesChanged);
        Assert.Equal(0, diff.EventsAddedCount + diff.EventsChangedCount + diff.EventsRemovedCount);
        Assert.Equal("events +0 ~0 -0; companies +0 ~1 -0", diff.Summary);
    }

    [Fact]
    public void Load_APinnedRollback_IsServedWhileTheFilesStayAsTheyWere_AlsoAfterARestart()
    {
        Load();
        string path = Path.Combine(_knowledge, "companies.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Maker of the Claude models.", "Maker of Claude.", StringComparison.Ordinal));
        Load();
        _store.SetPin(1, KnowledgeFileReader.Read(_knowledge, 26_214_400).RawHash, _clock.GetUtcNow(), "cli", "admin");
        _store.Dispose();
        using LiteDbKnowledgeStore reopened = new(_temp.File("chatbot.db"));

        LoadOutcome outcome = new KnowledgeLoader(reopened, _clock).Load(_knowledge, 26_214_400, "startup");

        Assert.Equal(LoadState.RolledBack, outcome.State);
        Assert.Equal(1, outcome.Snapshot!.Revision.Number);
        Assert.True(outcome.Snapshot.Revision.RolledBack);
        Assert.Equal("Maker of the Claude models.", outcome.Snapshot.FindCompany("anthropic")!.Description);
    }

    [Fact]
    public void Load_APinnedRollback_EndsWhenTheFilesChange()
    {
        Load();
        _store.SetPin(1, KnowledgeFileReader.Read(_knowledge, 26_214_400).RawHash, _clock.GetUtcNow(), "cli", null);
        File.AppendAllText(Path.Combine(_knowledge, "companies.yaml"), "\n# an edit after the rollback\n");

        LoadOutcome outcome = Load();

        Assert.Equal(LoadState.Unchanged, outcome.State);
        Assert.False(outcome.Snapshot!.Revision.RolledBack);
        Assert.Null(_store.Pin());
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
