using System.Text.Json;
using ChatBot.Cli;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Tests.Cli;

/// <summary>End to end through the executable's entry point, with its streams captured.</summary>
public sealed class ChatBotAppTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private async Task<(int Exit, string Out, string Err)> ChatAsync(string input, params string[] args)
    {
        using StringWriter output = new();
        using StringWriter error = new();
        string[] all = [.. args, "--database", _temp.File("data/chatbot.db"), "--locale", "en"];
        int exit = await ChatBotApp.RunAsync(all, new StringReader(input), output, error, TestContext.Current.CancellationToken, _clock);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => ChatAsync(string.Empty, args);

    [Fact]
    public async Task Ask_AnswersOnStdout_LogsOnStderr()
    {
        (int exit, string output, string error) = await RunAsync("ask", "What is OpenAI worth?", "--knowledge", Repository.KnowledgePath);

        Assert.Equal(0, exit);
        Assert.StartsWith("**OpenAI · valuation**", output, StringComparison.Ordinal);
        Assert.Contains("Knowledge as of", output, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", output, StringComparison.Ordinal);
        Assert.Contains("info: ChatBot: Imported knowledge revision 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Dutch_AnswersInDutch()
    {
        (int exit, string output, _) = await RunAsync("ask", "Hoeveel", "is", "OpenAI", "waard?", "--knowledge", Repository.KnowledgePath);

        Assert.Equal(0, exit);
        Assert.Contains("miljard dollar", output, StringComparison.Ordinal);
        Assert.Contains("Kennis bijgewerkt tot", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Json_PrintsTheReplyAsJson()
    {
        (int exit, string output, _) = await RunAsync("ask", "/valuation OpenAI", "--json", "--knowledge", Repository.KnowledgePath);

        Assert.Equal(0, exit);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal("answer", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("completed", json.RootElement.GetProperty("badge").GetProperty("stage").GetString());
        Assert.Equal("confirmed", json.RootElement.GetProperty("badge").GetProperty("certainty").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("sources").EnumerateArray());
    }

    [Fact]
    public async Task Ask_UnknownCompany_IsAHelpfulReply_ExitZero()
    {
        (int exit, string output, _) = await RunAsync("ask", "What is Zorblax worth?", "--knowledge", Repository.KnowledgePath);

        Assert.Equal(0, exit);
        Assert.Contains("I don't know “Zorblax”", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithoutQuestion_IsAUsageError()
    {
        (int exit, _, string error) = await RunAsync("ask");

        Assert.Equal(ChatBotApp.UsageError, exit);
        Assert.Contains("ask needs a question", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_AnswersEachLine_KeepsHistory_RepeatsWithBang()
    {
        (int exit, string output, _) = await ChatAsync("What is OpenAI worth?\nhistory\n!1\nexit\n", "--knowledge", Repository.KnowledgePath);

        Assert.Equal(0, exit);
        Assert.Equal(2, CountOf(output, "**OpenAI · valuation**"));
        Assert.Contains("  1  What is OpenAI worth?", output, StringComparison.Ordinal);
        Assert.EndsWith("Bye.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_OtherReadings_AreANumberedChoice()
    {
        (int exit, string output, _) = await ChatAsync("OpenAI Oracle\n1\nexit\n", "--knowledge", Repository.KnowledgePath);

        Assert.Equal(0, exit);
        Assert.Contains("Or did you mean:\n  1. Compare OpenAI and Oracle", output, StringComparison.Ordinal);
        Assert.Contains("/compare OpenAI Oracle\n**OpenAI vs Oracle**", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_FollowUps_ContinueTheSession()
    {
        (int exit, string output, _) = await ChatAsync("How much did Microsoft invest in Anthropic?\nand Amazon?\nen in 2024?\nexit\n", "--knowledge", Repository.KnowledgePath);

        Assert.Equal(0, exit);
        Assert.Contains("**Amazon → Anthropic · amount**", output, StringComparison.Ordinal);

        // "en in 2024?" keeps Amazon and Anthropic, narrows to 2024 and answers in Dutch: the two 2024 steps, summed.
        Assert.Contains("**Amazon → Anthropic · bedrag**", output, StringComparison.Ordinal);
        Assert.Contains("In totaal: 6,75 miljard dollar in twee stappen (2024).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_EndOfInput_EndsCleanly()
    {
        (int exit, string output, _) = await ChatAsync("help\n", "--knowledge", Repository.KnowledgePath);

        Assert.Equal(0, exit);
        Assert.Contains("/valuation <company>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ShippedKnowledge_ExitsZero()
    {
        (int exit, string output, _) = await RunAsync("knowledge", "validate", "--knowledge", Repository.KnowledgePath);

        Assert.Equal(0, exit);
        Assert.Contains("valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenKnowledge_PrintsFileLineColumn_ExitsNonZero()
    {
        string folder = _temp.CopyShippedKnowledge();
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), "events:\n  - id: x\n    stage: done\n");

        (int exit, string output, _) = await RunAsync("knowledge", "validate", "--knowledge", folder);

        Assert.Equal(ChatBotApp.InvalidKnowledge, exit);
        Assert.Contains("broken.yaml:3:12: unknown stage 'done'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ThenHistory_ListsTheRevision()
    {
        (int importExit, string imported, _) = await RunAsync("knowledge", "import", "--knowledge", Repository.KnowledgePath);
        (int againExit, string again, _) = await RunAsync("knowledge", "import", "--knowledge", Repository.KnowledgePath);
        (int historyExit, string history, _) = await RunAsync("knowledge", "history");

        Assert.Equal((0, 0, 0), (importExit, againExit, historyExit));
        Assert.StartsWith("Imported revision 1:", imported, StringComparison.Ordinal);
        Assert.StartsWith("Unchanged: the files hold revision 1", again, StringComparison.Ordinal);
        Assert.StartsWith("*#1 ", history, StringComparison.Ordinal);
        Assert.Contains(" cli ", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithBrokenFiles_ServesTheLastGoodRevision_AndSaysSo()
    {
        string folder = _temp.CopyShippedKnowledge();
        await RunAsync("knowledge", "import", "--knowledge", folder);
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), "events:\n  - id: x\n    stage: done\n");

        (int exit, string output, string error) = await RunAsync("ask", "What is OpenAI worth?", "--knowledge", folder);

        Assert.Equal(0, exit);
        Assert.Contains("$500 billion", output, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:3:12: unknown stage 'done'", error, StringComparison.Ordinal);
        Assert.Contains("serving the last good revision 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithBrokenFiles_AndNoGoodRevision_ExplainsAndExitsNonZero()
    {
        string folder = _temp.Write("knowledge/broken.yaml", "events: [");

        (int exit, string output, string error) = await RunAsync("ask", "What is OpenAI worth?", "--knowledge", Path.GetDirectoryName(folder)!);

        Assert.Equal(ChatBotApp.NoKnowledge, exit);
        Assert.Empty(output);
        Assert.Contains("no valid knowledge to serve", error, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigurationOverride_OnTheCommandLine_IsUsed()
    {
        (int exit, string output, _) = await RunAsync("knowledge", "validate", $"--Knowledge:Path={Repository.KnowledgePath}", "--Knowledge:MaxFileBytes=10");

        Assert.Equal(ChatBotApp.InvalidKnowledge, exit);
        Assert.Contains("over the limit of 10 (Knowledge:MaxFileBytes)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate", "unknown command 'frobnicate'")]
    [InlineData("--bogus", "unknown option --bogus")]
    [InlineData("knowledge", "use 'chatbot knowledge validate'")]
    public async Task BadCommandLine_IsAUsageError(string arg, string message)
    {
        (int exit, _, string error) = await RunAsync(arg);

        Assert.Equal(ChatBotApp.UsageError, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_PrintsUsage()
    {
        (int exit, string output, string error) = await RunAsync("--help");

        Assert.True(exit == 0, error);
        Assert.Contains("chatbot ask \"<question>\"", output, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    public void Dispose() => _temp.Dispose();
}
