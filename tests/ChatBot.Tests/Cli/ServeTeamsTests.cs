using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Cli;
using ChatBot.Testing;
using ChatBot.Testing.Teams;

namespace ChatBot.Tests.Cli;

/// <summary>
/// <c>chatbot serve</c> with Teams on, as a child process: the bot trusts the fake channel's test CA only through
/// the system trust store (<c>SSL_CERT_FILE</c>), as a deployment behind a corporate CA would; nothing in the product
/// turns certificate validation off.
/// </summary>
public sealed class ServeTeamsTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private FakeBotFrameworkChannel _channel = null!;

    public async ValueTask InitializeAsync() => _channel = await FakeBotFrameworkChannel.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        _temp.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_Teams_AnswersAMentionWithACard_RefusesAForgedToken_AndStopsCleanly()
    {
        int port = Loopback.FreePort();
        using Process process = StartServe(port);
        Task<string> errors = process.StandardError.ReadToEndAsync(Ct);
        try
        {
            using HttpClient client = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            string health = await WaitForHealthAsync(client, process);
            Uri endpoint = new($"http://127.0.0.1:{port}/api/messages");
            JsonObject message = TeamsActivities.Message(_channel.ServiceUrl, "valuation OpenAI", appId: _channel.AppId, tenantId: _channel.TenantId);

            using HttpResponseMessage forged = await TeamsActivities.PostActivityAsync(client, endpoint, message, _channel.IssueChannelToken(_channel.ServiceUrl, new ChannelTokenOptions { TamperSignature = true }), Ct);
            using HttpResponseMessage accepted = await TeamsActivities.PostActivityAsync(client, endpoint, message, _channel.IssueChannelToken(_channel.ServiceUrl), Ct);
            ConnectorRequest reply = await _channel.WaitForReplyAsync(timeout: TimeSpan.FromSeconds(30));

            Assert.Contains("\"teams\":\"on\"", health, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal((string)message["id"]!, reply.ReplyToId);
            Assert.Contains("OpenAI", reply.Activity["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }

        Assert.DoesNotContain(_channel.AppPassword, await errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_Teams_AdminCommandsByEntraObjectId_RefusalsAudited_RejectedChangesNotified()
    {
        string knowledge = _temp.File("knowledge");
        Directory.CreateDirectory(knowledge);
        foreach (string file in Directory.GetFiles(Repository.KnowledgePath, "*.yaml"))
        {
            File.Copy(file, Path.Combine(knowledge, Path.GetFileName(file)));
        }

        const string AdminObjectId = "0b5c8a2e-1111-4c3d-9e8f-aaaaaaaaaaaa";
        const string AdminConversation = "19:admins@thread.tacv2";
        int port = Loopback.FreePort();
        using Process process = StartServe(port, "--knowledge", knowledge, $"--Teams:AdminAadObjectIds:0={AdminObjectId}", $"--Teams:NotificationConversationId={AdminConversation}");
        Task<string> errors = process.StandardError.ReadToEndAsync(Ct);
        try
        {
            using HttpClient client = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitForHealthAsync(client, process);
            Uri endpoint = new($"http://127.0.0.1:{port}/api/messages");
            JsonObject byAdmin = TeamsActivities.Message(_channel.ServiceUrl, "admin status", conversationId: AdminConversation, appId: _channel.AppId, tenantId: _channel.TenantId);
            byAdmin["from"]!["aadObjectId"] = AdminObjectId;
            JsonObject byMember = TeamsActivities.Message(_channel.ServiceUrl, "admin reload", conversationId: AdminConversation, appId: _channel.AppId, tenantId: _channel.TenantId);

            using HttpResponseMessage r1 = await TeamsActivities.PostActivityAsync(client, endpoint, byAdmin, _channel.IssueChannelToken(_channel.ServiceUrl), Ct);
            ConnectorRequest status = await _channel.WaitForReplyAsync(r => r.ReplyToId == (string)byAdmin["id"]!, TimeSpan.FromSeconds(30));
            using HttpResponseMessage r2 = await TeamsActivities.PostActivityAsync(client, endpoint, byMember, _channel.IssueChannelToken(_channel.ServiceUrl), Ct);
            ConnectorRequest refused = await _channel.WaitForReplyAsync(r => r.ReplyToId == (string)byMember["id"]!, TimeSpan.FromSeconds(30));
            await File.WriteAllTextAsync(Path.Combine(knowledge, "zz-broken.yaml"), "events:\n  - id: [unclosed\n", Ct);
            ConnectorRequest notice = await _channel.WaitForReplyAsync(r => r.ReplyToId is null && r.ConversationId == AdminConversation, TimeSpan.FromSeconds(30));

            Assert.Equal("Knowledge status", Title(status));
            Assert.Equal("Admins only", Title(refused));
            Assert.True(Title(notice) == "Knowledge change rejected", notice.Activity.ToJsonString());
            Assert.Contains("zz-broken.yaml:", notice.Activity.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }

        using ChatBot.Knowledge.Store.LiteDbKnowledgeStore store = new(_temp.File("chatbot.db"));
        ChatBot.Knowledge.Operations.OperationsStore operations = new(store);
        Assert.Contains(operations.LatestAudit(10), a => a.Action == "admin reload" && a.Outcome == "refused" && a.Platform == "teams");
        Assert.Contains(operations.LatestAudit(10), a => a.Action == "admin status" && a.Outcome == "done" && a.UserId == AdminObjectId);
        Assert.DoesNotContain(_channel.AppPassword, await errors, StringComparison.Ordinal);
    }

    /// <summary><c>chatbot serve</c> with Teams on against the fake channel, trusting its CA through <c>SSL_CERT_FILE</c>.</summary>
    private Process StartServe(int port, params string[] extra)
    {
        ProcessStartInfo start = new("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "chatbot.dll"), "serve", "--urls", $"http://127.0.0.1:{port}", "--database", _temp.File("chatbot.db"),
            "--Teams:Enabled=true", $"--Teams:MicrosoftAppId={_channel.AppId}", $"--Teams:MicrosoftAppTenantId={_channel.TenantId}",
            $"--Teams:ToBotFromChannelOpenIdMetadataUrl={_channel.OpenIdMetadataUrl}", $"--Teams:ToBotFromEntraOpenIdMetadataUrl={_channel.EntraOpenIdMetadataUrl}",
            $"--Teams:ToChannelFromBotLoginUrl={_channel.LoginUrl}",
        }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Teams__MicrosoftAppPassword"] = _channel.AppPassword;
        start.Environment["SSL_CERT_FILE"] = _channel.WriteCaBundle(_temp.Path);
        return Process.Start(start)!;
    }

    private static string? Title(ConnectorRequest reply) => reply.Activity["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>();

    [Fact]
    public async Task Serve_TeamsWithoutPassword_StopsStartupWithAClearMessage()
    {
        StringWriter error = new();
        string[] args = ["serve", "--urls", $"http://127.0.0.1:{Loopback.FreePort()}", "--knowledge", Repository.KnowledgePath, "--database", _temp.File("chatbot.db"), "--Teams:Enabled=true", $"--Teams:MicrosoftAppId={_channel.AppId}", $"--Teams:MicrosoftAppTenantId={_channel.TenantId}"];

        int exit = await ChatBotApp.RunAsync(args, TextReader.Null, TextWriter.Null, error, Ct);

        Assert.Equal(ChatBotApp.UsageError, exit);
        Assert.Contains("Teams:MicrosoftAppPassword is required", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsPackage_WritesTheAppPackage()
    {
        StringWriter output = new();
        string zip = _temp.File("app.zip");

        int exit = await ChatBotApp.RunAsync(["teams", "package", zip, $"--Teams:MicrosoftAppId={_channel.AppId}", "--database", _temp.File("chatbot.db")], TextReader.Null, output, TextWriter.Null, Ct);

        Assert.Equal(ChatBotApp.Ok, exit);
        using ZipArchive archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains(zip, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsPackage_WithoutAnAppId_IsAUsageError()
    {
        StringWriter error = new();

        int exit = await ChatBotApp.RunAsync(["teams", "package", _temp.File("app.zip"), "--database", _temp.File("chatbot.db")], TextReader.Null, TextWriter.Null, error, Ct);

        Assert.Equal(ChatBotApp.UsageError, exit);
        Assert.Contains("Teams:MicrosoftAppId", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> WaitForHealthAsync(HttpClient client, Process process)
    {
        for (int attempt = 0; attempt < 600; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync(Ct)}");
            }

            try
            {
                return await client.GetStringAsync(new Uri("/healthz", UriKind.Relative), Ct);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, Ct);
            }
        }

        throw new TimeoutException("serve did not start");
    }
}
