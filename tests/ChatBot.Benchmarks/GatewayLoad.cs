using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ChatBot.Core.Conversations;
using ChatBot.Discord;
using ChatBot.Discord.Api.Rest;
using ChatBot.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Benchmarks;

/// <summary>
/// Gateway mode against the fake Discord on loopback: the time from an INTERACTION_CREATE dispatch leaving the fake
/// gateway to the interaction callback arriving at the fake REST API, one interaction at a time, and the managed
/// memory before and after. Run: <c>dotnet run -c Release --project tests/ChatBot.Benchmarks -- gateway 10000</c>.
/// </summary>
public static class GatewayLoad
{
    public static async Task RunAsync(int interactions)
    {
        using TempDirectory temp = new();
        await using FakeDiscord rest = await FakeDiscord.StartAsync(TimeProvider.System);
        await using FakeGateway gateway = await FakeGateway.StartAsync();
        rest.GatewayUrl = gateway.Url;
        rest.Record = false;
        ConcurrentDictionary<string, TaskCompletionSource> waiting = new(StringComparer.Ordinal);
        rest.OnRequest = r =>
        {
            string[] path = r.Path.Split('/');
            if (path.Length > 2 && path[1] == "interactions" && waiting.TryRemove(path[2], out TaskCompletionSource? done))
            {
                done.SetResult();
            }
        };

        DiscordOptions options = new() { Enabled = true, ApplicationId = "123456789", Token = "bench-token", ApiBaseUrl = rest.ApiBaseUrl };
        using HttpClient http = new();
        DiscordRestClient client = new(http, new DiscordRestOptions(options.ApiBaseUrl, options.Token), TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
        FixedKnowledge knowledge = new(Repository.ShippedSnapshot);
        ChatBotEngine engine = new(knowledge, TimeProvider.System, new EngineSettings(0));
        DiscordInteractionHandler handler = new(engine, knowledge, Options.Create(options), NullLogger<DiscordInteractionHandler>.Instance);
        using DiscordGatewayService service = new(client, handler, engine, Options.Create(options), TimeProvider.System, NullLoggerFactory.Instance, new NoLifetime(), temp.Path);
        using CancellationTokenSource stop = new();
        await service.StartAsync(stop.Token);
        await gateway.WaitForAsync(2);
        await Task.Delay(200);

        async Task<double> OneAsync(int i)
        {
            string id = (80_000_000_000 + i).ToString(CultureInfo.InvariantCulture);
            TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting[id] = done;
            JsonNode payload = JsonNode.Parse($$$"""{"id":"{{{id}}}","application_id":"123456789","type":2,"token":"token-{{{i}}}-aW50ZXJhY3Rpb24","version":1,"locale":"en-US","guild_id":"9","channel_id":"8","member":{"user":{"id":"{{{i % 500}}}"},"roles":[]},"data":{"id":"5","name":"valuation","type":1,"options":[{"type":3,"name":"company","value":"OpenAI"}]}}""")!;
            long started = Stopwatch.GetTimestamp();
            await gateway.DispatchAsync("INTERACTION_CREATE", payload);
            await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        for (int i = 0; i < 500; i++)
        {
            await OneAsync(i);
        }

        long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        double[] latencies = new double[interactions];
        for (int i = 0; i < interactions; i++)
        {
            latencies[i] = await OneAsync(1000 + i);
        }

        long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{interactions:N0} interactions, dispatch → callback at the fake REST: p50 {latencies[interactions / 2]:F3} ms, p99 {latencies[(int)(interactions * 0.99)]:F3} ms, max {latencies[^1]:F1} ms; managed memory {memoryBefore / 1024.0 / 1024.0:F1} → {memoryAfter / 1024.0 / 1024.0:F1} MiB"));
        await stop.CancelAsync();
        await service.StopAsync(CancellationToken.None);
    }

    private sealed class NoLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
