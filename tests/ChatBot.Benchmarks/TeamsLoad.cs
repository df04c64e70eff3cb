using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Testing;
using ChatBot.Testing.Teams;

namespace ChatBot.Benchmarks;

/// <summary>
/// A load run of the Teams messaging endpoint: the fake Bot Framework channel (HTTPS, its own CA) runs in this
/// process and counts the replies its connector receives; <c>chatbot serve</c> runs with Teams on as a child
/// process trusting the fake's CA; wrk replays a pool of activities, each with a unique id, spread over 16,384
/// conversations (every one reached in the warm-up), with JWT validation on. Throughput is counted in replies at
/// the connector, not in 200s. Run:
/// <c>dotnet run -c Release --project tests/ChatBot.Benchmarks -- teams [connections] [seconds] [tokens] [rate]</c>
/// (build <c>src/ChatBot</c> in Release first; <c>tokens</c> is how many distinct channel tokens the activities use:
/// the channel reuses one token for about an hour, so a handful is realistic; 0 means 100,000; <c>rate</c>
/// offers a fixed number of activities per second instead of as many as the bot takes).
/// </summary>
public static class TeamsLoad
{
    // At least the 4,096 asked for, and enough that at the bot's full rate no conversation reaches Teams' limit of 60
    // sends in 30 seconds: past it the bot paces its replies, and the run would measure the pacing, not the bot.
    private const int Conversations = 16_384;

    public static async Task RunAsync(int connections, int seconds, int tokens, int rate = 0)
    {
        await using FakeBotFrameworkChannel channel = await FakeBotFrameworkChannel.StartAsync();
        channel.Record = false;
        int port = Loopback.FreePort();
        using TempDirectory temp = new();
        using Process server = BotProcess.Start(
            port,
            temp.File("chatbot.db"),
            [
                "--Teams:Enabled=true", $"--Teams:MicrosoftAppId={channel.AppId}", $"--Teams:MicrosoftAppTenantId={channel.TenantId}",
                $"--Teams:ToBotFromChannelOpenIdMetadataUrl={channel.OpenIdMetadataUrl}", $"--Teams:ToBotFromEntraOpenIdMetadataUrl={channel.EntraOpenIdMetadataUrl}",
                $"--Teams:ToChannelFromBotLoginUrl={channel.LoginUrl}",
            ],
            line => Console.Error.WriteLine("  bot: " + line),
            new Dictionary<string, string> { ["Teams__MicrosoftAppPassword"] = channel.AppPassword, ["SSL_CERT_FILE"] = channel.WriteCaBundle(temp.Path) });
        using HttpClient client = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await InteractionsLoad.WaitForHealthAsync(client);

        // The requests are made by the script from two activity templates (a channel mention and a personal chat),
        // each with a fresh activity id: none is dropped as a re-delivery, however long the run.
        string[] tokenPool = [.. Enumerable.Range(0, tokens <= 0 ? 100_000 : tokens).Select(_ => channel.IssueChannelToken(channel.ServiceUrl))];
        string warmPool = temp.File("warm.tsv");
        string pool = temp.File("pool.tsv");
        await File.WriteAllLinesAsync(warmPool, Templates(channel, "w", tokenPool));
        await File.WriteAllLinesAsync(pool, Templates(channel, "m", tokenPool));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"activities over {Conversations:N0} conversations, {tokenPool.Length:N0} distinct tokens"));

        // A fixed offered rate, when asked for: each connection pauses connections × 1000 / rate ms between requests.
        double pause = rate > 0 ? connections * 1000.0 / rate : 0;
        await RunWrkAsync(port, warmPool, connections, 10, server, channel, report: false, pause);
        await RunWrkAsync(port, pool, connections, seconds, server, channel, report: true, pause);
        server.Kill(entireProcessTree: true);
    }

    /// <summary>
    /// The script's input, one tab-separated line each: the conversation count, the activity id prefix, the channel
    /// tokens, and the two activity templates whose <c>@@CONVERSATION@@</c>, <c>@@ID@@</c> and <c>@@USER@@</c> the
    /// script fills in. Conversation c is a channel when c % 3 == 0, else a personal chat: always the same kind.
    /// </summary>
    private static IEnumerable<string> Templates(FakeBotFrameworkChannel channel, string prefix, string[] tokens)
    {
        yield return "conversations\t" + Conversations.ToString(CultureInfo.InvariantCulture);
        yield return "prefix\t" + prefix;
        foreach (string token in tokens)
        {
            yield return "token\t" + token;
        }

        foreach (string kind in new[] { "channel", "personal" })
        {
            string body = TeamsActivities.Message(
                channel.ServiceUrl,
                "valuation OpenAI",
                conversationType: kind,
                conversationId: "@@CONVERSATION@@",
                activityId: "@@ID@@",
                userId: "@@USER@@",
                appId: channel.AppId,
                tenantId: channel.TenantId).ToJsonString();
            yield return kind + "\t" + body;
        }
    }

    private static async Task RunWrkAsync(int port, string pool, int connections, int seconds, Process server, FakeBotFrameworkChannel channel, bool report, double pause)
    {
        string script = Path.Combine(Repository.Root, "tests", "ChatBot.Benchmarks", "load", "teams.lua");
        ProcessStartInfo start = new("wrk") { RedirectStandardOutput = true };
        foreach (string arg in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, $"http://127.0.0.1:{port}/api/messages", "--", pool, pause.ToString("0.###", CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        server.Refresh();
        TimeSpan cpuBefore = server.TotalProcessorTime;
        int repliesBefore = channel.ReplyCount;
        using Process wrk = Process.Start(start)!;
        Task<string> outputTask = wrk.StandardOutput.ReadToEndAsync();

        // wrk loads its pool before sending: the clock starts at the first reply.
        while (channel.ReplyCount == repliesBefore && !wrk.HasExited)
        {
            await Task.Delay(5);
        }

        Stopwatch clock = Stopwatch.StartNew();
        string output = await outputTask;
        await wrk.WaitForExitAsync();
        TimeSpan loadTime = clock.Elapsed;

        // Replies are posted asynchronously: wait until they stop arriving.
        int last = -1;
        TimeSpan drained = clock.Elapsed;
        while (channel.ReplyCount != last)
        {
            last = channel.ReplyCount;
            drained = clock.Elapsed;
            await Task.Delay(200);
        }

        server.Refresh();
        if (!report)
        {
            return;
        }

        double cpuMs = (server.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        int replies = channel.ReplyCount - repliesBefore;
        Console.WriteLine(output);
        Match total = Regex.Match(output, @"(\d+) requests in");
        long acknowledged = total.Success ? long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{acknowledged:N0} activities acknowledged in {loadTime.TotalSeconds:F1} s; {replies:N0} replies at the connector by {drained.TotalSeconds:F1} s: " +
            $"{replies / drained.TotalSeconds:N0} replies/s; bot CPU {cpuMs / Math.Max(1, replies):F3} ms per activity; connector failures {channel.FailedRequests}"));
    }
}
