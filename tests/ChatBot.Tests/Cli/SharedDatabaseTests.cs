using System.Text.Json;
using ChatBot.Cli;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;

namespace ChatBot.Tests.Cli;

/// <summary>
/// The CLI in a child process works on the database a running <c>chatbot serve</c> holds open (LiteDB shared mode:
/// a machine-wide named mutex around every operation), and the running bot picks up what the CLI did.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class SharedDatabaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Cli_WhileServeRuns_ReadsImportsAndRollsBack_AndServePicksItUp()
    {
        string knowledge = _temp.CopyShippedKnowledge();
        string database = _temp.File("data/chatbot.db");
        int port = Loopback.FreePort();
        using CancellationTokenSource stop = new();
        string[] serveArgs = ["serve", "--urls", $"http://127.0.0.1:{port}", "--knowledge", knowledge, "--database", database];
        StringWriter log = new();
        Task<int> serve = Task.Run(() => ChatBotApp.RunAsync(serveArgs, TextReader.Null, TextWriter.Null, TextWriter.Synchronized(log), stop.Token));
        using HttpClient client = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        string[] cli = ["--knowledge", knowledge, "--database", database];

        await WaitForRevisionAsync(client, serve, 1, rolledBack: false);
        string path = Path.Combine(knowledge, "companies.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Maker of the Claude models.", "Maker of Claude.", StringComparison.Ordinal));
        await WaitForRevisionAsync(client, serve, 2, rolledBack: false);

        (int historyExit, string history, string historyError) = await ChildProcess.RunAsync(["knowledge", "history", .. cli]);
        (int rollbackExit, _, string rollbackError) = await ChildProcess.RunAsync(["knowledge", "rollback", "1", .. cli]);
        try
        {
            await WaitForRevisionAsync(client, serve, 1, rolledBack: true);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + "\n" + log, ex);
        }

        (int importExit, string import, string importError) = await ChildProcess.RunAsync(["knowledge", "import", .. cli]);
        await stop.CancelAsync();
        int serveExit = await serve;

        Assert.True(historyExit == 0, historyError);
        Assert.Contains("*#2 ", history, StringComparison.Ordinal);
        Assert.Contains(" #1 ", history, StringComparison.Ordinal);
        Assert.True(rollbackExit == 0, rollbackError);
        Assert.True(importExit == 0, importError);
        Assert.StartsWith("Unchanged since the rollback to revision 1", import, StringComparison.Ordinal);
        Assert.Equal(0, serveExit);
        using LiteDbKnowledgeStore reopened = new(database);
        Assert.Equal([2, 1], reopened.History().Select(r => r.Id));
        Assert.Equal(1, reopened.Pin()!.Revision);
    }

    [Fact]
    public async Task Cli_TwoImportsAtOnce_FromTwoProcesses_NeitherFailsNorCorrupts()
    {
        string database = _temp.File("chatbot.db");
        string first = _temp.File("first");
        string second = _temp.File("second");
        KnowledgeGenerator.Write(first, events: 3000, companies: 100, files: 2, seed: 1);
        KnowledgeGenerator.Write(second, events: 3000, companies: 100, files: 2, seed: 2);

        (int Exit, string Out, string Err)[] results = await Task.WhenAll(
            ChildProcess.RunAsync(["knowledge", "import", "--knowledge", first, "--database", database]),
            ChildProcess.RunAsync(["knowledge", "import", "--knowledge", second, "--database", database]));

        Assert.All(results, r => Assert.True(r.Exit == 0, r.Err));
        using LiteDbKnowledgeStore store = new(database);
        Assert.Equal([2, 1], store.History().Select(r => r.Id));
        foreach (RevisionDocument revision in store.History())
        {
            Assert.Equal(revision.ContentHash, CanonicalKnowledge.Of(store.LoadContent(revision.Id)).Hash);
        }
    }

    private static async Task WaitForRevisionAsync(HttpClient client, Task<int> serve, int revision, bool rolledBack)
    {
        string last = "(no answer)";
        using CancellationTokenSource deadline = new(TimeSpan.FromSeconds(30));
        while (!deadline.IsCancellationRequested)
        {
            if (serve.IsCompleted)
            {
                throw new InvalidOperationException($"serve exited with {await serve}");
            }

            try
            {
                last = await client.GetStringAsync(new Uri("/healthz", UriKind.Relative), deadline.Token);
                using JsonDocument json = JsonDocument.Parse(last);
                JsonElement knowledge = json.RootElement.GetProperty("knowledge");
                if (knowledge.GetProperty("revision").GetInt32() == revision && knowledge.GetProperty("rolledBack").GetBoolean() == rolledBack)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        throw new TimeoutException($"serve did not reach revision {revision} (rolled back: {rolledBack}); last /healthz: {last}");
    }

    public void Dispose() => _temp.Dispose();
}
