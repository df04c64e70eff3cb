using System.Diagnostics;
using System.Text.Json;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;

namespace ChatBot.Tests.Cli;

/// <summary>
/// A real <c>chatbot knowledge import</c> child process, killed with SIGKILL at random moments of a large import,
/// again and again: the database must always open, hold only complete revisions, and serve the last of them.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class ImportCrashTests : IDisposable
{
    private const int Iterations = 20;
    private const int Events = 8_000;
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Import_KilledAtRandomMoments_LeavesTheDatabaseConsistent_AndTheNextStartServesTheLastGoodRevision()
    {
        string database = _temp.File("data/chatbot.db");
        // Two large sets: every run imports the one that is not the newest revision, so every run has a revision to write.
        string[] sets = [_temp.File("a"), _temp.File("b")];
        KnowledgeGenerator.Write(sets[0], events: Events, companies: 1000, files: 4, seed: 1);
        KnowledgeGenerator.Write(sets[1], events: Events, companies: 1000, files: 4, seed: 2);
        string[] hashes = [.. sets.Select(s => Knowledge.Loading.KnowledgeFileReader.Load(s, 26_214_400).Content!.ContentHash)];
        string[] Import(int set) => ["knowledge", "import", "--knowledge", sets[set], "--database", database];
        int NotNewest()
        {
            using LiteDbKnowledgeStore store = new(database);
            return store.Latest()?.ContentHash == hashes[0] ? 1 : 0;
        }

        // Calibration: a first import, then a second one (with its diff against the first) timed to the end: the
        // kills land anywhere from start-up to just after the commit.
        (int exit, _, string error) = await ChildProcess.RunAsync(Import(0));
        Assert.True(exit == 0, error);
        Stopwatch watch = Stopwatch.StartNew();
        (exit, _, error) = await ChildProcess.RunAsync(Import(1));
        TimeSpan full = watch.Elapsed;
        Assert.True(exit == 0, error);

        Random random = new(20261126);
        int killed = 0;
        int completed = 0;
        List<string> problems = [];
        for (int i = 0; i < Iterations; i++)
        {
            Stopwatch run = Stopwatch.StartNew();
            using Process child = ChildProcess.Start(Import(NotNewest()));
            TimeSpan at = full * (0.2 + random.NextDouble());
            bool exited = child.WaitForExit(at);
            if (!exited)
            {
                child.Kill(); // SIGKILL on Linux: no finally blocks, no disposal, no flush.
                killed++;
            }
            else
            {
                // Imports run faster than the calibration when the machine got quieter: aim the next kills earlier.
                completed++;
                full = run.Elapsed < full ? run.Elapsed : full;
            }

            await child.WaitForExitAsync(TestContext.Current.CancellationToken);
            problems.AddRange(Check(database).Select(p => $"iteration {i} (killed after {at.TotalMilliseconds:F0} ms): {p}"));
        }

        // The next start, with files it cannot use, serves the last complete revision from the database.
        string broken = _temp.File("broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "broken.yaml"), "events: [");
        (int askExit, string about, string askError) = await ChildProcess.RunAsync(["ask", "/about", "--json", "--knowledge", broken, "--database", database]);

        Assert.Empty(problems);
        Assert.True(killed >= Iterations / 2, $"only {killed} of {Iterations} runs were killed before they finished (one import takes {full.TotalMilliseconds:F0} ms)");
        Assert.True(askExit == 0, askError);
        using LiteDbKnowledgeStore store = new(database);
        RevisionDocument last = store.Latest()!;
        using JsonDocument json = JsonDocument.Parse(about);
        string revision = json.RootElement.GetProperty("fields").EnumerateArray().First(f => f.GetProperty("name").GetString() == "Revision").GetProperty("value").GetString()!;
        Assert.Equal(last.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), revision.Replace(",", string.Empty, StringComparison.Ordinal));
        Assert.Contains("serving the last good revision", askError, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine($"import of {Events:N0} events: {full.TotalMilliseconds:F0} ms; {killed} killed, {completed} completed; {store.History().Count} revisions");
    }

    /// <summary>What is wrong with the database: it must open, and its newest revision must be complete and intact.</summary>
    private static List<string> Check(string database)
    {
        List<string> problems = [];
        try
        {
            using LiteDbKnowledgeStore store = new(database);
            IReadOnlyList<RevisionDocument> history = store.History();
            if (history.Count == 0)
            {
                problems.Add("no revision at all (the calibration import completed)");
                return problems;
            }

            if (!history.Select(r => r.Id).SequenceEqual(Enumerable.Range(1, history.Count).Reverse()))
            {
                problems.Add("revision numbers have gaps: " + string.Join(", ", history.Select(r => r.Id)));
            }

            RevisionDocument latest = history[0];
            string hash = CanonicalKnowledge.Of(store.LoadContent(latest.Id)).Hash;
            if (hash != latest.ContentHash)
            {
                problems.Add($"revision {latest.Id} does not hash to its content hash");
            }
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or IOException or InvalidOperationException or FormatException or EndOfStreamException)
        {
            problems.Add($"{ex.GetType().Name}: {ex.Message}");
        }

        return problems;
    }

    public void Dispose() => _temp.Dispose();
}
