using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Teams.Api.Activities;
using ChatBot.Teams.Api.Authentication;
using ChatBot.Teams.Api.Hosting;
using ChatBot.Teams.Cards;
using ChatBot.Teams.Conversations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Teams;

/// <summary>
/// The Teams adapter's activity handler. Messages (a mention in a channel, anything in a personal chat, a card
/// button) are acknowledged at once and answered asynchronously by <see cref="TeamsReplySender"/>; a re-delivered
/// activity is dropped. The bot being added to a conversation gets one welcome. Message-extension searches and
/// card actions are invokes, answered in the HTTP response. Other activities get a plain 200; unknown invokes 501.
/// </summary>
public sealed class TeamsBot : IActivityHandler
{
    /// <summary>The message extension's search command id, as in the app manifest.</summary>
    public const string SearchCommandId = "searchCompany";

    /// <summary>The most results a message-extension search returns.</summary>
    public const int MaxSearchResults = 10;

    private readonly IChatBotEngine _engine;
    private readonly IKnowledgeSnapshotSource _knowledge;
    private readonly TeamsReplySender _sender;
    private readonly ActivityDeduplicator _seen;
    private readonly ConversationReferences _references;
    private readonly TeamsOptions _options;
    private readonly ILogger _logger;

    public TeamsBot(IChatBotEngine engine, IKnowledgeSnapshotSource knowledge, TeamsReplySender sender, ConversationReferences references, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsBot> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine;
        _knowledge = knowledge;
        _sender = sender;
        _references = references;
        _options = options.Value;
        _seen = new ActivityDeduplicator(time);
        _logger = logger;
    }

    public ValueTask<InvokeResponse?> OnActivityAsync(Activity activity, AuthenticationResult authentication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return OnMessageAsync(activity, cancellationToken);
            case ActivityTypes.ConversationUpdate:
                return OnConversationUpdateAsync(activity, cancellationToken);
            case ActivityTypes.InstallationUpdate:
                OnInstallationUpdate(activity);
                return ValueTask.FromResult<InvokeResponse?>(null);
            case ActivityTypes.Invoke:
                return OnInvokeAsync(activity, cancellationToken);
            default:
                return ValueTask.FromResult<InvokeResponse?>(null);
        }
    }

    private async ValueTask<InvokeResponse?> OnMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return null;
        }

        if (!_seen.FirstSeen(conversationId, activity.Id))
        {
            _logger.LogDebug("Dropped re-delivered activity {Id} of conversation {Conversation}", activity.Id, conversationId);
            return null;
        }

        Remember(activity);
        string text = Question(activity);
        if (text.Length == 0)
        {
            text = "help";
        }

        await _sender.EnqueueAsync(new TeamsWork(activity, Utterance.FromText(text), ConversationOf(activity), Welcome: false), cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>The question: a card button's <c>question</c>, else the text without the bot's mention.</summary>
    internal static string Question(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Text) && activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("question", out JsonElement question) && question.ValueKind == JsonValueKind.String)
        {
            return question.GetString()!.Trim();
        }

        return Mentions.RemoveRecipientMention(activity);
    }

    private async ValueTask<InvokeResponse?> OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        string? botId = activity.Recipient?.Id;
        if (botId is null)
        {
            return null;
        }

        if (activity.MembersRemoved?.Any(m => m.Id == botId) == true && activity.Conversation?.Id is { } removedFrom)
        {
            _references.Forget(removedFrom);
            return null;
        }

        if (activity.MembersAdded?.Any(m => m.Id == botId) == true && activity.Conversation?.Id is { Length: > 0 } addedTo && _seen.FirstSeen(addedTo, activity.Id))
        {
            Remember(activity);
            await _sender.EnqueueAsync(new TeamsWork(activity, Utterance.FromText("help"), ConversationOf(activity), Welcome: true), cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private void OnInstallationUpdate(Activity activity)
    {
        if (activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true && activity.Conversation?.Id is { } id)
        {
            _references.Forget(id);
        }
        else if (activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true)
        {
            Remember(activity);
        }
    }

    private async ValueTask<InvokeResponse?> OnInvokeAsync(Activity activity, CancellationToken cancellationToken) => activity.Name switch
    {
        "composeExtension/query" => Search(activity),
        "adaptiveCard/action" => await CardActionAsync(activity, cancellationToken).ConfigureAwait(false),
        _ => InvokeResponse.NotImplemented,
    };

    /// <summary>A message-extension search: the valuation card of each matching company, with a thumbnail preview.</summary>
    private InvokeResponse Search(Activity activity)
    {
        Language language = Languages.FromLocale(activity.Locale);
        (string query, bool initialRun, int skip, int count) = SearchQuery(activity.Value);
        KnowledgeSnapshot snapshot = _knowledge.Current;
        ImmutableArray<Company> companies = [.. CompanySearch.Find(snapshot, initialRun ? string.Empty : query).Skip(skip).Take(count)];
        if (companies.IsEmpty)
        {
            string text = language == Language.Dutch ? $"Geen bedrijf gevonden voor “{query}”." : $"No company matches “{query}”.";
            return Invoke(new JsonObject { ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text } });
        }

        JsonArray attachments = [];
        foreach (Company company in companies)
        {
            Reply reply = _engine.Preview(Utterance.FromCommand("valuation", new Dictionary<string, string> { ["company"] = company.Name }), language);
            AdaptiveCard card = TeamsReplySender.Cards(reply)[0];
            attachments.Add(new JsonObject
            {
                ["contentType"] = AdaptiveCard.ContentType,
                ["content"] = JsonNode.Parse(card.Content.GetRawText()),
                ["preview"] = new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.card.thumbnail",
                    ["content"] = new JsonObject { ["title"] = company.Name, ["text"] = Formats.Shorten(reply.Answer, 160) },
                },
            });
        }

        return Invoke(new JsonObject
        {
            ["composeExtension"] = new JsonObject { ["type"] = "result", ["attachmentLayout"] = "list", ["attachments"] = attachments },
        });
    }

    private static (string Query, bool InitialRun, int Skip, int Count) SearchQuery(JsonElement? value)
    {
        string query = string.Empty;
        bool initialRun = false;
        int skip = 0;
        int count = MaxSearchResults;
        if (value is { ValueKind: JsonValueKind.Object } v)
        {
            if (v.TryGetProperty("parameters", out JsonElement parameters) && parameters.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement parameter in parameters.EnumerateArray())
                {
                    string? name = parameter.ValueKind == JsonValueKind.Object && parameter.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                    string? text = parameter.ValueKind == JsonValueKind.Object && parameter.TryGetProperty("value", out JsonElement t) ? t.ToString() : null;
                    if (name == "initialRun")
                    {
                        initialRun = string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
                    }
                    else if (text is not null && query.Length == 0)
                    {
                        query = text.Trim();
                    }
                }
            }

            if (v.TryGetProperty("queryOptions", out JsonElement options) && options.ValueKind == JsonValueKind.Object)
            {
                if (options.TryGetProperty("skip", out JsonElement s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out int sk) && sk > 0)
                {
                    skip = sk;
                }

                if (options.TryGetProperty("count", out JsonElement c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out int co) && co > 0)
                {
                    count = Math.Min(co, MaxSearchResults);
                }
            }
        }

        return (query, initialRun, skip, count);
    }

    /// <summary>An <c>Action.Execute</c> button: answers the question in its data with a card that replaces the old one.</summary>
    private async Task<InvokeResponse> CardActionAsync(Activity activity, CancellationToken cancellationToken)
    {
        string? question = null;
        if (activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out JsonElement action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out JsonElement data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("question", out JsonElement q) && q.ValueKind == JsonValueKind.String)
        {
            question = q.GetString();
        }

        if (string.IsNullOrWhiteSpace(question))
        {
            return Invoke(new JsonObject { ["statusCode"] = 400, ["type"] = "application/vnd.microsoft.error", ["value"] = new JsonObject { ["code"] = "BadRequest", ["message"] = "The action has no question." } });
        }

        Reply reply = await _engine.HandleAsync(Utterance.FromText(question), ConversationOf(activity), cancellationToken).ConfigureAwait(false);
        AdaptiveCard card = TeamsReplySender.Cards(reply)[0];
        return Invoke(new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = AdaptiveCard.ContentType,
            ["value"] = JsonNode.Parse(card.Content.GetRawText()),
        });
    }

    private static InvokeResponse Invoke(JsonObject body) => new(200, JsonSerializer.SerializeToElement(body, TeamsJson.Default.JsonObject));

    private void Remember(Activity activity)
    {
        if (ConversationReference.Of(activity) is { } reference)
        {
            _references.Remember(reference);
        }
    }

    /// <summary>Who asked and where; admins are recognised by their Entra object id.</summary>
    internal Conversation ConversationOf(Activity activity)
    {
        string? aad = activity.From?.AadObjectId;
        bool admin = aad is not null && _options.AdminAadObjectIds.Contains(aad, StringComparer.OrdinalIgnoreCase);
        return new Conversation("teams", aad ?? activity.From?.Id ?? "unknown", activity.Conversation?.Id, activity.Locale, admin);
    }

}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class TeamsJson : System.Text.Json.Serialization.JsonSerializerContext;
