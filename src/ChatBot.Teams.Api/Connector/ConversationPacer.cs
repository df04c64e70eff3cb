using System.Collections.Concurrent;

namespace ChatBot.Teams.Api.Connector;

/// <summary>
/// Keeps the bot under Teams' per-conversation send limits (7 per second, 8 per 2 seconds, 60 per 30 seconds,
/// 1,800 per hour): each send reserves the earliest moment all windows allow, so sends to one busy conversation are
/// spaced out while other conversations are not held up. A 429's <c>Retry-After</c> holds the conversation back.
/// </summary>
public sealed class ConversationPacer
{
    /// <summary>The windows and how many sends each allows.</summary>
    public static readonly IReadOnlyList<(TimeSpan Window, int Limit)> Limits =
    [
        (TimeSpan.FromSeconds(1), 7),
        (TimeSpan.FromSeconds(2), 8),
        (TimeSpan.FromSeconds(30), 60),
        (TimeSpan.FromHours(1), 1800),
    ];

    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);
    private const int PruneAbove = 20_000;

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Sends> _conversations = new(StringComparer.Ordinal);
    private long _reservations;

    public ConversationPacer(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Reserves a send to the conversation and returns how long to wait before sending it.</summary>
    public TimeSpan Reserve(string conversationId)
    {
        DateTimeOffset now = _time.GetUtcNow();
        // ConcurrentDictionary.Count takes every lock: look at it only now and then.
        if ((Interlocked.Increment(ref _reservations) & 4095) == 0 && _conversations.Count > PruneAbove)
        {
            Prune(now);
        }

        Sends sends = _conversations.GetOrAdd(conversationId, _ => new Sends());
        lock (sends)
        {
            DateTimeOffset at = Earliest(sends, now);
            sends.Times.Enqueue(at);
            sends.Last = at;
            return at - now;
        }
    }

    /// <summary>How long a send to the conversation would wait if reserved now; reserves nothing.</summary>
    public TimeSpan Peek(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out Sends? sends))
        {
            return TimeSpan.Zero;
        }

        DateTimeOffset now = _time.GetUtcNow();
        lock (sends)
        {
            return Earliest(sends, now) - now;
        }
    }

    /// <summary>The earliest moment the conversation's next send may go. Called under the conversation's lock.</summary>
    private static DateTimeOffset Earliest(Sends sends, DateTimeOffset now)
    {
        // Sends to one conversation keep their order: never before the previous one.
        DateTimeOffset at = Max(Max(now, sends.HeldUntil), sends.Last);
        while (sends.Times.Count > 0 && sends.Times.Peek() <= now - Longest)
        {
            sends.Times.Dequeue();
        }

        foreach ((TimeSpan window, int limit) in Limits)
        {
            // The send may go when fewer than `limit` sends fall within the window ending at it.
            if (sends.Times.Count >= limit)
            {
                DateTimeOffset blocking = sends.Times.ElementAt(sends.Times.Count - limit);
                if (blocking + window > at)
                {
                    at = blocking + window;
                }
            }
        }

        return at;
    }

    /// <summary>Holds the conversation back until <paramref name="until"/> (a 429's Retry-After).</summary>
    public void HoldUntil(string conversationId, DateTimeOffset until)
    {
        Sends sends = _conversations.GetOrAdd(conversationId, _ => new Sends());
        lock (sends)
        {
            if (until > sends.HeldUntil)
            {
                sends.HeldUntil = until;
            }
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (KeyValuePair<string, Sends> pair in _conversations)
        {
            lock (pair.Value)
            {
                if (pair.Value.Last <= now - Longest && pair.Value.HeldUntil <= now)
                {
                    _conversations.TryRemove(pair);
                }
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Sends
    {
        public DateTimeOffset Last { get; set; }

        public Queue<DateTimeOffset> Times { get; } = new();

        public DateTimeOffset HeldUntil { get; set; }
    }
}
