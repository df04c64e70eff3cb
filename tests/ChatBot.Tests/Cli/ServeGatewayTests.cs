using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Cli;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Tests.Cli;

/// <summary>
/// <c>chatbot serve</c> in gateway mode against the fake Discord (REST + a real WebSocket gateway) on loopback:
/// commands registered, a slash command answered through the callback, a mention answered without pings.
/// </summary>
public sealed class ServeGatewayTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly CancellationTokenSource _stop = new();
    private FakeDiscord _rest = null!;
    private FakeGateway _gateway = null!;
    private Task<int> _run = null!;
    private readonly StringWriter _error = new();

    public async ValueTask InitializeAsync()
    {
        _rest = await FakeDiscord.StartAsync(new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        _gateway = await FakeGateway.StartAsync();
        _rest.GatewayUrl = _gateway.Url;
        int port = Loopback.FreePort();

        string[] args =
        [
            "serve", "--urls", $"http://127.0.0.1:{port}", "--knowledge", Repository.KnowledgePath, "--database", _temp.File("chatbot.db"),
            "--Discord:Enabled=true", "--Discord:Mode=Gateway", "--Discord:ApplicationId=123456789", "--Discord:Token=test-token",
            $"--Discord:ApiBaseUrl={_rest.ApiBaseUrl}", "--Discord:Intents=4609",
        ];
        _args = args;
        _run = Task.Run(() => ChatBotApp.RunAsync(args, TextReader.Null, TextWriter.Null, _error, _stop.Token));
    }

    private string[] _args = [];

    [Fact]
    public async Task SecondProcessForTheSameShard_DoesNotConnect_AndSaysWhy()
    {
        await _gateway.WaitForAsync(2);
        using StringWriter error = new();
        string[] second = [.. _args.Select(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal) ? "http://127.0.0.1:0" : a)];

        int exit = await ChatBotApp.RunAsync(second, TextReader.Null, TextWriter.Null, error, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(ChatBotApp.UsageError, exit);
        Assert.Contains("already connected by another chatbot process", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, _gateway.Connections);
    }

    private async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match)
    {
        for (int i = 0; i < 1000; i++)
        {
            if (_rest.Requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            Assert.False(_run.IsCompleted, _error.ToString());
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException(_error.ToString());
    }

    [Fact]
    public async Task Gateway_RegistersCommands_AnswersSlashCommandsAndMentions_WithoutPings()
    {
        GatewayFrame identify = await _gateway.WaitForAsync(2);
        await WaitForRequestAsync(r => r.Method == "PUT" && r.Path == "/applications/123456789/commands");

        await _gateway.DispatchAsync("INTERACTION_CREATE", JsonNode.Parse("""
            {"id":"70000000001","application_id":"123456789","type":2,"token":"interaction-token-0123456789abcdef","version":1,"locale":"nl",
             "guild_id":"80000000001","channel_id":"80000000002","member":{"user":{"id":"42","username":"ann"},"roles":[]},
             "data":{"id":"5","name":"valuation","type":1,"options":[{"type":3,"name":"company","value":"OpenAI"}]}}
            """)!);
        RecordedRequest callback = await WaitForRequestAsync(r => r.Path.StartsWith("/interactions/70000000001/", StringComparison.Ordinal));

        await _gateway.DispatchAsync("MESSAGE_CREATE", JsonNode.Parse("""
            {"id":"90000000001","channel_id":"80000000002","guild_id":"80000000001","author":{"id":"42","username":"ann"},
             "content":"<@999999999> what is OpenAI worth? @everyone","mentions":[{"id":"999999999","username":"ChatBot"}]}
            """)!);
        RecordedRequest reply = await WaitForRequestAsync(r => r.Method == "POST" && r.Path == "/channels/80000000002/messages");

        await _stop.CancelAsync();
        int exit = await _run.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        GatewayFrame closed = await _gateway.WaitForAsync(-1);

        Assert.Equal(4609, identify.Data!["intents"]!.GetValue<int>());
        Assert.Equal("/interactions/70000000001/interaction-token-0123456789abcdef/callback", callback.Path);
        Assert.Equal("Bot test-token", callback.Authorization);
        using JsonDocument response = JsonDocument.Parse(callback.Body);
        Assert.Equal(4, response.RootElement.GetProperty("type").GetInt32());
        Assert.StartsWith("OpenAI · waardering", response.RootElement.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        using JsonDocument message = JsonDocument.Parse(reply.Body);
        Assert.Equal(0, message.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.StartsWith("OpenAI · valuation", message.RootElement.GetProperty("embeds")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Equal(1000, closed.Data!.GetValue<int>());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            // Reported by the test.
        }

        await _gateway.DisposeAsync();
        await _rest.DisposeAsync();
        _stop.Dispose();
        _temp.Dispose();
        await _error.DisposeAsync();
    }
}
