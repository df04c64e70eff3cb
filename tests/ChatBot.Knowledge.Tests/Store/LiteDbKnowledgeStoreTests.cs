using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;

namespace ChatBot.Knowledge.Tests.Store;

public class LiteDbKnowledgeStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RunInTransaction_KeepsNothingOfWorkThatThrows_AndTheStoreGoesOn()
    {
        using TempDirectory temp = new();
        using LiteDbKnowledgeStore sut = new(temp.File("chatbot.db"));

        Assert.Throws<InvalidOperationException>(() => sut.RunInTransaction<int>(db =>
        {
            db.GetCollection("notes").Insert(new LiteDB.BsonDocument { ["text"] = "half-done" });
            throw new InvalidOperationException("fails halfway");
        }));
        int written = sut.RunInTransaction(db => db.GetCollection("notes").Insert([new LiteDB.BsonDocument { ["text"] = "done" }]));

        Assert.Equal(1, written);
        Assert.Equal(["done"], sut.Run(db => db.GetCollection("notes").FindAll().Select(d => d["text"].AsString).ToList()));
    }

    [Fact]
    public void Import_ThenLoad_GivesBackTheSameContent()
    {
        KnowledgeContent content = Repository.ShippedSnapshot.Content;
        CanonicalKnowledge canonical = CanonicalKnowledge.Of(content);
        string hash = canonical.Hash;
        using LiteDbKnowledgeStore sut = new(new MemoryStream());

        RevisionDocument revision = sut.Import(canonical, "raw", "cli", "admin-1", Now);
        KnowledgeContent loaded = sut.LoadContent(revision.Id);

        Assert.Equal(1, revision.Id);
        Assert.Equal(hash, CanonicalKnowledge.Of(loaded).Hash);
        Assert.Equal(content.Events.Length, loaded.Events.Length);
        Assert.Equal(content.Companies.Length, revision.Companies);
        Assert.Equal(content.Events.Sum(e => e.Sources.Length), revision.Sources);
        Assert.True(revision.Chunks > 1, "events are stored as several small documents");
    }

    [Fact]
    public void Load_RecordsSurviveTheRoundTripFieldByField()
    {
        KnowledgeEvent original = Repository.ShippedSnapshot.FindEvent("openai-funding-round-2025-03")!;
        using LiteDbKnowledgeStore sut = new(new MemoryStream());
        RevisionDocument revision = sut.Import(CanonicalKnowledge.Of(Repository.ShippedSnapshot.Content), "raw", "cli", null, Now);

        KnowledgeEvent loaded = sut.LoadContent(revision.Id).Events.Single(e => e.Id == original.Id);

        Assert.Equal(original.Amount, loaded.Amount);
        Assert.Equal(original.Valuation, loaded.Valuation);
        Assert.Equal(original.Date, loaded.Date);
        Assert.Equal(original.Parties, loaded.Parties);
        Assert.Equal(original.Sources, loaded.Sources);
        Assert.Equal(original.SummaryNl, loaded.SummaryNl);
    }

    [Fact]
    public void History_IsNewestFirst_AndSurvivesReopening()
    {
        using TempDirectory temp = new();
        string path = temp.File("data/chatbot.db");
        KnowledgeContent content = Repository.SeedSnapshot.Content;
        KnowledgeContent smaller = content with { Events = content.Events[1..] };
        using (LiteDbKnowledgeStore first = new(path))
        {
            first.Import(CanonicalKnowledge.Of(content), "r1", "startup", null, Now);
            first.Import(CanonicalKnowledge.Of(smaller), "r2", "cli", "admin", Now.AddHours(1));
        }

        using LiteDbKnowledgeStore reopened = new(path);

        Assert.Equal([2, 1], reopened.History().Select(r => r.Id));
        Assert.Equal(CanonicalKnowledge.Of(smaller).Hash, reopened.Latest()!.ContentHash);
        Assert.Equal("cli", reopened.Latest()!.Source);
        Assert.Equal(content.Events.Length, reopened.LoadContent(1).Events.Length);
    }

    [Fact]
    public void AddRawHash_RemembersAnotherFormattingOfTheSameContent()
    {
        using LiteDbKnowledgeStore sut = new(new MemoryStream());
        RevisionDocument revision = sut.Import(CanonicalKnowledge.Of(Repository.SeedSnapshot.Content), "raw-1", "cli", null, Now);

        sut.AddRawHash(revision, "raw-2");

        Assert.Equal(["raw-1", "raw-2"], sut.Latest()!.RawHashes);
    }

    [Fact]
    public void History_RevisionsStoredBeforeDiffsWereRecorded_StillLoad()
    {
        using MemoryStream stream = new();
        using (LiteDB.LiteDatabase db = new(stream))
        {
            // A revision document as the first release wrote it: no diff.
            db.GetCollection("revisions").Insert(new LiteDB.BsonDocument
            {
                ["_id"] = 1,
                ["ContentHash"] = "abc",
                ["RawHashes"] = new LiteDB.BsonArray(new LiteDB.BsonValue("raw")),
                ["ImportedAt"] = Now.UtcDateTime,
                ["Source"] = "startup",
                ["Companies"] = 2,
                ["Events"] = 3,
                ["Chunks"] = 2,
                ["Format"] = KnowledgeBinary.Version,
            });
        }

        stream.Position = 0;
        using LiteDbKnowledgeStore sut = new(stream);

        RevisionDocument old = Assert.Single(sut.History());
        Assert.Null(old.Diff);
        Assert.Equal(3, old.Events);
        Assert.Null(sut.Pin());
    }

    [Fact]
    public void Import_WithADiff_StoresCountsAndCappedIds()
    {
        KnowledgeContent content = Repository.ShippedSnapshot.Content;
        using LiteDbKnowledgeStore sut = new(new MemoryStream());

        RevisionDocument revision = sut.Import(CanonicalKnowledge.Of(content), "raw", "cli", null, Now, RevisionDiff.Between(null, content), 0);

        DiffDocument diff = sut.Find(revision.Id)!.Diff!;
        Assert.Equal(content.Events.Length, diff.EventsAddedCount);
        Assert.Equal(Math.Min(content.Events.Length, DiffDocument.MaxIds), diff.EventsAdded.Count);
        Assert.Equal(content.Companies.Length, diff.CompaniesAddedCount);
    }
}
