using ChatBot.Discord.Api.Interactions;
using ChatBot.Discord.Api.Models;
using ChatBot.Discord.Api.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord;

/// <summary>
/// For the HTTP interactions endpoint: an answer not ready within <see cref="DiscordGatewayService.DeferAfter"/>
/// is deferred (type 5, so Discord's 3-second deadline is kept) and sent later by editing the original response.
/// Admin and feedback answers are deferred ephemeral; their visibility is decided before the deferral.
/// </summary>
public sealed class DeferringInteractionHandler(
    IInteractionHandler inner,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DeferringInteractionHandler> logger) : IInteractionHandler
{
    public async Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        // The answer outlives the HTTP request when it is deferred: it must not stop with the request.
        Task<InteractionResponse> answer = inner.HandleAsync(interaction, CancellationToken.None);
        if (answer.IsCompleted || interaction.Type != InteractionType.ApplicationCommand)
        {
            return await answer.ConfigureAwait(false);
        }

        Task first = await Task.WhenAny(answer, Task.Delay(DiscordGatewayService.DeferAfter, time, cancellationToken)).ConfigureAwait(false);
        if (first == answer)
        {
            return await answer.ConfigureAwait(false);
        }

        _ = EditWhenReadyAsync(interaction, answer);
        return new InteractionResponse(
            InteractionCallbackType.DeferredChannelMessageWithSource,
            DiscordInteractionHandler.AlwaysEphemeral(interaction) ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null);
    }

    private async Task EditWhenReadyAsync(Interaction interaction, Task<InteractionResponse> answer)
    {
        try
        {
            InteractionResponse response = await answer.ConfigureAwait(false);
            RestResult<System.Text.Json.JsonElement> edited = await rest.EditOriginalResponseAsync(
                interaction.ApplicationId ?? options.Value.ApplicationId, interaction.Token, (response.Data ?? new InteractionCallbackData()) with { Flags = null }).ConfigureAwait(false);
            if (!edited.IsSuccess)
            {
                logger.LogWarning("Editing the deferred answer to interaction {Id} failed: {Status}", interaction.Id, edited.Status);
            }
        }
#pragma warning disable CA1031 // A background edit logs its failure; nothing is left to tell.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Answering deferred interaction {Id} failed", interaction.Id);
        }
    }
}
