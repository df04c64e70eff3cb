using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Discord.Api.Interactions;
using ChatBot.Discord.Api.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord;

/// <summary>
/// The Discord adapter's answer to an interaction: a slash command becomes a structured <see cref="Utterance"/>,
/// the engine answers, the reply becomes embeds. Autocomplete answers from the in-memory company index. Errors and
/// "I don't know" replies are ephemeral; no reply ever pings anyone.
/// </summary>
public sealed class DiscordInteractionHandler(
    IChatBotEngine engine,
    IKnowledgeSnapshotSource knowledge,
    IOptions<DiscordOptions> options,
    ILogger<DiscordInteractionHandler> logger) : IInteractionHandler
{
    /// <summary>The <c>custom_id</c> of the "Wrong answer?" button under answers.</summary>
    public const string FeedbackButtonId = ReplyComponents.FeedbackButtonId;

    /// <summary>Discord shows at most 25 autocomplete choices.</summary>
    public const int MaxChoices = 25;

    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Type == InteractionType.ApplicationCommandAutocomplete)
        {
            return Autocomplete(interaction);
        }

        if (interaction.Type == InteractionType.MessageComponent && interaction.Data?.CustomId == FeedbackButtonId)
        {
            // "Wrong answer?" under an answer: a note to the curators about the clicker's last question and its answer.
            Language language = Languages.FromLocale(interaction.Locale);
            Reply thanks = await engine.HandleAsync(Utterance.FromText(language == Language.Dutch ? "feedback fout antwoord (knop)" : "feedback wrong answer (button)"), ToConversation(interaction), cancellationToken).ConfigureAwait(false);
            return Message(thanks, ephemeral: true);
        }

        if (interaction.Type == InteractionType.MessageComponent && ReplyComponents.QuestionOf(interaction.Data?.CustomId) is { } question)
        {
            // A button with another reading of the question: answer it as if it had been asked.
            Reply chosen = await engine.HandleAsync(Utterance.FromText(question), ToConversation(interaction), cancellationToken).ConfigureAwait(false);
            return Message(chosen, ephemeral: IsEphemeral(chosen));
        }

        if (interaction.Type != InteractionType.ApplicationCommand || interaction.Data is null)
        {
            return Message(new Reply(ReplyKind.NotUnderstood, Languages.FromLocale(interaction.Locale), "ChatBot", "This kind of interaction is not supported."), ephemeral: true);
        }

        Reply reply;
        try
        {
            reply = await engine.HandleAsync(ToUtterance(interaction.Data), ToConversation(interaction), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Answering /{Command} failed", interaction.Data.Name);
            Language language = Languages.FromLocale(interaction.Locale);
            reply = new Reply(ReplyKind.NotUnderstood, language, "ChatBot", language == Language.Dutch
                ? "Er ging iets mis bij het beantwoorden. Probeer het zo opnieuw."
                : "Something went wrong while answering. Please try again in a moment.");
        }

        return Message(reply, ephemeral: IsEphemeral(reply));
    }

    /// <summary>Errors, "I don't know", refusals and admin replies are seen only by the asker.</summary>
    internal static bool IsEphemeral(Reply reply) => reply.Private || reply.Kind is not (ReplyKind.Answer or ReplyKind.Help or ReplyKind.About or ReplyKind.Operation or ReplyKind.Closest);

    /// <summary>Commands whose answers are ephemeral whatever they say: decided before any deferral.</summary>
    internal static bool AlwaysEphemeral(Interaction interaction) => interaction.Data?.Name is "admin" or "feedback";

    /// <summary>Options by name (sub-commands flattened, the sub-command's name as <c>action</c>); the option names are the command's canonical English ones.</summary>
    internal static Utterance ToUtterance(InteractionData data)
    {
        Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);
        if (data.Options.Count == 1 && data.Options[0].Type == ApplicationCommandOption.SubCommandType)
        {
            values["action"] = data.Options[0].Name;
        }

        foreach (InteractionOption option in Flatten(data.Options))
        {
            if (option.Text is { } text)
            {
                values[option.Name] = text;
            }
        }

        return Utterance.FromCommand(data.Name, values);
    }

    internal Conversation ToConversation(Interaction interaction)
    {
        string userId = interaction.Invoker?.Id ?? "unknown";
        DiscordOptions settings = options.Value;
        bool admin = settings.AdminUserIds.Contains(userId)
            || (interaction.Member?.Roles.Any(settings.AdminRoleIds.Contains) ?? false);
        string place = interaction.GuildId is null ? $"dm:{interaction.ChannelId}" : $"{interaction.GuildId}/{interaction.ChannelId}";
        return new Conversation("discord", userId, place, interaction.Locale ?? interaction.GuildLocale, admin);
    }

    private InteractionResponse Autocomplete(Interaction interaction)
    {
        InteractionOption? focused = Flatten(interaction.Data?.Options ?? []).FirstOrDefault(o => o.Focused);
        string typed = focused?.Text ?? string.Empty;
        ImmutableArray<CommandChoice> choices = [.. CompanyChoices(knowledge.Current, typed).Take(MaxChoices)];
        return new InteractionResponse(InteractionCallbackType.ApplicationCommandAutocompleteResult, new InteractionCallbackData { Choices = choices });
    }

    /// <summary>Companies matching what is typed, as autocomplete choices (<see cref="CompanySearch"/>).</summary>
    internal static IEnumerable<CommandChoice> CompanyChoices(KnowledgeSnapshot snapshot, string typed) =>
        CompanySearch.Find(snapshot, typed).Select(c => new CommandChoice(Formats.Shorten(c.Name, 100), Formats.Shorten(c.Name, 100)));

    // Replies are immutable and the engine reuses them for repeated questions: render each one once.
    private static readonly ConditionalWeakTable<Reply, IReadOnlyList<Embed>> Rendered = [];

    // One response object per reply and visibility, so the endpoint serializes a repeated answer once.
    private static readonly ConditionalWeakTable<Reply, InteractionResponse[]> Responses = [];

    private static InteractionResponse Message(Reply reply, bool ephemeral)
    {
        InteractionResponse[] both = Responses.GetValue(reply, r => [Build(r, ephemeral: false), Build(r, ephemeral: true)]);
        return both[ephemeral ? 1 : 0];
    }

    private static InteractionResponse Build(Reply reply, bool ephemeral) =>
        new(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData
        {
            Embeds = Rendered.GetValue(reply, EmbedRenderer.Render),
            AllowedMentions = AllowedMentions.None,
            Flags = ephemeral ? MessageFlags.Ephemeral : null,
            Components = ReplyComponents.For(reply),
        });

    private static IEnumerable<InteractionOption> Flatten(IEnumerable<InteractionOption> options) =>
        options.SelectMany(o => o.Options.Count > 0 ? Flatten(o.Options) : [o]);
}
