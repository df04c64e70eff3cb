using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;

namespace ChatBot.Knowledge.Tests.Store;

public class RevisionDiffTests
{
    private static readonly KnowledgeContent Seed = Repository.SeedSnapshot.Content;

    public static TheoryData<string, Func<KnowledgeContent, KnowledgeContent>, string> Changes => new()
    {
        { "nothing changed", c => c, "events +0 ~0 -0; companies +0 ~0 -0" },
        { "an event removed", c => c with { Events = c.Events[1..] }, "events +0 ~0 -1; companies +0 ~0 -0" },
        { "a note corrected: a change, not an add and a remove", c => c with { Events = [c.Events[0] with { Note = "corrected" }, .. c.Events[1..]] }, "events +0 ~1 -0; companies +0 ~0 -0" },
        { "an event renamed: the old id removed, the new one added", c => c with { Events = [c.Events[0] with { Id = "renamed-event" }, .. c.Events[1..]] }, "events +1 ~0 -1; companies +0 ~0 -0" },
        { "a company's alias added", c => c with { Companies = [c.Companies[0] with { Aliases = [.. c.Companies[0].Aliases, "New Alias"] }, .. c.Companies[1..]] }, "events +0 ~0 -0; companies +0 ~1 -0" },
        { "the order of events in the files does not matter", c => c with { Events = [.. c.Events.Reverse()] }, "events +0 ~0 -0; companies +0 ~0 -0" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Between_ReportsWhatChangedById(string reason, Func<KnowledgeContent, KnowledgeContent> change, string summary)
    {
        RevisionDiff diff = RevisionDiff.Between(Seed, change(Seed));

        Assert.True(summary == diff.Summary, reason + ": " + diff.Summary);
    }

    [Fact]
    public void Between_NothingBefore_EverythingIsAdded()
    {
        RevisionDiff diff = RevisionDiff.Between(null, Seed);

        Assert.Equal(Seed.Events.Length, diff.EventsAdded.Length);
        Assert.Equal(Seed.Companies.Length, diff.CompaniesAdded.Length);
        Assert.Equal(diff.EventsAdded.Order(StringComparer.Ordinal), diff.EventsAdded);
    }
}
