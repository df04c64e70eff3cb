using System.Globalization;
using BenchmarkDotNet.Running;
using ChatBot.Benchmarks;

// Micro benchmarks:  dotnet run -c Release --project tests/ChatBot.Benchmarks -- --filter '*'
// Scale run:         dotnet run -c Release --project tests/ChatBot.Benchmarks -- scale 100000
if (args.Length > 0 && args[0] == "scale")
{
    ScaleRun.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(QueryBenchmarks).Assembly).Run(args);
