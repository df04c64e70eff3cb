using System.Diagnostics;
using ChatBot.Testing;

namespace ChatBot.Tests.Cli;

/// <summary>The real executable (<c>chatbot.dll</c> beside the tests) as a child process, run from the repository root.</summary>
internal static class ChildProcess
{
    public static Process Start(params string[] args)
    {
        ProcessStartInfo start = new("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chatbot.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Logs without colour codes, and no telemetry banner.
        start.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(start)!;
    }

    /// <summary>Runs to the end; fails the test if it takes longer than <paramref name="timeout"/> (default 60 s).</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string[] args, TimeSpan? timeout = null)
    {
        using Process process = Start(args);
        using CancellationTokenSource cts = new(timeout ?? TimeSpan.FromSeconds(60));
        Task<string> output = process.StandardOutput.ReadToEndAsync(cts.Token);
        Task<string> error = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chatbot {string.Join(' ', args)} did not finish in time");
        }

        return (process.ExitCode, await output, await error);
    }
}

/// <summary>Tests whose child processes are timed or killed run alone, so other tests do not skew their timing.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChildProcessCollection
{
    public const string Name = "Child processes";
}
