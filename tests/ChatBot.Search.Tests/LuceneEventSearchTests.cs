using ChatBot.Core.Knowledge;
using ChatBot.Core.Search;
using ChatBot.Testing;

namespace ChatBot.Search.Tests;

/// <summary>The ranked search over events: both languages' analyzers, names and aliases, coverage, and one index per snapshot.</summary>
public class LuceneEventSearchTests
{
    private static KnowledgeSnapshot Snapshot => Repository.ShippedSnapshot;

    [Theory]
    [InlineData("Project Rainier", "amazon-anthropic-2025-10-project-rainier", "two words of a summary")]
    [InlineData("Stargate Norway Narvik", "stargate-norway-2025-07", "a place in English")]
    [InlineData("datacenter in Zweden", "mistral-ai-2026-02-sweden-data-centre", "the Dutch summary, through the Dutch analyzer")]
    [InlineData("Sora licensing of characters", "disney-openai-investment-2025-12", "a stemmed English word: licensing, licence")]
    [InlineData("Cursor takeover", "spacex-anysphere-2026-06-acquisition", "an alias in the names field")]
    public void Find_RanksTheEventTheWordsDescribeFirst(string text, string expected, string why)
    {
        IReadOnlyList<EventMatch> matches = new LuceneEventSearch().Find(Snapshot, text, 5);

        Assert.True(matches.Count > 0 && matches.Take(2).Any(m => m.Event.Id == expected), $"{why}: {string.Join(", ", matches.Select(m => $"{m.Event.Id} {m.Coverage:F2}"))}");
    }

    [Fact]
    public void Find_WordsNoEventUses_DoNotCount_AndAloneFindNothing()
    {
        LuceneEventSearch sut = new();

        Assert.Empty(sut.Find(Snapshot, "what's the weather like", 3));
        EventMatch rainier = sut.Find(Snapshot, "zorblax flurbo Rainier", 1).Single();
        Assert.Equal(1.0, rainier.Coverage);
        Assert.True(rainier.Specific, "Rainier is in one event's words");
    }

    [Fact]
    public void Find_ACommonWordAlone_IsNotSpecific()
    {
        EventMatch common = new LuceneEventSearch().Find(Snapshot, "billion", 1).Single();

        Assert.False(common.Specific);
    }

    [Fact]
    public void Find_EachSnapshotHasItsOwnIndex()
    {
        LuceneEventSearch sut = new();
        KnowledgeSnapshot before = Some.Snapshot(Some.Companies("acme"), [Some.Event("old", "2025-01-01") with { Summary = "Acme opened a plant in Gdansk." }]);
        KnowledgeSnapshot after = Some.Snapshot(Some.Companies("acme"), [Some.Event("new", "2025-02-01") with { Summary = "Acme opened a plant in Tromso." }]);

        Assert.Equal("old", sut.Find(before, "Gdansk", 1).Single().Event.Id);
        Assert.Empty(sut.Find(after, "Gdansk", 1));
        Assert.Equal("new", sut.Find(after, "Tromso", 1).Single().Event.Id);
    }

    [Fact]
    public async Task Find_FromManyThreadsAtOnce_AllSeeTheSameIndex()
    {
        LuceneEventSearch sut = new();

        string[][] results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => sut.Find(Snapshot, "Abilene expansion", 3).Select(m => m.Event.Id).ToArray())));

        Assert.All(results, r => Assert.Equal(results[0], r));
        Assert.NotEmpty(results[0]);
    }

    [Theory]
    [InlineData("", "nothing to look for")]
    [InlineData("   ", "only spaces")]
    [InlineData("the and of", "only question words")]
    [InlineData("\"(*)\"", "only punctuation Lucene would treat as syntax")]
    public void Find_EmptyOrPunctuation_IsEmpty_NeverAnException(string text, string why) =>
        Assert.True(new LuceneEventSearch().Find(Snapshot, text, 3).Count == 0, why);
}
