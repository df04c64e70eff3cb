using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using ChatBot.Teams.Api.Activities;
using ChatBot.Teams.Api.Authentication;
using ChatBot.Teams.Api.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Teams.Api.Hosting;

/// <summary>
/// The bot's messaging endpoint (<c>POST /api/messages</c>): authenticate the bearer token first, then parse the
/// activity, check the token against it, and hand it to the <see cref="IActivityHandler"/>. Any authentication
/// failure is a bare 401; a body that is not an activity is 400; an invoke's response is its status and JSON body.
/// </summary>
public static class BotFrameworkEndpoint
{
    /// <summary>The largest activity accepted.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Maps the endpoint; <see cref="BotAuthenticator"/>, <see cref="TrustedServiceUrls"/> and an <see cref="IActivityHandler"/> come from the services.</summary>
    public static IEndpointConventionBuilder MapBotFramework(this IEndpointRouteBuilder endpoints, string path)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return endpoints.MapPost(path, HandleAsync);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        IServiceProvider services = context.RequestServices;
        BotAuthenticator authenticator = services.GetRequiredService<BotAuthenticator>();
        CancellationToken aborted = context.RequestAborted;
        AuthenticationResult token = await authenticator.AuthenticateAsync(context.Request.Headers.Authorization.Count == 1 ? context.Request.Headers.Authorization[0] : null, aborted).ConfigureAwait(false);
        if (!token.Succeeded)
        {
            authenticator.LogRefusal(token.Failure!);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        (byte[]? body, int length) = await ReadBodyAsync(context.Request.BodyReader, aborted).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        Activity? activity;
        try
        {
            activity = BotFrameworkJson.ReadActivity(body.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        AuthenticationResult checkedToken = BotAuthenticator.CheckActivity(token, activity.ChannelId, activity.ServiceUrl);
        if (!checkedToken.Succeeded)
        {
            authenticator.LogRefusal(checkedToken.Failure!);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        services.GetRequiredService<TrustedServiceUrls>().Trust(activity.ServiceUrl);
        InvokeResponse? result = await services.GetRequiredService<IActivityHandler>().OnActivityAsync(activity, checkedToken, aborted).ConfigureAwait(false);
        if (result is null)
        {
            context.Response.StatusCode = activity.IsType(ActivityTypes.Invoke) ? StatusCodes.Status501NotImplemented : StatusCodes.Status200OK;
            return;
        }

        context.Response.StatusCode = result.Status;
        if (result.Body is { } json)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            Utf8JsonWriter writer = new(context.Response.BodyWriter);
            await using (writer.ConfigureAwait(false))
            {
                json.WriteTo(writer);
            }
        }
    }

    /// <summary>Reads the whole body into a pooled buffer; null when it is over <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<(byte[]? Buffer, int Length)> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = read.Buffer;
            if (buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return (null, 0);
            }

            if (read.IsCompleted)
            {
                int length = (int)buffer.Length;
                byte[] copy = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
                buffer.CopyTo(copy);
                reader.AdvanceTo(buffer.End);
                return (copy, length);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
