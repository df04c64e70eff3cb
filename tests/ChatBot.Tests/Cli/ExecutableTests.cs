using System.Diagnostics;
using ChatBot.Testing;

namespace ChatBot.Tests.Cli;

/// <summary>The real executable as a child process, run from the repository root as README.md says.</summary>
public sealed class ExecutableTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Ask_AsAChildProcess_AnswersFromTheRepositoryRoot()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "chatbot.dll");
        ProcessStartInfo start = new("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (string arg in new[] { dll, "ask", "Who are OpenAI's cloud partners?", "--database", _temp.File("chatbot.db") })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("cloud partners: ", await output, StringComparison.Ordinal);
        Assert.Contains("Microsoft", await output, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
