using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Queries;
using ChatBot.Core.Questions;
using ChatBot.Core.Replies;
using ChatBot.Core.Search;

namespace ChatBot.Core.Conversations;

/// <summary>The one entry point adapters call: what was said, where → a reply.</summary>
public interface IChatBotEngine
{
    /// <summary>Answers an utterance. Never throws for user input: every failure is a reply.</summary>
    Task<Reply> HandleAsync(Utterance utterance, Conversation conversation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Answers an utterance the bot builds itself (search results, previews), outside any user's rate limit.
    /// </summary>
    Reply Preview(Utterance utterance, Language language);
}

/// <summary>Settings of the engine; bound from the <c>Limits</c> section by the host.</summary>
/// <param name="QuestionsPerUserPerMinute">How many questions one user may ask per minute (0 = no limit).</param>
/// <param name="CacheAnswers">Whether repeated questions reuse their answer (per snapshot and day). The default value is <c>true</c>.</param>
/// <param name="FollowUpMinutes">How long the last question of a user in a place is kept for follow-ups ("and Anthropic?"). The default value is 10.</param>
public sealed record EngineSettings(int QuestionsPerUserPerMinute = 20, bool CacheAnswers = true, int FollowUpMinutes = 10);

/// <summary>
/// Parses, rate-limits and answers over the current snapshot. Time comes from the injected
/// <see cref="TimeProvider"/>, never the ambient clock.
/// </summary>
public sealed class ChatBotEngine : IChatBotEngine
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly IKnowledgeSnapshotSource _knowledge;
    private readonly TimeProvider _time;
    private readonly EngineSettings _settings;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);

    // Answers are pure functions of (what was asked, language, snapshot, day): popular questions are answered once
    // per snapshot and day. The cache empties when the snapshot or the day changes, and never grows past its bound.
    private const int MaxCachedAnswers = 4096;
    private readonly ConcurrentDictionary<string, Answer> _answers = new(StringComparer.Ordinal);
    private (KnowledgeSnapshot? Snapshot, DateOnly Day) _answersFor;
    private readonly Lock _answersGate = new();

    // The last exchange per user and place, for /feedback and follow-ups; bounded like the answer cache. Every answer
    // writes one, so an entry is kept small for the garbage collector: a 64-bit hash of who and where (no key string),
    // the question, the (usually cached) reply and its context in a struct (no object per entry).
    private const int MaxExchanges = 10_000;
    private readonly Dictionary<ulong, LastExchange> _exchanges = [];
    private readonly Lock _exchangesGate = new();
    private readonly IBotOperations? _operations;

    private readonly IUnansweredQuestions? _unanswered;
    private readonly IEventSearch? _search;

    /// <param name="knowledge">The snapshot to answer from.</param>
    /// <param name="time">The clock.</param>
    /// <param name="settings">Limits and caching.</param>
    /// <param name="operations">Admin commands, watches and feedback, if this host has a database.</param>
    /// <param name="unanswered">Where questions without an answer are reported, if anywhere.</param>
    /// <param name="search">The ranked search over events, for the fallback and <c>/search</c>, if this host has one.</param>
    public ChatBotEngine(IKnowledgeSnapshotSource knowledge, TimeProvider time, EngineSettings settings, IBotOperations? operations = null, IUnansweredQuestions? unanswered = null, IEventSearch? search = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(settings);
        _knowledge = knowledge;
        _time = time;
        _settings = settings;
        _operations = operations;
        _unanswered = unanswered;
        _search = search;
    }

    public Task<Reply> HandleAsync(Utterance utterance, Conversation conversation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(conversation);
        if (CommandParser.MayBeOperation(utterance))
        {
            ParseResult parsed = CommandParser.Parse(utterance, _knowledge.Current.Directory);
            if (parsed.Command is OperationCommand operation)
            {
                return OperateAsync(operation, conversation, parsed.Language ?? conversation.Language, cancellationToken);
            }
        }

        return Task.FromResult(Handle(utterance, conversation));
    }

    private async Task<Reply> OperateAsync(OperationCommand operation, Conversation conversation, Language language, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        QueryContext q = new(_knowledge.Current, DateOnly.FromDateTime(now.UtcDateTime), language);
        if (_operations is null)
        {
            return new Reply(ReplyKind.Refused, language, q.L("Not available here", "Hier niet beschikbaar"), q.L(
                "Admin commands, watches and feedback need the bot's database; they are not available in this session.",
                "Beheeropdrachten, volgen en feedback hebben de database van de bot nodig; die zijn hier niet beschikbaar."))
            { Private = true };
        }

        if (operation is AdminCommand && !conversation.IsAdmin)
        {
            await _operations.AuditRefusalAsync(operation, conversation, cancellationToken).ConfigureAwait(false);
            return new Reply(ReplyKind.Refused, language, q.L("Admins only", "Alleen voor beheerders"), q.L(
                "Only the bot's admins can run admin commands. The attempt has been noted.",
                "Alleen beheerders van de bot kunnen beheeropdrachten geven. De poging is vastgelegd."))
            { Private = true };
        }

        if (TryTakeSlot(conversation, now) is { } wait)
        {
            int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return new Reply(ReplyKind.RateLimited, language, q.L("One moment", "Even geduld"), q.L(
                $"Too many requests; try again in {seconds} seconds.",
                $"Te veel verzoeken; probeer het over {seconds} seconden opnieuw."))
            { Private = true };
        }

        Exchange? last = LastExchangeOf(conversation);
        return await _operations.RunAsync(operation, new OperationContext(conversation, language, last), cancellationToken).ConfigureAwait(false);
    }

    private void Remember(Utterance utterance, Conversation conversation, Reply reply, Context? context, DateTimeOffset now)
    {
        ulong key = ExchangeKey(conversation);
        lock (_exchangesGate)
        {
            if (context is null && _exchanges.TryGetValue(key, out LastExchange previous))
            {
                // A question that was not understood keeps the context of the last one that was.
                context = previous.Context;
            }

            if (_exchanges.Count >= MaxExchanges && !_exchanges.ContainsKey(key))
            {
                _exchanges.Clear();
            }

            _exchanges[key] = new LastExchange(utterance.Text, reply, now, context);
        }
    }

    /// <summary>The context of the last question of this user in this place, if it is recent enough for a follow-up.</summary>
    private Context? ContextOf(Conversation conversation, DateTimeOffset now)
    {
        lock (_exchangesGate)
        {
            return _exchanges.TryGetValue(ExchangeKey(conversation), out LastExchange last) && now - last.At <= TimeSpan.FromMinutes(_settings.FollowUpMinutes)
                ? last.Context
                : null;
        }
    }

    private Exchange? LastExchangeOf(Conversation conversation)
    {
        ulong key = ExchangeKey(conversation);
        LastExchange last;
        lock (_exchangesGate)
        {
            if (!_exchanges.TryGetValue(key, out last))
            {
                return null;
            }
        }

        return new Exchange(last.Question, last.Reply.Title, last.Reply.Answer, last.At);
    }

    /// <summary>
    /// Who and where, as the 64-bit XxHash3 of the platform, user and place, each preceded by its length so no two
    /// triples read alike. Two triples sharing a hash among the 10,000 kept is a chance of about 1 in 10^11.
    /// </summary>
    internal static ulong ExchangeKey(Conversation conversation)
    {
        string platform = conversation.Platform;
        string user = conversation.UserId;
        string place = conversation.PlaceId ?? string.Empty;
        int length = 3 + platform.Length + user.Length + place.Length;
        char[]? rented = length > 256 ? ArrayPool<char>.Shared.Rent(length) : null;
        Span<char> text = rented is null ? stackalloc char[length] : rented.AsSpan(0, length);
        int at = 0;
        foreach (string part in (ReadOnlySpan<string>)[platform, user, place])
        {
            text[at++] = (char)Math.Min(part.Length, char.MaxValue);
            part.CopyTo(text[at..]);
            at += part.Length;
        }

        ulong key = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text));
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return key;
    }

    /// <summary>The last exchange of a user in a place, as kept.</summary>
    private readonly record struct LastExchange(string Question, Reply Reply, DateTimeOffset At, Context? Context);

    /// <summary>An answer as cached: what the text was parsed into, the reply, and the context a follow-up continues.</summary>
    private sealed record Answer(ParseResult Parsed, Reply Reply, Context? Context);

    /// <summary>The synchronous core of <see cref="HandleAsync"/>: no I/O happens on this path.</summary>
    public Reply Handle(Utterance utterance, Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(conversation);
        DateTimeOffset now = _time.GetUtcNow();
        KnowledgeSnapshot snapshot = _knowledge.Current;
        DateOnly today = DateOnly.FromDateTime(now.UtcDateTime);
        if (TryTakeSlot(conversation, now) is { } wait)
        {
            ParseResult asked = CommandParser.Parse(utterance, snapshot.Directory);
            QueryContext q = new(snapshot, today, asked.Language ?? conversation.Language);
            int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            int limit = _settings.QuestionsPerUserPerMinute;
            return new Reply(ReplyKind.RateLimited, q.Language, q.L("One moment", "Even geduld"), q.L(
                $"You're asking faster than I can keep up with ({limit} questions a minute). Try again in {seconds} seconds.",
                $"Je stelt sneller vragen dan ik kan bijhouden ({limit} per minuut). Probeer het over {seconds} seconden opnieuw."));
        }

        // A follow-up ("and Anthropic?", "who led it?") is the last question with what this one changes; only a text
        // that continues nothing is answered on its own (and that answer cached).
        Answer? cached = CachedAnswer(utterance, snapshot, today, conversation.Language);
        ParseResult parsed = cached?.Parsed ?? CommandParser.Parse(utterance, snapshot);
        Reply reply;
        Context? context;
        if (parsed.FollowUp is { } followUp && ContextOf(conversation, now) is { } last
            && FollowUps.Resolve(last, followUp, snapshot) is { } resolved)
        {
            reply = QueryEngine.Answer(resolved, new QueryContext(snapshot, today, parsed.Language ?? conversation.Language, _search));
            context = new Context(resolved, reply.EventId);
        }
        else
        {
            Answer answer = cached ?? Cache(utterance, conversation.Language, Standalone(parsed, snapshot, today, conversation.Language));
            (reply, context) = (answer.Reply, answer.Context);
        }

        Remember(utterance, conversation, reply, context, now);
        if (_unanswered is not null && UnansweredQuestion.IsUnanswered(reply.Kind))
        {
            _unanswered.Record(new UnansweredQuestion(now, conversation.Platform, UnansweredQuestion.Normalize(utterance.Text), reply.Kind, conversation.UserId) { Served = reply.Served });
        }

        return reply;
    }

    public Reply Preview(Utterance utterance, Language language)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        DateOnly today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        return Answered(utterance, _knowledge.Current, today, language).Reply;
    }

    private Answer Answered(Utterance utterance, KnowledgeSnapshot snapshot, DateOnly today, Language fallbackLanguage) =>
        CachedAnswer(utterance, snapshot, today, fallbackLanguage)
        ?? Cache(utterance, fallbackLanguage, Standalone(CommandParser.Parse(utterance, snapshot), snapshot, today, fallbackLanguage));

    /// <summary>The cached answer to this text, if the cache is on and holds one for the current snapshot and day.</summary>
    private Answer? CachedAnswer(Utterance utterance, KnowledgeSnapshot snapshot, DateOnly today, Language fallbackLanguage)
    {
        if (!_settings.CacheAnswers)
        {
            return null;
        }

        lock (_answersGate)
        {
            if (!ReferenceEquals(_answersFor.Snapshot, snapshot) || _answersFor.Day != today)
            {
                _answers.Clear();
                _answersFor = (snapshot, today);
            }
        }

        return _answers.TryGetValue(CacheKey(utterance, fallbackLanguage), out Answer? cached) ? cached : null;
    }

    private Answer Cache(Utterance utterance, Language fallbackLanguage, Answer answer)
    {
        if (_settings.CacheAnswers && _answers.Count < MaxCachedAnswers)
        {
            _answers.TryAdd(CacheKey(utterance, fallbackLanguage), answer);
        }

        return answer;
    }

    /// <summary>The answer to a text on its own, with the context a follow-up would continue.</summary>
    private Answer Standalone(ParseResult parsed, KnowledgeSnapshot snapshot, DateOnly today, Language fallbackLanguage)
    {
        QueryContext context = new(snapshot, today, parsed.Language ?? fallbackLanguage, _search);
        Reply reply = parsed.Command is { } command ? QueryEngine.Answer(command, context) : QueryEngine.Explain(parsed, context);
        return new Answer(parsed, reply, parsed.Command is { } asked and not OperationCommand ? new Context(asked, reply.EventId) : null);
    }

    private static string CacheKey(Utterance utterance, Language language)
    {
        if (utterance.CommandName is null)
        {
            return $"{(int)language}|t|{utterance.Text}";
        }

        return $"{(int)language}|c|{utterance.CommandName}|{string.Join('\u0001', utterance.Options.OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase).Select(o => o.Key + "=" + o.Value))}";
    }

    /// <summary>Records a question; returns how long to wait when the user is over the limit.</summary>
    private TimeSpan? TryTakeSlot(Conversation conversation, DateTimeOffset now)
    {
        int limit = _settings.QuestionsPerUserPerMinute;
        if (limit <= 0)
        {
            return null;
        }

        Queue<DateTimeOffset> times = _recent.GetOrAdd($"{conversation.Platform}:{conversation.UserId}", _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && now - times.Peek() >= Window)
            {
                times.Dequeue();
            }

            if (times.Count >= limit)
            {
                return times.Peek() + Window - now;
            }

            times.Enqueue(now);
            return null;
        }
    }
}
