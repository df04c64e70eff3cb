using System.Globalization;
using System.Text.Json;
using ChatBot.Discord.Api.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Api.Interactions;

/// <summary>Answers one interaction. The bot implements it; the endpoint calls it after the request is verified.</summary>
public interface IInteractionHandler
{
    /// <summary>The response to send (must come within Discord's 3-second deadline).</summary>
    Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken);
}

/// <summary>Settings of the HTTP interactions endpoint.</summary>
/// <param name="PublicKey">The application's Ed25519 public key, hex.</param>
/// <param name="TimestampTolerance">How far <c>X-Signature-Timestamp</c> may be from now (default 5 minutes).</param>
public sealed record InteractionsEndpointOptions(string PublicKey, TimeSpan TimestampTolerance)
{
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The "Interactions Endpoint URL" mode: POSTs signed by Discord, verified before anything else. A missing or bad
/// signature, or a timestamp outside the tolerance, gets 401 and nothing else; PING gets PONG; anything else goes
/// to the <see cref="IInteractionHandler"/> and its response is returned inline (200, JSON).
/// </summary>
public static class InteractionsEndpoint
{
    /// <summary>The largest body accepted; interactions are a few kilobytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints, string path, InteractionsEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        SignatureVerifier verifier = new(options.PublicKey);
        TimeProvider time = endpoints.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        ILogger logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InteractionsEndpoint).FullName!);
        return endpoints.MapPost(path, (HttpContext context) => HandleAsync(context, verifier, options, time, logger));
    }

    private static async Task HandleAsync(HttpContext context, SignatureVerifier verifier, InteractionsEndpointOptions options, TimeProvider time, ILogger logger)
    {
        HttpRequest request = context.Request;
        CancellationToken aborted = context.RequestAborted;
        if (request.ContentLength is > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        byte[]? body = await ReadBodyAsync(request, aborted).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        string? timestamp = request.Headers["X-Signature-Timestamp"];
        string? signature = request.Headers["X-Signature-Ed25519"];
        if (!IsFresh(timestamp, time.GetUtcNow(), options.TimestampTolerance) || !verifier.Verify(timestamp, body, signature))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<Interaction>(body, DiscordJson.Options);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        InteractionResponse response;
        if (interaction.Type == InteractionType.Ping)
        {
            response = InteractionResponse.Pong;
        }
        else
        {
            IInteractionHandler handler = context.RequestServices.GetRequiredService<IInteractionHandler>();
            try
            {
                response = await handler.HandleAsync(interaction, aborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Interaction {Id} failed", interaction.Id);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }
        }

        // Handlers may reuse response objects for repeated answers: each is serialized once.
        byte[] json = Serialized.GetValue(response, r => JsonSerializer.SerializeToUtf8Bytes(r, DiscordJson.Options));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, aborted).ConfigureAwait(false);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<InteractionResponse, byte[]> Serialized = [];

    /// <summary>The raw body, read once into an array of its exact length; null when it is over the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            byte[] exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        using MemoryStream buffer = new();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.Length > MaxBodyBytes ? null : buffer.ToArray();
    }

    /// <summary>The timestamp is Unix seconds within the tolerance of now (replayed old requests are refused).</summary>
    internal static bool IsFresh(string? timestamp, DateTimeOffset now, TimeSpan tolerance) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
        && seconds < 253402300799
        && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= tolerance;
}
