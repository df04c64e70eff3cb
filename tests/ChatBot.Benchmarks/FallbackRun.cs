using System.Diagnostics;
using System.Globalization;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Search;
using ChatBot.Testing;

namespace ChatBot.Benchmarks;

/// <summary>
/// The ranked fallback's latency: questions no frame fits, each answered by the Lucene.Net search over the events,
/// timed one by one after the index is built, with p50, p99 and the index build time. Target: p99 ≤ 5 ms.
/// Run: <c>dotnet run -c Release --project tests/ChatBot.Benchmarks -- fallback [events]</c> (0: the shipped knowledge).
/// </summary>
public static class FallbackRun
{
    private static readonly string[] Questions =
    [
        "What are EC2 UltraServers?", "Project Rainier", "Wat is er met Stargate Norway gebeurd?", "the Abilene campus",
        "Sora licence", "Colossus 2 compute", "Aleph Alpha sovereign AI", "Milam County Texas site", "datacenter in Saline Township",
        "Lighthouse campus Port Washington", "what's the weather like", "Trainium2 chips Indiana",
    ];

    public static void Run(int events)
    {
        KnowledgeSnapshot snapshot = events == 0 ? Repository.ShippedSnapshot : QuestionBenchmarks.Generated(events);
        LuceneEventSearch search = new();
        Stopwatch build = Stopwatch.StartNew();
        search.Warm(snapshot);
        build.Stop();
        ChatBotEngine engine = new(new FixedKnowledge(snapshot), TimeProvider.System, new EngineSettings(0, CacheAnswers: false), search: search);
        Conversation user = new("bench", "user", "place");
        for (int i = 0; i < 500; i++)
        {
            engine.Handle(Utterance.FromText(Questions[i % Questions.Length]), user);
        }

        const int Runs = 12_000;
        double[] micros = new double[Runs];
        int closest = 0;
        for (int i = 0; i < Runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            Reply reply = engine.Handle(Utterance.FromText(Questions[i % Questions.Length]), user);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            closest += reply.Kind == ReplyKind.Closest ? 1 : 0;
        }

        Array.Sort(micros);
        double P(double q) => micros[(int)Math.Min(micros.Length - 1, Math.Ceiling(q * micros.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{snapshot.EventCount:N0} events: index built in {build.Elapsed.TotalMilliseconds:F0} ms; {Runs:N0} fallback questions, {closest * 100.0 / Runs:F0}% answered with closest facts: p50 {P(0.5):F0} µs, p99 {P(0.99):F0} µs, max {micros[^1]:F0} µs"));
    }
}
