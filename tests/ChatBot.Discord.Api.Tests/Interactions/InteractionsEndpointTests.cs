using System.Net;
using System.Text.Json;
using ChatBot.Discord.Api.Interactions;
using ChatBot.Discord.Api.Models;
using ChatBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Discord.Api.Tests.Interactions;

/// <summary>The HTTP interactions endpoint on real Kestrel (loopback), with real Ed25519 signatures.</summary>
public sealed class InteractionsEndpointTests : IAsyncLifetime
{
    private const string Ping = """{"id":"1","type":1,"token":"t","version":1}""";
    private const string Command = """{"id":"786008729715212338","application_id":"7","type":2,"token":"A_UNIQUE_TOKEN","version":1,"locale":"en-US","data":{"id":"771825006014889984","name":"cardsearch","type":1,"options":[{"type":3,"name":"cardname","value":"The Gitrog Monster"}]},"channel_id":"645027906669510667"}""";

    private readonly DiscordSigner _signer = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly Echo _handler = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddSingleton<IInteractionHandler>(_handler);
        _app = builder.Build();
        _app.MapDiscordInteractions("/interactions", new InteractionsEndpointOptions(_signer.PublicKeyHex, TimeSpan.FromMinutes(5)));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    [Fact]
    public async Task Ping_SignedCorrectly_GetsPong()
    {
        using HttpResponseMessage response = await _client.SendAsync(_signer.Request("/interactions", Ping, _clock.GetUtcNow()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Command_GoesToTheHandler_AndItsResponseComesBackInline()
    {
        using HttpResponseMessage response = await _client.SendAsync(_signer.Request("/interactions", Command, _clock.GetUtcNow()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(4, json.RootElement.GetProperty("type").GetInt32());
        Assert.Equal("cardsearch: The Gitrog Monster", json.RootElement.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal("786008729715212338", Assert.Single(_handler.Seen).Id);
    }

    public static TheoryData<string, Func<DiscordSigner, DateTimeOffset, HttpRequestMessage>> Forgeries => new()
    {
        { "tampered body", (s, now) => Tamper(s.Request("/interactions", Command, now)) },
        { "signed with another key", (_, now) => { using DiscordSigner other = new(); return other.Request("/interactions", Command, now); } },
        { "timestamp six minutes old", (s, now) => s.Request("/interactions", Command, now.AddMinutes(-6)) },
        { "timestamp six minutes ahead", (s, now) => s.Request("/interactions", Command, now.AddMinutes(6)) },
        { "no signature header", (s, now) => Without(s.Request("/interactions", Command, now), "X-Signature-Ed25519") },
        { "no timestamp header", (s, now) => Without(s.Request("/interactions", Command, now), "X-Signature-Timestamp") },
        { "signature not hex", (s, now) => Replace(s.Request("/interactions", Command, now), "X-Signature-Ed25519", new string('z', 128)) },
        { "signature too short", (s, now) => Replace(s.Request("/interactions", Command, now), "X-Signature-Ed25519", "abcd") },
        { "timestamp not a number", (s, now) => Replace(s.Request("/interactions", Command, now), "X-Signature-Timestamp", "yesterday") },
        { "ping with a bad signature (Discord's routine check)", (s, now) => Tamper(s.Request("/interactions", Ping, now)) },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task BadSignature_Gets401AndNothingElse(string why, Func<DiscordSigner, DateTimeOffset, HttpRequestMessage> forge)
    {
        using HttpResponseMessage response = await _client.SendAsync(forge(_signer, _clock.GetUtcNow()), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Empty(_handler.Seen);
    }

    [Fact]
    public async Task ValidSignature_OnMalformedJson_Gets400()
    {
        using HttpResponseMessage response = await _client.SendAsync(_signer.Request("/interactions", "{not json", _clock.GetUtcNow()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TimestampWindow_FollowsTheInjectedClock()
    {
        HttpRequestMessage request = _signer.Request("/interactions", Ping, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(4));
        using HttpResponseMessage fresh = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromMinutes(2));
        using HttpResponseMessage stale = await _client.SendAsync(_signer.Request("/interactions", Ping, _clock.GetUtcNow().AddMinutes(-6)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    private static HttpRequestMessage Tamper(HttpRequestMessage request)
    {
        string body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
        HttpRequestMessage copy = new(HttpMethod.Post, request.RequestUri) { Content = new StringContent(body.Replace("1", "2", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json") };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }

    private static HttpRequestMessage Without(HttpRequestMessage request, string header)
    {
        request.Headers.Remove(header);
        return request;
    }

    private static HttpRequestMessage Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _signer.Dispose();
    }

    /// <summary>A minimal bot: answers every command with its name and first option, without pings.</summary>
    private sealed class Echo : IInteractionHandler
    {
        public List<Interaction> Seen { get; } = [];

        public Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.Add(interaction);
            }

            string text = $"{interaction.Data?.Name}: {(interaction.Data?.Options is [{ } first, ..] ? first.Text : null)}";
            return Task.FromResult(new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData { Content = text, AllowedMentions = AllowedMentions.None }));
        }
    }
}
