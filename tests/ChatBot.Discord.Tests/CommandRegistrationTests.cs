using System.Text.Json;
using ChatBot.Discord.Api.Models;
using ChatBot.Discord.Api.Rest;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Discord.Tests;

public sealed class CommandRegistrationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private FakeDiscord _discord = null!;

    public async ValueTask InitializeAsync() => _discord = await FakeDiscord.StartAsync(_clock);

    private CommandRegistration CreateSut(params string[] guilds)
    {
        DiscordOptions options = new() { Enabled = true, ApplicationId = "123456789", Token = "token", ApiBaseUrl = _discord.ApiBaseUrl };
        foreach (string guild in guilds)
        {
            options.GuildIds.Add(guild);
        }

        DiscordRestClient rest = new(_http, new DiscordRestOptions(options.ApiBaseUrl, options.Token), _clock, NullLogger<DiscordRestClient>.Instance);
        return new CommandRegistration(rest, Options.Create(options), NullLogger<CommandRegistration>.Instance);
    }

    [Fact]
    public async Task Register_FirstTime_OverwritesGlobally_WithEveryCommandAndItsDutchNames()
    {
        int overwritten = await CreateSut().RegisterAsync(DiscordCommands.All, TestContext.Current.CancellationToken);

        Assert.Equal(1, overwritten);
        RecordedRequest put = Assert.Single(_discord.Requests, r => r.Method == "PUT");
        Assert.Equal("/applications/123456789/commands", put.Path);
        using JsonDocument body = JsonDocument.Parse(put.Body);
        string[] names = [.. body.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];
        Assert.Equal(["valuation", "deals", "partners", "investors", "portfolio", "financials", "company", "compare", "search", "ask", "help", "about", "watch", "unwatch", "watches", "feedback", "admin"], names);
        JsonElement admin = body.RootElement.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "admin");
        Assert.Equal(DiscordCommands.ManageGuild, admin.GetProperty("default_member_permissions").GetString());
        Assert.Equal(["status", "reload", "history", "rollback", "unanswered", "feedback"], admin.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString()!));
        Assert.All(admin.GetProperty("options").EnumerateArray(), o => Assert.Equal(1, o.GetProperty("type").GetInt32()));
        Assert.All(body.RootElement.EnumerateArray().Where(c => c.GetProperty("name").GetString() != "admin"), c => Assert.False(c.TryGetProperty("default_member_permissions", out _), "ordinary commands are visible to everyone"));
        JsonElement valuation = body.RootElement[0];
        Assert.Equal("waardering", valuation.GetProperty("name_localizations").GetProperty("nl").GetString());
        JsonElement company = valuation.GetProperty("options")[0];
        Assert.True(company.GetProperty("autocomplete").GetBoolean());
        Assert.Equal("bedrijf", company.GetProperty("name_localizations").GetProperty("nl").GetString());
    }

    [Fact]
    public async Task Register_Unchanged_SendsNoOverwrite()
    {
        await CreateSut().RegisterAsync(DiscordCommands.All, TestContext.Current.CancellationToken);

        int overwritten = await CreateSut().RegisterAsync(DiscordCommands.All, TestContext.Current.CancellationToken);

        Assert.Equal(0, overwritten);
        Assert.Single(_discord.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Register_ChangedDefinitions_OverwriteAgain()
    {
        await CreateSut().RegisterAsync(DiscordCommands.All, TestContext.Current.CancellationToken);
        ApplicationCommand[] changed = [.. DiscordCommands.All.Select(c => c.Name == "about" ? c with { Description = "About the bot" } : c)];

        int overwritten = await CreateSut().RegisterAsync(changed, TestContext.Current.CancellationToken);

        Assert.Equal(1, overwritten);
        Assert.Equal(2, _discord.Requests.Count(r => r.Method == "PUT"));
    }

    [Fact]
    public async Task Register_PerGuild_WhenGuildsAreConfigured()
    {
        await CreateSut("555555555", "666666666").RegisterAsync(DiscordCommands.All, TestContext.Current.CancellationToken);

        Assert.Equal(
            ["/applications/123456789/guilds/555555555/commands", "/applications/123456789/guilds/666666666/commands"],
            _discord.Requests.Where(r => r.Method == "PUT").Select(r => r.Path));
    }

    [Fact]
    public void Definitions_RespectDiscordsLimits()
    {
        Assert.True(DiscordCommands.All.Count <= 100);
        foreach (ApplicationCommand command in DiscordCommands.All)
        {
            Assert.Matches("^[-_a-z0-9]{1,32}$", command.Name);
            Assert.InRange(command.Description.Length, 1, 100);
            Assert.True(command.Options.Count <= 25);
            Assert.All(command.Options, o => Assert.InRange(o.Description.Length, 1, 100));
            Assert.True(command.Options.SkipWhile(o => o.Required).All(o => !o.Required), $"{command.Name}: required options come first");
            Assert.All(command.Options, o => Assert.False(o.Autocomplete && o.Choices is not null, "autocomplete and choices exclude each other"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _discord.DisposeAsync();
    }
}
