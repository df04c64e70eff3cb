using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;

namespace ChatBot.Knowledge.Tests.Loading;

public class KnowledgeYamlWriterTests
{
    private static KnowledgeLoadResult RoundTrip(KnowledgeContent content, TempDirectory temp)
    {
        string folder = temp.File("exported");
        Directory.CreateDirectory(folder);
        foreach ((string name, string text) in KnowledgeYamlWriter.Files(content, "exported for a test"))
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return KnowledgeFileReader.Load(folder, 26_214_400);
    }

    [Fact]
    public void Files_OfTheShippedKnowledge_ReadBackToTheSameContentHash()
    {
        using TempDirectory temp = new();
        KnowledgeLoadResult shipped = Repository.ShippedKnowledge;

        KnowledgeLoadResult again = RoundTrip(shipped.Content!.Content, temp);

        Assert.True(again.IsValid, string.Join('\n', again.Errors));
        Assert.Equal(shipped.Content.ContentHash, again.Content!.ContentHash);
    }

    [Fact]
    public void Files_OfGeneratedKnowledge_ReadBackToTheSameContentHash_InSeveralFiles()
    {
        using TempDirectory temp = new();
        KnowledgeGenerator.Write(temp.File("generated"), events: KnowledgeYamlWriter.EventsPerFile + 500, companies: 300, files: 3);
        KnowledgeLoadResult generated = KnowledgeFileReader.Load(temp.File("generated"), 26_214_400);

        KnowledgeLoadResult again = RoundTrip(generated.Content!.Content, temp);

        Assert.True(again.IsValid, string.Join('\n', again.Errors.Take(5)));
        Assert.Equal(generated.Content.ContentHash, again.Content!.ContentHash);
        Assert.Equal(3, again.Files.Length);
    }

    [Fact]
    public void Files_OfAStoredRevision_ReadBackToItsContentHash()
    {
        using TempDirectory temp = new();
        using LiteDbKnowledgeStore store = new(new MemoryStream());
        RevisionDocument revision = store.Import(CanonicalKnowledge.Of(Repository.ShippedSnapshot.Content), "raw", "cli", null, DateTimeOffset.UnixEpoch);

        KnowledgeLoadResult again = RoundTrip(store.LoadContent(revision.Id), temp);

        Assert.Equal(revision.ContentHash, again.Content!.ContentHash);
    }

    [Theory]
    [InlineData("He said \"no\"", "quotes inside text")]
    [InlineData("line one\nline two", "a line break")]
    [InlineData("# not a comment: really", "YAML indicators at the start")]
    [InlineData("Zoë's café — 50%", "non-ASCII and punctuation")]
    [InlineData("- a dash, [brackets], {braces}, & and *", "flow indicators")]
    public void Files_TextThatLooksLikeYaml_SurvivesTheRoundTrip(string text, string reason)
    {
        using TempDirectory temp = new();
        KnowledgeContent seed = Repository.SeedSnapshot.Content;
        KnowledgeContent content = seed with { Events = [seed.Events[0] with { Summary = text, Note = text }, .. seed.Events[1..]] };

        KnowledgeLoadResult again = RoundTrip(content, temp);

        Assert.True(again.IsValid, reason + ": " + string.Join('\n', again.Errors));
        Assert.Equal(text, again.Content!.Content.Events.Single(e => e.Id == seed.Events[0].Id).Summary);
        Assert.Equal(CanonicalKnowledge.Of(content).Hash, again.Content.ContentHash);
    }
}
