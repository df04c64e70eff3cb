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

        Breakdown(knowledge);
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
        ChatBotEngine engine = new(new FixedKnowledge(snapshot), TimeProvider.System, new EngineSettings(0, CacheAnswers: false));
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

        foreach (string question in questions)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < 200; i++)
            {
                engine.Handle(Utterance.FromText(question), user);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {question,-45} mean {Stopwatch.GetElapsedTime(start).TotalMicroseconds / 200:F1} µs"));
        }

        Array.Sort(micros);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"query latency over {Samples:N0} mixed questions on {snapshot.EventCount:N0} events: p50 {micros[Samples / 2]:F1} µs, p90 {micros[(int)(Samples * 0.9)]:F1} µs, p99 {micros[(int)(Samples * 0.99)]:F1} µs, max {micros[^1]:F1} µs"));
    }

    /// <summary>A restart on unchanged files, as the executable does it, with the time of each step.</summary>
    public static void ColdRestart(string knowledge, string database)
    {
        Stopwatch total = Stopwatch.StartNew();
        Stopwatch watch = Stopwatch.StartNew();
        using LiteDbKnowledgeStore store = new(database);
        RevisionDocument latest = store.Latest()!;
        Report("  open database", watch.Elapsed, latest.Id.ToString(CultureInfo.InvariantCulture));
        watch.Restart();
        var (files, _) = ChatBot.Knowledge.Loading.KnowledgeFileReader.ReadFiles(knowledge, 26_214_400);
        string raw = ChatBot.Knowledge.Loading.KnowledgeFileReader.RawHash(files);
        Report("  read + hash files", watch.Elapsed, latest.RawHashes.Contains(raw).ToString());
        watch.Restart();
        var chunks = store.ReadChunks(latest.Id);
        Report("  read chunks", watch.Elapsed, chunks.Count.ToString(CultureInfo.InvariantCulture));
        watch.Restart();
        KnowledgeContent content = store.LoadContent(latest.Id);
        Report("  read + deserialize content", watch.Elapsed, content.Events.Length.ToString(CultureInfo.InvariantCulture));
        watch.Restart();
        KnowledgeSnapshot snapshot = new(content, latest.ToInfo());
        Report("  snapshot", watch.Elapsed, snapshot.EventCount.ToString(CultureInfo.InvariantCulture));
        Report("restart total (in process)", total.Elapsed, string.Empty);
    }

    /// <summary>Where the time of validate + import and of a restart goes, step by step.</summary>
    private static void Breakdown(string knowledge)
    {
        Stopwatch watch = Stopwatch.StartNew();
        var (files, _) = ChatBot.Knowledge.Loading.KnowledgeFileReader.ReadFiles(knowledge, 26_214_400);
        Report("  read files", watch.Elapsed, files.Length.ToString(CultureInfo.InvariantCulture));
        watch.Restart();
        string raw = ChatBot.Knowledge.Loading.KnowledgeFileReader.RawHash(files);
        Report("  raw hash", watch.Elapsed, raw[..8]);
        watch.Restart();
        foreach (var file in files)
        {
            new ChatBot.Knowledge.Loading.KnowledgeParser().ParseFile(file);
        }

        Report("  KnowledgeParser.ParseFile (sequential)", watch.Elapsed, "");
        watch.Restart();
        var parsed = ChatBot.Knowledge.Loading.KnowledgeFileReader.Parse(files);
        Report("  parse + validate + content hash", watch.Elapsed, parsed.IsValid.ToString());
        watch.Restart();
        string hash = CanonicalKnowledge.Of(parsed.Content!.Content).Hash;
        Report("  content hash alone", watch.Elapsed, hash[..8]);
        watch.Restart();
        KnowledgeSnapshot snapshot = new(parsed.Content.Content, new RevisionInfo(1, hash, DateTimeOffset.UnixEpoch));
        Report("  snapshot build", watch.Elapsed, snapshot.EventCount.ToString(CultureInfo.InvariantCulture));
        using TempDirectory temp = new();
        using LiteDbKnowledgeStore store = new(temp.File("b.db"));
        watch.Restart();
        var revision = store.Import(parsed.Content.Canonical, raw, "bench", null, DateTimeOffset.UnixEpoch);
        Report("  LiteDB import", watch.Elapsed, revision.Chunks.ToString(CultureInfo.InvariantCulture));
        watch.Restart();
        long chars = store.ReadChunks(revision.Id).Sum(c => (long)c.Data.Length);
        Report("  LiteDB read chunks alone", watch.Elapsed, chars.ToString("N0", CultureInfo.InvariantCulture) + " bytes");
        watch.Restart();
        KnowledgeContent loaded = store.LoadContent(revision.Id);
        Report("  LiteDB load content", watch.Elapsed, loaded.Events.Length.ToString(CultureInfo.InvariantCulture));
    }

    private static void Report(string what, TimeSpan elapsed, string state) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {elapsed.TotalSeconds:F2} s ({state})"));
}
