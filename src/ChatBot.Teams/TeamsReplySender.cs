using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Teams.Api.Activities;
using ChatBot.Teams.Api.Connector;
using ChatBot.Teams.Cards;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Teams;

/// <summary>A message to answer: the activity, what was asked and who asked; or the welcome when the bot was added.</summary>
public sealed record TeamsWork(Activity Activity, Utterance Utterance, Conversation Conversation, bool Welcome);

/// <summary>
/// Answers acknowledged messages in the background and posts the replies through the connector: one Adaptive
/// Card per post (more when a long answer is split), as replies to the user's activity. A typing indicator goes
/// out only when an answer is not ready within <see cref="TypingDelay"/>. On shutdown, queued answers are finished.
/// </summary>
public sealed class TeamsReplySender : BackgroundService
{
    /// <summary>How long an answer may take before the user sees "typing…".</summary>
    public static readonly TimeSpan TypingDelay = TimeSpan.FromMilliseconds(500);

    private const int Workers = 32;

    // Unbounded: an acknowledgement never waits for answers (measured: waiting for room costs a third of the throughput).
    private readonly Channel<TeamsWork> _queue = Channel.CreateUnbounded<TeamsWork>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly IChatBotEngine _engine;
    private readonly ConnectorClient _connector;
    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TeamsReplySender(IChatBotEngine engine, ConnectorClient connector, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsReplySender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine;
        _connector = connector;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Queues a message to answer.</summary>
    public async ValueTask EnqueueAsync(TeamsWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_queue.Writer.TryWrite(work))
        {
            return;
        }

        try
        {
            await _queue.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            _logger.LogWarning("Shutting down: not answering activity {Id}", work.Activity.Id);
        }
    }

    // Replies are immutable and the engine reuses them for repeated questions: render each one once.
    private static readonly ConditionalWeakTable<Reply, IReadOnlyList<AdaptiveCard>> Rendered = [];

    /// <summary>The cards of a reply, rendered once per reply.</summary>
    public static IReadOnlyList<AdaptiveCard> Cards(Reply reply) => Rendered.GetValue(reply, AdaptiveCardRenderer.Render);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        // Queued work is finished even while stopping: the reader ends when the queue is completed and empty.
        await foreach (TeamsWork work in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                await AnswerAsync(work, stoppingToken.IsCancellationRequested ? CancellationToken.None : stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed answer must not stop the worker.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError(ex, "Answering activity {Id} failed", work.Activity.Id);
            }
        }
    }

    private async Task AnswerAsync(TeamsWork work, CancellationToken cancellationToken)
    {
        Activity incoming = work.Activity;
        string serviceUrl = incoming.ServiceUrl!;
        string conversationId = incoming.Conversation!.Id!;
        Reply reply;
        if (work.Welcome)
        {
            reply = Welcome(work.Conversation.Language, _options.BotName);
        }
        else
        {
            Task<Reply> answer = _engine.HandleAsync(work.Utterance, work.Conversation, cancellationToken);
            if (!answer.IsCompleted)
            {
                Task first = await Task.WhenAny(answer, Task.Delay(TypingDelay, _time, cancellationToken)).ConfigureAwait(false);
                if (first != answer)
                {
                    await _connector.SendToConversationAsync(serviceUrl, conversationId, Typing(incoming), cancellationToken).ConfigureAwait(false);
                }
            }

            reply = await answer.ConfigureAwait(false);
        }

        foreach (AdaptiveCard card in Cards(reply))
        {
            ConnectorResult result;
            if (work.Welcome || string.IsNullOrEmpty(incoming.Id))
            {
                result = await _connector.SendToConversationAsync(serviceUrl, conversationId, Message(incoming, card, reply.Language), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                PooledBuffer body = MessageBody(incoming, card, reply.Language);
                result = await _connector.ReplyToActivityAsync(serviceUrl, conversationId, incoming.Id, body.WrittenMemory, cancellationToken).ConfigureAwait(false);

                // Back to the pool only when the connector answered: after a transport failure a write may be in flight.
                if (result.Status != 0)
                {
                    body.Dispose();
                }
            }

            if (!result.Succeeded)
            {
                _logger.LogWarning("Reply to activity {Id} in conversation {Conversation} not posted: {Error}", incoming.Id, conversationId, result.Error);
                return;
            }
        }
    }

    /// <summary>A reply with one card: from the bot to the user, in the incoming conversation, replying to its activity.</summary>
    internal static Activity Message(Activity incoming, AdaptiveCard card, Language language) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = incoming.Recipient?.Id, Name = incoming.Recipient?.Name },
        Recipient = incoming.From is null ? null : new ChannelAccount { Id = incoming.From.Id, Name = incoming.From.Name },
        Conversation = new ConversationAccount { Id = incoming.Conversation?.Id },
        ReplyToId = incoming.Id,
        Locale = language == Language.Dutch ? "nl-NL" : "en-US",
        Summary = card.FallbackText.Length > 200 ? card.FallbackText[..200] : card.FallbackText,
        Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.Content }],
    };

    /// <summary>
    /// <see cref="Message"/> written straight to UTF-8 JSON, the card copied in as already encoded: the same wire
    /// form without serializing the card again for every reply.
    /// </summary>
    internal static PooledBuffer MessageBody(Activity incoming, AdaptiveCard card, Language language)
    {
        PooledBuffer buffer = new(card.Utf8.Length + 1024);
        Utf8JsonWriter json = _threadWriter ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("type", ActivityTypes.Message);
        json.WriteStartObject("from");
        WriteAccount(json, incoming.Recipient);
        json.WriteEndObject();
        if (incoming.From is not null)
        {
            json.WriteStartObject("recipient");
            WriteAccount(json, incoming.From);
            json.WriteEndObject();
        }

        json.WriteStartObject("conversation");
        json.WriteString("id", incoming.Conversation?.Id);
        json.WriteEndObject();
        json.WriteString("replyToId", incoming.Id);
        json.WriteString("locale", language == Language.Dutch ? "nl-NL" : "en-US");
        json.WriteString("summary", card.FallbackText.AsSpan(0, Math.Min(200, card.FallbackText.Length)));
        json.WriteStartArray("attachments");
        json.WriteStartObject();
        json.WriteString("contentType", AdaptiveCard.ContentType);
        json.WritePropertyName("content");
        json.WriteRawValue(card.Utf8, skipInputValidation: true);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();

        return buffer;
    }

    /// <summary>One JSON writer per thread, reset onto each reply's buffer.</summary>
    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    private static void WriteAccount(Utf8JsonWriter json, ChannelAccount? account)
    {
        if (account?.Id is { } id)
        {
            json.WriteString("id", id);
        }

        if (account?.Name is { } name)
        {
            json.WriteString("name", name);
        }
    }

    private static Activity Typing(Activity incoming) => new()
    {
        Type = ActivityTypes.Typing,
        From = new ChannelAccount { Id = incoming.Recipient?.Id, Name = incoming.Recipient?.Name },
        Conversation = new ConversationAccount { Id = incoming.Conversation?.Id },
    };

    /// <summary>The one short welcome when the bot joins a team or chat, with examples as buttons.</summary>
    internal static Reply Welcome(Language language, string botName) => language == Language.Dutch
        ? new Reply(ReplyKind.Help, language, $"Hallo, ik ben {botName}", $"Ik beantwoord vragen over de financiën van AI-bedrijven: waarderingen, financieringsrondes, deals, partners, investeerders en verliezen, met bronnen. Noem mij (@{botName}) in een kanaal, of stel je vraag in een persoonlijke chat.")
        {
            Suggestions = ["waardering OpenAI", "deals Amazon", "investeerders Anthropic", "help"],
        }
        : new Reply(ReplyKind.Help, language, $"Hi, I'm {botName}", $"I answer questions about the finances of AI companies: valuations, funding rounds, deals, partners, investors and losses, with sources. Mention me (@{botName}) in a channel, or ask in a personal chat.")
        {
            Suggestions = ["valuation OpenAI", "deals Amazon", "investors Anthropic", "help"],
        };
}
