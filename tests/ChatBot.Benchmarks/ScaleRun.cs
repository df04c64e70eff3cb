using System.Diagnostics;
using System.Globalization;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Reloading;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;

namespace ChatBot.Benchmarks;

/// <summary>
/// The scale targets on a generated knowledge set: validate + import, restart on unchanged files, and query
/// latency percentiles. Run: <c>dotnet run -c Release --project tests/ChatBot.Benchmarks -- scale 100000</c>.
/// </summary>
public static class ScaleRun
{
    public static void Run(int events)
    {
        using TempDirectory temp = new();
        string knowledge = temp.File("knowledge");
        Stopwatch watch = Stopwatch.StartNew();
        KnowledgeGenerator.Write(knowledge, events);
        long bytes = Directory.EnumerateFiles(knowledge).Sum(f => new FileInfo(f).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {events:N0} events in {Directory.EnumerateFiles(knowledge).Count()} files ({bytes / 1024.0 / 1024.0:F1} MiB) in {watch.Elapsed.TotalSeconds:F1} s"));

        string database = temp.File("chatbot.db");
        watch.Restart();
        LoadOutcome imported;
        using (LiteDbKnowledgeStore store = new(database))
        {
            imported = new KnowledgeLoader(store, TimeProvider.System).Load(knowledge, 26_214_400, "bench");
        }

        Report("validate + import (cold process state)", watch.Elapsed, imported.State.ToString());

        watch.Restart();
        LoadOutcome restarted;
        using (LiteDbKnowledgeStore store = new(database))
        {
            restarted = new KnowledgeLoader(store, TimeProvider.System).Load(knowledge, 26_214_400, "bench");
        }

        Report("restart on unchanged files (ready to answer)", watch.Elapsed, restarted.State.ToString());

        KnowledgeSnapshot snapshot = restarted.Snapshot!;
        ChatBotEngine engine = new(new Fixed(snapshot), TimeProvider.System, new EngineSettings(0));
        Conversation user = new("bench", "user");
        string[] questions =
        [
            "/valuation Company 17", "/deals Company 42", "/deals", "/investors Company 7", "/partners Company 99",
            "What is Company 123 worth?", "Welke deals heeft Company 5 gesloten?", "/deals since 2024", "/portfolio Company 3",
            "/company Company 1999",
        ];
        for (int i = 0; i < 2000; i++)
        {
            engine.Handle(Utterance.FromText(questions[i % questions.Length]), user);
        }

        const int Samples = 20_000;
        double[] micros = new double[Samples];
        for (int i = 0; i < Samples; i++)
        {
            long start = Stopwatch.GetTimestamp();
            engine.Handle(Utterance.FromText(questions[i % questions.Length]), user);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(micros);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"query latency over {Samples:N0} mixed questions on {snapshot.EventCount:N0} events: p50 {micros[Samples / 2]:F1} µs, p90 {micros[(int)(Samples * 0.9)]:F1} µs, p99 {micros[(int)(Samples * 0.99)]:F1} µs, max {micros[^1]:F1} µs"));
    }

    private static void Report(string what, TimeSpan elapsed, string state) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {elapsed.TotalSeconds:F2} s ({state})"));

    private sealed class Fixed(KnowledgeSnapshot snapshot) : IKnowledgeSnapshotSource
    {
        public KnowledgeSnapshot Current => snapshot;
    }
}
