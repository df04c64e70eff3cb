using System.Diagnostics;
using ChatBot.Testing;

namespace ChatBot.Benchmarks;

/// <summary>
/// <c>chatbot serve</c> from the Release build (<c>dotnet build -c Release src/ChatBot</c>) as a child process on
/// loopback, with its own database, no per-user question limit and warnings-only logging: what the load runs measure.
/// </summary>
internal static class BotProcess
{
    public static Process Start(int port, string database, IEnumerable<string> settings, Action<string> onErrorLine, IReadOnlyDictionary<string, string>? environment = null)
    {
        string bot = Path.Combine(Repository.Root, "src", "ChatBot", "bin", "Release", "net10.0", "chatbot.dll");
        ProcessStartInfo start = new("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in (string[])[bot, "serve", "--urls", $"http://127.0.0.1:{port}", "--database", database, .. settings, "--Limits:QuestionsPerUserPerMinute=0", "--Logging:LogLevel:Default=Warning"])
        {
            start.ArgumentList.Add(arg);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process server = Process.Start(start)!;
        server.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onErrorLine(e.Data);
            }
        };
        server.BeginErrorReadLine();
        server.BeginOutputReadLine();
        return server;
    }
}
