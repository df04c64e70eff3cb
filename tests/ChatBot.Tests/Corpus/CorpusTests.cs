using System.Collections.Immutable;
using ChatBot.Cli;
using ChatBot.Evaluation;
using ChatBot.Search;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Tests.Corpus;

/// <summary>
/// The question corpus: questions written as users ask them, from the knowledge files, each with the facts the first
/// lines of its reply must carry and what it must not say. A test fails when any row fails.
/// </summary>
public class CorpusTests
{
    /// <summary>Relative periods in the corpus resolve against this day.</summary>
    private static readonly DateTimeOffset Today = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly LuceneEventSearch Search = new();

    public static TheoryData<string> Files => new() { "questions.tsv", "holdout.tsv" };

    private static ImmutableArray<CorpusRow> Rows(string file)
    {
        string path = Path.Combine(Repository.Root, "tests", "ChatBot.Tests", "Corpus", file);
        (ImmutableArray<CorpusRow> rows, ImmutableArray<string> errors) = QuestionCorpus.Parse(File.ReadAllText(path), file);
        Assert.True(errors.IsEmpty, string.Join('\n', errors));
        return rows;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Corpus_EveryRowPasses(string file)
    {
        ImmutableArray<CorpusResult> results = await EvalVerb.Evaluate(Repository.ShippedSnapshot, Rows(file), Search, new FakeTimeProvider(Today), "en", TestContext.Current.CancellationToken);

        CorpusResult[] misses = [.. results.Where(r => !r.Passed)];
        Assert.True(misses.Length == 0, $"{misses.Length} of {results.Length} rows failed:\n\n" + string.Join("\n\n", misses.Select(CorpusRun.Describe)));
    }

    [Fact]
    public void Corpus_CoversBothLanguages_WithAReasonPerRow()
    {
        ImmutableArray<CorpusRow> rows = Rows("questions.tsv");

        Assert.True(rows.Length >= 300, $"{rows.Length} rows");
        Assert.True(rows.Count(r => r.Id.EndsWith("-nl", StringComparison.Ordinal)) >= rows.Length / 3, "at least a third in Dutch");
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason), $"{r.Id} has no reason"));
    }

    [Fact]
    public void Parse_ReportsEachBadLine_WithItsNumber()
    {
        string text = "# comment\nok\tWhat is OpenAI worth?\t852\nshort\tonly two\nbad\tquestion\t([unclosed\ndup\tq\tx\ndup\tq\tx\nscope\tq\tx\t\tsomewhere\n";

        (ImmutableArray<CorpusRow> rows, ImmutableArray<string> errors) = QuestionCorpus.Parse(text, "t.tsv");

        Assert.Equal(["ok", "dup"], rows.Select(r => r.Id));
        Assert.Equal(5, errors.Length);
        Assert.StartsWith("t.tsv:3: expected at least 3 tab-separated columns", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("t.tsv:4: bad pattern '([unclosed'", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("t.tsv:4: row 'bad' has no pattern to match", errors[2], StringComparison.Ordinal);
        Assert.StartsWith("t.tsv:6: the id 'dup' is used twice", errors[3], StringComparison.Ordinal);
        Assert.StartsWith("t.tsv:7: unknown scope 'somewhere'", errors[4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("**Title**\nfirst\n\nsecond\nthird\nfourth", CorpusScope.Head, "fourth", false, "head: only the first three non-empty lines")]
    [InlineData("**Title**\nfirst\n\nsecond\nthird\nfourth", CorpusScope.Any, "fourth", true, "any: the whole reply")]
    [InlineData("**Title**\nfirst\n\nsecond", CorpusScope.Head, "SECOND", true, "patterns ignore case")]
    public void Check_LooksWhereTheScopeSays(string printed, CorpusScope scope, string pattern, bool passes, string why)
    {
        CorpusRow row = new("r", "q", [new(pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase)], [], scope, null, 1);

        Assert.True(CorpusRun.Check(row, printed).Passed == passes, why);
    }

    [Fact]
    public void Check_MustNot_LooksAtTheWholeReply()
    {
        CorpusRow row = new("r", "q", [new("Title")], [new("fourth")], CorpusScope.Head, null, 1);

        CorpusResult result = CorpusRun.Check(row, "**Title**\na\nb\nc\nfourth");

        Assert.Equal(["fourth"], result.Forbidden);
    }
}
