using System.Collections.Concurrent;

namespace ChatBot.Teams.Conversations;

/// <summary>
/// Remembers the activities already taken, so one the channel re-delivers (it does when an acknowledgement is
/// slow) is answered once. Entries live between one and two <see cref="Retention"/> periods: two generations of
/// ids, the older dropped whole, so memory stays bounded without a sweep.
/// </summary>
public sealed class ActivityDeduplicator
{
    /// <summary>How long an id is remembered at least. Teams re-delivers within about a minute.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private ConcurrentDictionary<string, byte> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, byte> _previous = new(StringComparer.Ordinal);
    private DateTimeOffset _rotatedAt;

    public ActivityDeduplicator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _rotatedAt = time.GetUtcNow();
    }

    /// <summary>True the first time an activity is seen; false for a re-delivery.</summary>
    public bool FirstSeen(string? conversationId, string? activityId)
    {
        if (string.IsNullOrEmpty(activityId))
        {
            return true; // nothing to recognise it by
        }

        DateTimeOffset now = _time.GetUtcNow();
        if (now - _rotatedAt >= Retention)
        {
            lock (_gate)
            {
                if (now - _rotatedAt >= Retention)
                {
                    _previous = _current;
                    _current = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
                    _rotatedAt = now;
                }
            }
        }

        string key = conversationId + "\n" + activityId;
        return !_previous.ContainsKey(key) && _current.TryAdd(key, 0);
    }
}
