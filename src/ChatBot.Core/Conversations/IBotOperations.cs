using ChatBot.Core.Commands;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Conversations;

/// <summary>The last question a user asked in a place and the answer they got: what <c>/feedback</c> refers to.</summary>
/// <param name="Question">The question as asked.</param>
/// <param name="Title">The answer's title.</param>
/// <param name="Answer">The answer's one-sentence text.</param>
/// <param name="At">When it was answered.</param>
public sealed record Exchange(string Question, string Title, string Answer, DateTimeOffset At);

/// <summary>Who runs an operation, where, in which language, and the exchange it may refer to.</summary>
public sealed record OperationContext(Conversation Conversation, Language Language, Exchange? LastExchange);

/// <summary>
/// The bot's own state, behind the pure core: admin commands (status, reload, history, rollback, unanswered,
/// feedback), channel watches and user feedback, and the record of what the bot could not answer. The host
/// implements it over the database; the engine checks admin rights before calling it.
/// </summary>
public interface IBotOperations
{
    /// <summary>Runs an operation and returns its reply; errors are replies, never exceptions.</summary>
    Task<Reply> RunAsync(OperationCommand command, OperationContext context, CancellationToken cancellationToken);

    /// <summary>Records that a non-admin tried an admin command.</summary>
    Task AuditRefusalAsync(OperationCommand command, Conversation conversation, CancellationToken cancellationToken);
}
