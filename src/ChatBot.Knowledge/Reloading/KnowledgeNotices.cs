using System.Collections.Immutable;
using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Loading;

namespace ChatBot.Knowledge.Reloading;

/// <summary>Something admins should hear about the knowledge: a reload that took effect, or a change that was rejected.</summary>
/// <param name="Source">What triggered it: <c>watcher</c>, <c>cli</c>, <c>chat</c>.</param>
/// <param name="Who">Who triggered it, where known.</param>
/// <param name="At">When it happened.</param>
public abstract record KnowledgeNotice(string Source, string? Who, DateTimeOffset At);

/// <summary>A new revision is being served.</summary>
/// <param name="Source">What triggered it.</param>
/// <param name="Who">Who triggered it, where known.</param>
/// <param name="At">When it happened.</param>
/// <param name="Revision">The revision now served.</param>
/// <param name="Previous">The revision served before.</param>
/// <param name="Summary">What changed, in one line: <c>+2 events, 1 changed, 0 removed; companies: +1</c>.</param>
public sealed record KnowledgeReloaded(string Source, string? Who, DateTimeOffset At, RevisionInfo Revision, RevisionInfo Previous, string Summary)
    : KnowledgeNotice(Source, Who, At);

/// <summary>A change was rejected as a whole; <paramref name="Serving"/> is still served.</summary>
/// <param name="Source">What triggered it.</param>
/// <param name="Who">Who triggered it, where known.</param>
/// <param name="At">When it happened.</param>
/// <param name="Errors">Every error, each readable as <c>file:line:column: message</c>.</param>
/// <param name="Serving">The revision that keeps being served (number 0: none).</param>
public sealed record KnowledgeRejected(string Source, string? Who, DateTimeOffset At, ImmutableArray<KnowledgeError> Errors, RevisionInfo Serving)
    : KnowledgeNotice(Source, Who, At);

/// <summary>
/// Receives knowledge notices in-process; adapters implement it to tell their admins. Registered in DI, any number.
/// </summary>
/// <remarks>
/// Implementations may throw: the reloader logs the exception and still calls the others. A slow notifier delays
/// the next reload, never a query.
/// </remarks>
public interface IKnowledgeNotifier
{
    Task NotifyAsync(KnowledgeNotice notice, CancellationToken cancellationToken);
}
