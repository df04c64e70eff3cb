using ChatBot.Cli;
using ChatBot.Knowledge.Loading;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Tests.Cli;

/// <summary><c>chatbot knowledge history | diff | rollback | export</c>, in-process with captured streams.</summary>
public sealed class KnowledgeVerbsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly string _knowledge;

    public KnowledgeVerbsTests()
    {
        _knowledge = _temp.CopyShippedKnowledge();
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using StringWriter output = new();
        using StringWriter error = new();
        string[] all = [.. args, "--knowledge", _knowledge, "--database", _temp.File("data/chatbot.db"), "--locale", "en"];
        int exit = await ChatBotApp.RunAsync(all, TextReader.Null, output, error, TestContext.Current.CancellationToken, _clock);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Revision 1 is the shipped knowledge; revision 2 describes Anthropic differently and adds a company.</summary>
    private async Task TwoRevisionsAsync()
    {
        Assert.Equal(0, (await RunAsync("knowledge", "import")).Exit);
        string path = Path.Combine(_knowledge, "companies.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Maker of the Claude models.", "Maker of Claude.", StringComparison.Ordinal)
            + "  - id: zorblax\n    name: Zorblax\n    kind: ai-lab\n");
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await RunAsync("knowledge", "import")).Exit);
    }

    [Fact]
    public async Task History_ShowsSourceDiffAndTheServedRevision()
    {
        await TwoRevisionsAsync();

        (int exit, string output, _) = await RunAsync("knowledge", "history");

        Assert.Equal(0, exit);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.StartsWith("*#2 ", lines[0], StringComparison.Ordinal);
        Assert.Contains("2026-11-26 13:00 UTC  cli", lines[0], StringComparison.Ordinal);
        Assert.Contains("events +0 ~0 -0; companies +1 ~1 -0", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(" #1 ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_ListsWhatChangedById()
    {
        await TwoRevisionsAsync();

        (int exit, string output, _) = await RunAsync("knowledge", "diff", "1", "2");

        Assert.Equal(0, exit);
        Assert.Equal(
            "Revision 1 → 2: events +0 ~0 -0; companies +1 ~1 -0\n+ company zorblax\n~ company anthropic\n",
            output);
    }

    [Theory]
    [InlineData("diff", "1", "9", "there is no revision 9", "an unknown revision")]
    [InlineData("rollback", "0", null, "use 'chatbot knowledge validate'", "revisions count from 1")]
    [InlineData("rollback", "x", null, "use 'chatbot knowledge validate'", "not a number")]
    [InlineData("export", null, null, "use 'chatbot knowledge validate'", "export needs a folder")]
    public async Task Verbs_BadArguments_AreUsageErrors(string verb, string? first, string? second, string message, string reason)
    {
        await TwoRevisionsAsync();

        (int exit, _, string error) = await RunAsync(["knowledge", verb, .. new[] { first, second }.OfType<string>()]);

        Assert.True(exit == ChatBotApp.UsageError, reason);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_IsServedAndSaysSoInAbout_UntilTheFilesChange()
    {
        await TwoRevisionsAsync();

        (int exit, string output, _) = await RunAsync("knowledge", "rollback", "1");
        (_, string about, _) = await RunAsync("ask", "/about");
        (_, string description, _) = await RunAsync("ask", "/company Anthropic");
        (_, string history, _) = await RunAsync("knowledge", "history");
        File.AppendAllText(Path.Combine(_knowledge, "companies.yaml"), "# an edit ends the rollback\n");
        (_, string afterEdit, _) = await RunAsync("ask", "/about");

        Assert.Equal(0, exit);
        Assert.StartsWith("Rolled back to revision 1", output, StringComparison.Ordinal);
        Assert.Contains("1 (rolled back by an admin)", about, StringComparison.Ordinal);
        Assert.Contains("Maker of the Claude models.", description, StringComparison.Ordinal);
        Assert.Contains("* revision 1 is served: rolled back on 2026-11-26 13:00 UTC", history, StringComparison.Ordinal);
        Assert.DoesNotContain("rolled back", afterEdit, StringComparison.Ordinal);
        Assert.Contains("revision 2", afterEdit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WritesYamlThatReimportsToTheSameContentHash()
    {
        await TwoRevisionsAsync();
        string folder = _temp.File("exported");

        (int exit, string output, _) = await RunAsync("knowledge", "export", folder, "1");
        KnowledgeLoadResult exported = KnowledgeFileReader.Load(folder, 26_214_400);
        (int again, _, string error) = await RunAsync("knowledge", "export", folder);

        Assert.Equal(0, exit);
        Assert.StartsWith("Exported revision 1 ", output, StringComparison.Ordinal);
        Assert.True(exported.IsValid, string.Join('\n', exported.Errors));
        Assert.Equal(Repository.ShippedKnowledge.Content!.ContentHash, exported.Content!.ContentHash);
        Assert.Equal(ChatBotApp.UsageError, again);
        Assert.Contains("already holds .yaml files", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unanswered_ListsTheQuestionsWithoutAnAnswer_MostAskedFirst()
    {
        await RunAsync("ask", "What is Zorblax worth?");
        await RunAsync("ask", "what is   zorblax worth");
        await RunAsync("ask", "Tell me a joke");
        await RunAsync("ask", "What is OpenAI worth?");

        (int exit, string output, _) = await RunAsync("knowledge", "unanswered");

        Assert.Equal(0, exit);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("    2  2026-11-26 12:00  unknown-company  console     what is zorblax worth", lines[1]);
        Assert.Equal("    1  2026-11-26 12:00  not-understood   console     tell me a joke", lines[2]);
    }

    [Fact]
    public async Task Unanswered_NoneYet_SaysSo()
    {
        (int exit, string output, _) = await RunAsync("knowledge", "unanswered");

        Assert.Equal(0, exit);
        Assert.Equal("No unanswered questions yet.\n", output);
    }

    public void Dispose() => _temp.Dispose();
}
