using System.Diagnostics;
using System.Globalization;
using ChatBot.Knowledge;
using ChatBot.Knowledge.Reloading;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Benchmarks;

/// <summary>
/// Live reload timings: one edited event (read, validate, diff, import, snapshot swap), a save that changes nothing,
/// and a rejected broken save. Run: <c>dotnet run -c Release --project tests/ChatBot.Benchmarks -- reload 100000</c>
/// (0: the shipped knowledge).
/// </summary>
public static class ReloadRun
{
    public static async Task RunAsync(int events)
    {
        using TempDirectory temp = new();
        string knowledge = events == 0 ? temp.CopyShippedKnowledge() : temp.File("knowledge");
        if (events > 0)
        {
            KnowledgeGenerator.Write(knowledge, events);
        }

        using LiteDbKnowledgeStore store = new(temp.File("chatbot.db"));
        SnapshotHolder holder = new();
        using KnowledgeReloader reloader = new(
            new KnowledgeLoader(store, TimeProvider.System),
            holder,
            [],
            Options.Create(new KnowledgeOptions { Path = knowledge }),
            TimeProvider.System,
            NullLogger<KnowledgeReloader>.Instance);
        await Time("first import", () => reloader.ReloadAsync("startup"));
        string file = Directory.EnumerateFiles(knowledge, "*.yaml").Order(StringComparer.Ordinal).Last();
        string original = await File.ReadAllTextAsync(file);
        for (int round = 1; round <= 3; round++)
        {
            // One summary changed: a new revision with a one-event diff.
            int at = original.IndexOf("summary: ", StringComparison.Ordinal) + "summary: ".Length;
            await File.WriteAllTextAsync(file, original.Insert(at, $"Edit {round} - "));
            await Time($"reload, one event edited (round {round})", () => reloader.ReloadAsync("watcher"));
        }

        await File.AppendAllTextAsync(file, "\n# a comment only\n");
        await Time("reload, comment only (same content)", () => reloader.ReloadAsync("watcher"));
        await Time("reload, nothing changed (raw hash)", () => reloader.ReloadAsync("watcher"));
        await File.WriteAllTextAsync(file, original.Replace("stage: ", "stage: x", StringComparison.Ordinal));
        await Time("reload, broken save rejected", () => reloader.ReloadAsync("watcher"));
        await File.WriteAllTextAsync(file, original);
        Stopwatch parts = Stopwatch.StartNew();
        Knowledge.Loading.KnowledgeLoadResult parsed = Knowledge.Loading.KnowledgeFileReader.Load(knowledge, 26_214_400);
        TimeSpan parse = parts.Elapsed;
        parts.Restart();
        RevisionDiff diff = RevisionDiff.Between(holder.Current.Content, parsed.Content!.Content);
        TimeSpan diffing = parts.Elapsed;
        parts.Restart();
        _ = new Core.Knowledge.KnowledgeSnapshot(parsed.Content.Content, holder.Current.Revision);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"of which: read + validate + canonical form {parse.TotalMilliseconds:F0} ms, diff {diffing.TotalMilliseconds:F0} ms ({diff.Summary}), snapshot index {parts.Elapsed.TotalMilliseconds:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"served: revision {holder.Current.Revision.Number}, {holder.Current.EventCount:N0} events; last diff {store.Latest()!.Diff?.Summary}"));
    }

    private static async Task Time(string what, Func<Task<LoadOutcome>> reload)
    {
        Stopwatch watch = Stopwatch.StartNew();
        LoadOutcome outcome = await reload();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-42} {watch.Elapsed.TotalMilliseconds,8:F0} ms  {outcome.State}"));
    }
}
