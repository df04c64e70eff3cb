using System.Diagnostics;
using System.Globalization;
using System.Net;
using ChatBot.Testing;

namespace ChatBot.Benchmarks;

/// <summary>
/// A load generator for the HTTP interactions endpoint: starts <c>chatbot serve</c> in Discord Http mode as a child
/// process, pre-signs a pool of <c>/valuation company:OpenAI</c> interactions (each with its own id and token),
/// sends them over N concurrent connections for a while, and reports throughput, latency percentiles and the bot
/// process's CPU per interaction. Run:
/// <c>dotnet run -c Release --project tests/ChatBot.Benchmarks -- interactions [connections] [seconds]</c>
/// (build <c>src/ChatBot</c> in Release first).
/// </summary>
public static class InteractionsLoad
{
    public static async Task RunAsync(int connections, int seconds, bool wrk = false)
    {
        using DiscordSigner signer = new();
        int port = Loopback.FreePort();
        using TempDirectory temp = new();
        List<string> serverLog = [];
        using Process server = BotProcess.Start(
            port,
            temp.File("chatbot.db"),
            ["--Discord:Enabled=true", "--Discord:Mode=Http", "--Discord:ApplicationId=123456789", $"--Discord:PublicKey={signer.PublicKeyHex}"],
            line =>
            {
                lock (serverLog)
                {
                    if (serverLog.Count < 1000)
                    {
                        serverLog.Add(line);
                    }
                }
            });
        using HttpClient client = new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForHealthAsync(client);

        // Pre-signed pool, so the generator spends no CPU on signing while measuring.
        const int Pool = 20_000;
        (string Body, string Timestamp, string Signature)[] requests = new (string, string, string)[Pool];
        string timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        for (int i = 0; i < Pool; i++)
        {
            string body = $$$"""{"id":"{{{7_000_000_000_000_000 + i}}}","application_id":"123456789","type":2,"token":"token-{{{i:D8}}}-aW50ZXJhY3Rpb24","version":1,"locale":"en-US","guild_id":"9","channel_id":"8","member":{"user":{"id":"{{{i % 500}}}","username":"u"},"roles":[]},"data":{"id":"5","name":"valuation","type":1,"options":[{"type":3,"name":"company","value":"OpenAI"}]}}""";
            requests[i] = (body, timestamp, signer.Sign(timestamp, body));
        }

        await RunPhaseAsync(client, requests, connections, TimeSpan.FromSeconds(3), server, report: false);
        if (wrk)
        {
            string pool = temp.File("pool.tsv");
            await File.WriteAllLinesAsync(pool, requests.Select(r => $"{r.Timestamp}\t{r.Signature}\t{r.Body}"));
            await RunWrkAsync(port, pool, connections, seconds, server);
        }
        else
        {
            await RunPhaseAsync(client, requests, connections, TimeSpan.FromSeconds(seconds), server, report: true);
        }

        server.Kill(entireProcessTree: true);
        lock (serverLog)
        {
            Console.WriteLine($"server log: {serverLog.Count} lines");
            foreach (string line in serverLog.Distinct().Take(5))
            {
                Console.WriteLine("  " + line);
            }
        }
    }

    private static async Task RunPhaseAsync(HttpClient client, (string Body, string Timestamp, string Signature)[] requests, int connections, TimeSpan duration, Process server, bool report)
    {
        server.Refresh();
        TimeSpan cpuBefore = server.TotalProcessorTime;
        long memoryBefore = server.WorkingSet64;
        int next = 0;
        long failures = 0;
        List<double>[] latencies = [.. Enumerable.Range(0, connections).Select(_ => new List<double>(100_000))];
        Stopwatch clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            while (clock.Elapsed < duration)
            {
                var (body, timestamp, signature) = requests[Interlocked.Increment(ref next) % requests.Length];
                using HttpRequestMessage request = new(HttpMethod.Post, "/interactions") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Signature-Timestamp", timestamp);
                request.Headers.Add("X-Signature-Ed25519", signature);
                long started = Stopwatch.GetTimestamp();
                using HttpResponseMessage response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        TimeSpan elapsed = clock.Elapsed;
        server.Refresh();
        if (!report)
        {
            return;
        }

        double[] all = [.. latencies.SelectMany(l => l).Order()];
        double cpuMs = (server.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{all.Length:N0} interactions in {elapsed.TotalSeconds:F1} s over {connections} connections: {all.Length / elapsed.TotalSeconds:N0}/s, " +
            $"p50 {all[all.Length / 2]:F2} ms, p99 {all[(int)(all.Length * 0.99)]:F2} ms, max {all[^1]:F1} ms, {failures} non-200, " +
            $"bot CPU {cpuMs / all.Length:F3} ms per interaction, working set {memoryBefore / 1048576} → {server.WorkingSet64 / 1048576} MiB"));
    }

    /// <summary>The same load from wrk (C, far cheaper per request than HttpClient), with tests/ChatBot.Benchmarks/load/interactions.lua.</summary>
    private static async Task RunWrkAsync(int port, string pool, int connections, int seconds, Process server)
    {
        string script = Path.Combine(Repository.Root, "tests", "ChatBot.Benchmarks", "load", "interactions.lua");
        ProcessStartInfo start = new("wrk") { RedirectStandardOutput = true };
        foreach (string arg in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, $"http://127.0.0.1:{port}/interactions", "--", pool })
        {
            start.ArgumentList.Add(arg);
        }

        server.Refresh();
        TimeSpan cpuBefore = server.TotalProcessorTime;
        using Process wrk = Process.Start(start)!;
        string output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        server.Refresh();
        double cpuMs = (server.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        Console.WriteLine(output);
        System.Text.RegularExpressions.Match total = System.Text.RegularExpressions.Regex.Match(output, @"(\d+) requests in");
        if (total.Success)
        {
            long count = long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bot CPU {cpuMs / count:F3} ms per interaction over {count:N0} interactions"));
        }
    }

    /// <summary>Waits until a <c>chatbot serve</c> child process answers <c>/healthz</c>.</summary>
    internal static async Task WaitForHealthAsync(HttpClient client)
    {
        for (int i = 0; i < 200; i++)
        {
            try
            {
                using HttpResponseMessage health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("chatbot serve did not start");
    }

}
