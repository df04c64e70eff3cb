using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Discord.Api.Gateway;
using ChatBot.Discord.Api.Interactions;
using ChatBot.Discord.Api.Models;
using ChatBot.Discord.Api.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord;

/// <summary>
/// The gateway mode of the Discord adapter: one gateway connection per shard this process runs, interactions
/// answered through the REST callback (deferred first when an answer is slow), and — with the message intents —
/// answers to mentions and DMs as ordinary replies that ping no one.
/// </summary>
public sealed partial class DiscordGatewayService(
    DiscordRestClient rest,
    IInteractionHandler interactions,
    IChatBotEngine engine,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILoggerFactory loggers,
    IHostApplicationLifetime lifetime,
    string lockDirectory) : BackgroundService
{
    private readonly List<FileStream> _locks = [];

    /// <summary>How long an answer may take before the interaction is deferred (Discord allows 3 seconds).</summary>
    public static readonly TimeSpan DeferAfter = TimeSpan.FromSeconds(2);

    private readonly ILogger _logger = loggers.CreateLogger<DiscordGatewayService>();
    private readonly ConcurrentDictionary<int, GatewayClient> _clients = new();
    private string? _botUserId;

    /// <summary>Each running shard's state, for <c>/healthz</c>.</summary>
    public IReadOnlyDictionary<int, GatewayState> States => _clients.ToDictionary(p => p.Key, p => p.Value.State);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DiscordOptions settings = options.Value;
        RestResult<GatewayBot> gateway = await rest.GetGatewayBotAsync(stoppingToken).ConfigureAwait(false);
        if (!gateway.IsSuccess || gateway.Value is null)
        {
            _logger.LogError("Discord gateway is not started: GET /gateway/bot answered {Status} ({Message})", (int)gateway.Status, gateway.Error?.Message);
            return;
        }

        Uri url = new(gateway.Value.Url);
        int count = settings.ShardCount > 0 ? settings.ShardCount : Math.Max(1, gateway.Value.Shards);
        int[] shards = settings.ShardIds.Count > 0 ? [.. settings.ShardIds] : [.. Enumerable.Range(0, count)];
        if (!TryLockShards(shards))
        {
            lifetime.StopApplication();
            return;
        }

        SessionStartLimit limit = gateway.Value.SessionStartLimit;
        if (limit.Remaining < shards.Length)
        {
            // The daily Identify budget is spent: identifying anyway would get the token reset.
            TimeSpan wait = TimeSpan.FromMilliseconds(limit.ResetAfter);
            _logger.LogWarning("Discord's session start budget is spent ({Remaining} of {Total} left); waiting {Wait} before connecting", limit.Remaining, limit.Total, wait);
            await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
        }

        int concurrency = Math.Max(1, gateway.Value.SessionStartLimit.MaxConcurrency);
        List<Task> running = [];
        foreach (int[] batch in shards.Chunk(concurrency))
        {
            foreach (int shard in batch)
            {
                GatewayClient client = new(
                    new GatewayOptions(settings.Token, settings.Intents) { Shard = count > 1 || settings.ShardCount > 0 ? (shard, count) : null },
                    _ => Task.FromResult(url),
                    OnDispatchAsync,
                    time,
                    loggers.CreateLogger($"ChatBot.Discord.Gateway.Shard{shard}"));
                _clients[shard] = client;
                running.Add(RunShardAsync(shard, client, stoppingToken));
            }

            // Identify concurrency: at most max_concurrency sessions start per 5 seconds.
            if (batch.Length == concurrency && shards.Length > concurrency)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>Whether another process on this machine already runs one of the shards; it refuses to connect twice.</summary>
    public bool ShardConflict { get; private set; }

    private bool TryLockShards(int[] shards)
    {
        Directory.CreateDirectory(lockDirectory);
        foreach (int shard in shards)
        {
            string path = Path.Combine(lockDirectory, $"discord-shard-{shard}.lock");
            try
            {
                _locks.Add(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
            }
            catch (IOException)
            {
                ShardConflict = true;
                _logger.LogError("Discord shard {Shard} is already connected by another chatbot process on this machine ({Lock}); not connecting it twice", shard, path);
                return false;
            }
        }

        return true;
    }

    public override void Dispose()
    {
        foreach (FileStream file in _locks)
        {
            file.Dispose();
        }

        base.Dispose();
    }

    private async Task RunShardAsync(int shard, GatewayClient client, CancellationToken stoppingToken)
    {
        using (client)
        {
            GatewayStop stop = await client.RunAsync(stoppingToken).ConfigureAwait(false);
            if (stop == GatewayStop.Fatal)
            {
                _logger.LogError("Discord shard {Shard} stopped for good (close code {Code}); the other adapters keep running", shard, client.LastCloseCode);
            }
        }
    }

    private async Task OnDispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        switch (dispatch.Name)
        {
            case "READY":
                _botUserId = dispatch.Data.GetProperty("user").GetProperty("id").GetString();
                break;
            case "INTERACTION_CREATE":
                Interaction? interaction = dispatch.Data.Deserialize<Interaction>(DiscordJson.Options);
                if (interaction is not null)
                {
                    await AnswerInteractionAsync(interaction, cancellationToken).ConfigureAwait(false);
                }

                break;
            case "MESSAGE_CREATE":
                await AnswerMessageAsync(dispatch.Data, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Answers at once when the answer is ready within <see cref="DeferAfter"/>, else defers and edits the original.</summary>
    internal async Task AnswerInteractionAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        Task<InteractionResponse> answer = interactions.HandleAsync(interaction, cancellationToken);
        Task first = await Task.WhenAny(answer, Task.Delay(DeferAfter, time, cancellationToken)).ConfigureAwait(false);
        if (first == answer)
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, await answer.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return;
        }

        // Ephemerality is decided at deferral and cannot change later: admin and feedback answers are deferred
        // ephemeral, every other deferred answer is public.
        bool ephemeral = DiscordInteractionHandler.AlwaysEphemeral(interaction);
        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource, ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null), cancellationToken).ConfigureAwait(false);
        InteractionResponse response = await answer.ConfigureAwait(false);
        await rest.EditOriginalResponseAsync(interaction.ApplicationId ?? options.Value.ApplicationId, interaction.Token, (response.Data ?? new InteractionCallbackData()) with { Flags = null }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A mention of the bot or a DM gets an ordinary reply with the same answer as a slash command.</summary>
    private async Task AnswerMessageAsync(JsonElement message, CancellationToken cancellationToken)
    {
        if (_botUserId is null || !message.TryGetProperty("author", out JsonElement author) || author.TryGetProperty("bot", out JsonElement bot) && bot.ValueKind == JsonValueKind.True)
        {
            return;
        }

        bool direct = !message.TryGetProperty("guild_id", out JsonElement guild) || guild.ValueKind == JsonValueKind.Null;
        bool mentioned = message.TryGetProperty("mentions", out JsonElement mentions) && mentions.EnumerateArray().Any(m => m.GetProperty("id").GetString() == _botUserId);
        if (!direct && !mentioned)
        {
            return;
        }

        string content = message.TryGetProperty("content", out JsonElement c) ? c.GetString() ?? string.Empty : string.Empty;
        string text = MentionPattern().Replace(content, m => m.Groups[1].Value == _botUserId ? string.Empty : m.Value).Trim();
        string channel = message.GetProperty("channel_id").GetString()!;
        string userId = author.GetProperty("id").GetString()!;
        Conversation conversation = new("discord", userId, direct ? $"dm:{channel}" : $"{guild.GetString()}/{channel}", null);
        Reply reply = await engine.HandleAsync(Utterance.FromText(text), conversation, cancellationToken).ConfigureAwait(false);
        InteractionCallbackData data = new() { Embeds = EmbedRenderer.Render(reply), AllowedMentions = AllowedMentions.None, Components = ReplyComponents.For(reply) };
        RestResult<JsonElement> sent = await rest.CreateMessageAsync(channel, data, cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            _logger.LogWarning("Replying in channel {Channel} failed: {Status} {Message}", channel, (int)sent.Status, sent.Error?.Message);
        }
    }

    [GeneratedRegex("<@!?(\\d+)>")]
    private static partial Regex MentionPattern();
}
