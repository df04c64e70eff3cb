using System.Net;
using System.Text.Json;
using ChatBot.Cli;
using ChatBot.Testing;

namespace ChatBot.Tests.Cli;

/// <summary><c>chatbot serve</c> end to end: Kestrel on loopback, the Discord HTTP interactions endpoint, real signatures.</summary>
public sealed class ServeTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly DiscordSigner _signer = new();


    private (Task<int> Run, StringWriter Error, CancellationTokenSource Stop, Uri Base) Start(params string[] extra)
    {
        int port = Loopback.FreePort();
        StringWriter error = new();
        CancellationTokenSource stop = new();
        string[] args =
        [
            "serve", "--urls", $"http://127.0.0.1:{port}", "--knowledge", Repository.KnowledgePath, "--database", _temp.File("chatbot.db"), .. extra,
        ];
        Task<int> run = Task.Run(() => ChatBotApp.RunAsync(args, TextReader.Null, TextWriter.Null, error, stop.Token));
        return (run, error, stop, new Uri($"http://127.0.0.1:{port}"));
    }

    private static async Task<HttpResponseMessage> WaitForHealthAsync(HttpClient client, Task<int> run)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            if (run.IsCompleted)
            {
                throw new InvalidOperationException($"serve exited with {await run}");
            }

            try
            {
                return await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        throw new TimeoutException("serve did not start");
    }

    [Fact]
    public async Task Serve_DiscordHttpMode_AnswersASignedSlashCommand_AndStopsCleanly()
    {
        var (run, error, stop, baseUri) = Start("--Discord:Enabled=true", "--Discord:Mode=Http", "--Discord:ApplicationId=123456789", $"--Discord:PublicKey={_signer.PublicKeyHex}");
        using HttpClient client = new() { BaseAddress = baseUri };

        using HttpResponseMessage health = await WaitForHealthAsync(client, run);
        string body = """{"id":"1","application_id":"123456789","type":2,"token":"tok","version":1,"locale":"en-US","guild_id":"9","channel_id":"8","member":{"user":{"id":"42","username":"ann"},"roles":[]},"data":{"id":"5","name":"valuation","type":1,"options":[{"type":3,"name":"company","value":"OpenAI"}]}}""";
        using HttpResponseMessage answer = await client.SendAsync(_signer.Request("/interactions", body, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        using HttpResponseMessage forged = await client.SendAsync(new DiscordSigner().Request("/interactions", body, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        int exit = await run;

        Assert.Contains("\"discord\":\"http\"", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("OpenAI · valuation", json.RootElement.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Serve_DiscordAdmin_IsForConfiguredAdmins_Ephemeral_AndRejectedChangesReachTheNotificationChannel()
    {
        await using FakeDiscord discord = await FakeDiscord.StartAsync(TimeProvider.System);
        string knowledge = _temp.File("knowledge");
        Directory.CreateDirectory(knowledge);
        foreach (string file in Directory.GetFiles(Repository.KnowledgePath, "*.yaml"))
        {
            File.Copy(file, Path.Combine(knowledge, Path.GetFileName(file)));
        }

        var (run, _, stop, baseUri) = Start(
            "--knowledge", knowledge, "--Discord:Enabled=true", "--Discord:Mode=Http", "--Discord:ApplicationId=123456789", $"--Discord:PublicKey={_signer.PublicKeyHex}",
            $"--Discord:ApiBaseUrl={discord.ApiBaseUrl}", "--Discord:Token=test-token", "--Discord:AdminUserIds:0=42", "--Discord:NotificationChannelId=555");
        using HttpClient client = new() { BaseAddress = baseUri };
        using HttpResponseMessage health = await WaitForHealthAsync(client, run);

        JsonElement byAdmin = await SlashAsync(client, "42", """{"id":"5","name":"admin","type":1,"options":[{"type":1,"name":"status","options":[]}]}""");
        JsonElement byMember = await SlashAsync(client, "7", """{"id":"5","name":"admin","type":1,"options":[{"type":1,"name":"rollback","options":[{"type":4,"name":"revision","value":1}]}]}""");
        JsonElement answer = await SlashAsync(client, "7", """{"id":"5","name":"valuation","type":1,"options":[{"type":3,"name":"company","value":"OpenAI"}]}""");
        string click = """{"id":"2","application_id":"123456789","type":3,"token":"tok2","version":1,"locale":"en-US","guild_id":"9","channel_id":"8","member":{"user":{"id":"7","username":"u"},"roles":[]},"message":{"id":"77"},"data":{"custom_id":"feedback","component_type":2}}""";
        using HttpResponseMessage clicked = await client.SendAsync(_signer.Request("/interactions", click, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        using JsonDocument thanks = JsonDocument.Parse(await clicked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await File.WriteAllTextAsync(Path.Combine(knowledge, "zz-broken.yaml"), "events:\n  - id: [unclosed\n", TestContext.Current.CancellationToken);
        RecordedRequest notice = await WaitForAsync(() => discord.Requests.FirstOrDefault(r => r.Method == "POST" && r.Path.EndsWith("/channels/555/messages", StringComparison.Ordinal)));
        await stop.CancelAsync();
        await run;

        Assert.Equal(64, byAdmin.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("Knowledge status", byAdmin.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal(64, byMember.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("Admins only", byMember.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
        using JsonDocument posted = JsonDocument.Parse(notice.Body);
        Assert.Equal("Knowledge change rejected", posted.RootElement.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Empty(posted.RootElement.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.Contains("zz-broken.yaml:", notice.Body, StringComparison.Ordinal);
        JsonElement button = answer.GetProperty("data").GetProperty("components")[0].GetProperty("components")[0];
        Assert.Equal(("Wrong answer?", "feedback"), (button.GetProperty("label").GetString(), button.GetProperty("custom_id").GetString()));
        Assert.Equal(64, thanks.RootElement.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("Thank you", thanks.RootElement.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
        using ChatBot.Knowledge.Store.LiteDbKnowledgeStore store = new(_temp.File("chatbot.db"));
        ChatBot.Knowledge.Operations.FeedbackDocument feedback = Assert.Single(new ChatBot.Knowledge.Operations.OperationsStore(store).LatestFeedback(5));
        Assert.Equal("/valuation OpenAI", feedback.Question);
        Assert.Equal("wrong answer (button)", feedback.Text);
    }

    private async Task<JsonElement> SlashAsync(HttpClient client, string userId, string data)
    {
        string body = $$$"""{"id":"1","application_id":"123456789","type":2,"token":"tok","version":1,"locale":"en-US","guild_id":"9","channel_id":"8","member":{"user":{"id":"{{{userId}}}","username":"u"},"roles":[]},"data":{{{data}}}}""";
        using HttpResponseMessage response = await client.SendAsync(_signer.Request("/interactions", body, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        for (int attempt = 0; attempt < 300; attempt++)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("nothing arrived");
    }

    [Fact]
    public async Task Serve_DiscordOff_SaysSo_AndServesHealth()
    {
        var (run, error, stop, baseUri) = Start();
        using HttpClient client = new() { BaseAddress = baseUri };

        using HttpResponseMessage health = await WaitForHealthAsync(client, run);
        await stop.CancelAsync();
        await run;

        Assert.Contains("\"discord\":\"off\"", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("Discord is off", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_EnabledAdapterMisconfigured_StopsStartupWithAClearMessage()
    {
        var (run, error, _, _) = Start("--Discord:Enabled=true", "--Discord:Mode=Http", "--Discord:ApplicationId=1", "--Discord:PublicKey=not-a-key");

        int exit = await run;

        Assert.Equal(ChatBotApp.UsageError, exit);
        Assert.Contains("Discord:PublicKey must be the application's public key", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _signer.Dispose();
        _temp.Dispose();
    }
}
