using System.Globalization;
using BenchmarkDotNet.Running;
using ChatBot.Benchmarks;

// Micro benchmarks:  dotnet run -c Release --project tests/ChatBot.Benchmarks -- --filter '*'
// Scale run:         dotnet run -c Release --project tests/ChatBot.Benchmarks -- scale 100000
// Fallback latency:  dotnet run -c Release --project tests/ChatBot.Benchmarks -- fallback [10000]
// Generated set:     dotnet run -c Release --project tests/ChatBot.Benchmarks -- generate 100000 /tmp/knowledge
if (args.Length > 2 && args[0] == "generate")
{
    // Writes a generated knowledge set, to time the real executable on it.
    ChatBot.Testing.KnowledgeGenerator.Write(args[2], int.Parse(args[1], CultureInfo.InvariantCulture));
    return;
}

if (args.Length > 2 && args[0] == "restart")
{
    // One cold restart in a fresh process, step by step: dotnet run -c Release --project tests/ChatBot.Benchmarks -- restart <dir> <db>
    ScaleRun.ColdRestart(args[1], args[2]);
    return;
}

if (args.Length > 0 && args[0] == "gateway")
{
    // Gateway dispatch → interaction callback latency and memory, against the fake Discord.
    await GatewayLoad.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
    return;
}

if (args.Length > 0 && args[0] == "interactions")
{
    // HTTP interactions endpoint under load (build src/ChatBot in Release first).
    await InteractionsLoad.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20,
        wrk: args.Contains("--wrk"));
    return;
}

if (args.Length > 0 && args[0] == "teams")
{
    // Teams messaging endpoint under load, replies counted at the fake connector (build src/ChatBot in Release first).
    await TeamsLoad.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 16,
        args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0);
    return;
}

if (args.Length > 0 && args[0] == "reload")
{
    // Live reload timings: dotnet run -c Release --project tests/ChatBot.Benchmarks -- reload 100000 (0: the shipped knowledge)
    await ReloadRun.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0);
    return;
}

if (args.Length > 0 && args[0] == "fallback")
{
    // The ranked fallback's latency percentiles: dotnet run -c Release --project tests/ChatBot.Benchmarks -- fallback [events]
    FallbackRun.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0);
    return;
}

if (args.Length > 0 && args[0] == "scale")
{
    ScaleRun.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(QueryBenchmarks).Assembly).Run(args);
