using ChatBot.Cli;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Tests.Corpus;

/// <summary><c>chatbot eval</c> through the executable's entry point: misses, the summary line, the exit code.</summary>
public sealed class EvalVerbTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private async Task<(int Exit, string Out, string Err)> EvalAsync(string tsv, params string[] extra)
    {
        string file = _temp.File("rows.tsv");
        await File.WriteAllTextAsync(file, tsv, TestContext.Current.CancellationToken);
        using StringWriter output = new();
        using StringWriter error = new();
        string database = _temp.File("data/chatbot.db");
        string[] args = ["eval", file, "--knowledge", Repository.KnowledgePath, "--database", database, "--today", "2026-12-04", .. extra];
        int exit = await ChatBotApp.RunAsync(args, new StringReader(string.Empty), output, error, TestContext.Current.CancellationToken, new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        Assert.False(File.Exists(database), "eval never imports a revision, so it never creates the database");
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Eval_AllPass_ExitsZero()
    {
        (int exit, string output, _) = await EvalAsync("a\tHow much did Microsoft invest in Anthropic?\tup to \\$5 billion;;18 Nov 2025\t\thead\tthe investor's own figure\n");

        Assert.Equal(0, exit);
        Assert.Equal("1 passed, 0 failed", output.Trim());
    }

    [Fact]
    public async Task Eval_AMiss_IsPrintedWithTheReplyAndExitsNonZero()
    {
        (int exit, string output, _) = await EvalAsync(
            "ok\tWhat is OpenAI worth?\t852 billion\n" +
            "miss\tWhat is OpenAI worth?\t999 billion\tlast valued\thead\ta deliberate miss\n");

        Assert.Equal(1, exit);
        Assert.Contains("MISS miss (line 2): What is OpenAI worth?", output, StringComparison.Ordinal);
        Assert.Contains("missing in the first lines: /999 billion/", output, StringComparison.Ordinal);
        Assert.Contains("must not say: /last valued/", output, StringComparison.Ordinal);
        Assert.Contains("| **OpenAI · valuation**", output, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 1 failed", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_AMalformedFile_NamesTheLine()
    {
        (int exit, _, string error) = await EvalAsync("ok\tquestion\n");

        Assert.Equal(ChatBotApp.UsageError, exit);
        Assert.Contains("rows.tsv:1: expected at least 3 tab-separated columns", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_FollowUpRows_ContinueTheRowBefore()
    {
        (int exit, string output, _) = await EvalAsync(
            "first\tWhat is OpenAI worth?\tOpenAI\n" +
            "then\tand Anthropic?\tAnthropic · valuation\t\thead\tthe follow-up keeps the intent\n");

        Assert.True(exit == 0, output);
    }

    public void Dispose() => _temp.Dispose();
}
