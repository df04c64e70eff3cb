using System.Collections.Concurrent;
using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Reloading;
using ChatBot.Testing;

namespace ChatBot.Knowledge.Tests.Reloading;

/// <summary>
/// Queries run non-stop on several threads while the watched file is rewritten many times, valid and broken versions
/// in turn: every query must succeed, and every answer must come from a complete, valid version.
/// </summary>
public sealed class ReloadUnderLoadTests : IAsyncDisposable
{
    private const int Versions = 16;
    private const int QueryThreads = 4;
    private static readonly WatchTimings Fast = new(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(30), TimeSpan.FromSeconds(30));

    private readonly ReloadRig _rig = new(events: 300, companies: 30, files: 1);
    private readonly KnowledgeReloader _reloader;
    private readonly KnowledgeWatcher _watcher;

    public ReloadUnderLoadTests()
    {
        _reloader = _rig.Reloader();
        _watcher = _rig.Watcher(_reloader, Fast);
    }

    [Fact]
    public async Task Reload_WhileQueriesRun_EveryQuerySucceeds_AndEveryAnswerComesFromAValidVersion()
    {
        // Version v has 300 + v events; its content hash identifies it. Odd versions are written broken.
        Dictionary<string, int> valid = [];
        string[] texts = new string[Versions + 1];
        for (int v = 0; v <= Versions; v++)
        {
            using TempDirectory version = new();
            KnowledgeGenerator.Write(version.Path, events: 300 + v, companies: 30, files: 1);
            texts[v] = File.ReadAllText(Path.Combine(version.Path, "events-00.yaml"));
            valid[KnowledgeFileReader.Load(version.Path, 26_214_400).Content!.ContentHash[..12]] = 300 + v;
        }

        await _watcher.StartAsync(TestContext.Current.CancellationToken);
        Assert.IsType<KnowledgeReloaded>(await _rig.Notifier.NextAsync());
        ChatBotEngine engine = new(_rig.Holder, TimeProvider.System, new EngineSettings(QuestionsPerUserPerMinute: 0, CacheAnswers: false));
        Conversation conversation = new("test", "load");
        using CancellationTokenSource stop = new();
        ConcurrentQueue<string> failures = new();
        ConcurrentDictionary<string, int> seen = new();
        long queries = 0;

        Task[] readers = [.. Enumerable.Range(0, QueryThreads).Select(t => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    Reply about = engine.Handle(Utterance.FromText("/about"), conversation);
                    Reply deals = engine.Handle(Utterance.FromText($"/deals Company {t}"), conversation);
                    string hash = about.Fields.Single(f => f.Name == "Content hash").Value;
                    int events = int.Parse(about.Fields.Single(f => f.Name == "Events").Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
                    if (!valid.TryGetValue(hash, out int expected) || expected != events)
                    {
                        failures.Enqueue($"an answer from content {hash} with {events} events, which is no valid version");
                    }

                    if (deals.Kind is not (ReplyKind.Answer or ReplyKind.NoResults))
                    {
                        failures.Enqueue($"/deals Company {t} answered {deals.Kind}: {deals.Answer}");
                    }

                    seen.TryAdd(hash, events);
                    Interlocked.Add(ref queries, 2);
                }
                catch (Exception ex)
                {
                    failures.Enqueue(ex.ToString());
                }
            }
        }))];

        string target = Path.Combine(_rig.Knowledge, "events-00.yaml");
        int rejected = 0;
        for (int v = 1; v <= Versions; v++)
        {
            bool broken = v % 2 == 1;
            File.WriteAllText(target, broken ? texts[v].Replace("certainty: ", "certainty: maybe-", StringComparison.Ordinal) : texts[v]);
            KnowledgeNotice notice = await _rig.Notifier.NextAsync();
            if (broken)
            {
                Assert.IsType<KnowledgeRejected>(notice);
                rejected++;
            }
            else
            {
                Assert.IsType<KnowledgeReloaded>(notice);
                Assert.Equal(300 + v, _rig.Holder.Current.EventCount);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.Equal(Versions / 2, rejected);
        Assert.True(queries > 1000, $"only {queries} queries ran");
        Assert.True(seen.Count >= 2, "the queries saw more than one version");
        Assert.All(seen.Values, events => Assert.True(events % 2 == 0, $"an answer came from a broken version ({events} events)"));
        TestContext.Current.TestOutputHelper?.WriteLine($"{queries} queries over {seen.Count} versions; {rejected} broken versions rejected");
    }

    public async ValueTask DisposeAsync()
    {
        await _watcher.StopAsync(CancellationToken.None);
        _watcher.Dispose();
        _reloader.Dispose();
        _rig.Dispose();
    }
}
