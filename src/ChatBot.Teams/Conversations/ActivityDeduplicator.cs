using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace ChatBot.Teams.Conversations;

/// <summary>
/// Remembers the activities already taken, so one the channel re-delivers (it does when an acknowledgement is
/// slow) is answered once. Entries live between one and two <see cref="Retention"/> periods: two generations of
/// ids, the older dropped whole, so memory stays bounded without a sweep. An entry is the 128-bit XxHash of the
/// conversation and activity id: 16 bytes holding no reference, so a busy bot's millions of remembered ids cost the
/// garbage collector nothing to scan (two different ids sharing a hash is a 1 in 2^128 chance per pair).
/// </summary>
public sealed class ActivityDeduplicator
{
    /// <summary>How long an id is remembered at least. Teams re-delivers within about a minute.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private HashSet<UInt128> _current = [];
    private HashSet<UInt128> _previous = [];
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

        UInt128 key = Key(conversationId ?? string.Empty, activityId);
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            if (now - _rotatedAt >= Retention)
            {
                // The next generation will likely see as many ids as this one: sized once, not grown under load.
                _previous = _current;
                _current = new HashSet<UInt128>(_previous.Count);
                _rotatedAt = now;
            }

            return !_previous.Contains(key) && _current.Add(key);
        }
    }

    /// <summary>The hash of the conversation id's length, the conversation id and the activity id: no two pairs read alike.</summary>
    internal static UInt128 Key(string conversationId, string activityId)
    {
        int length = 2 + conversationId.Length + activityId.Length;
        char[]? rented = length > 256 ? ArrayPool<char>.Shared.Rent(length) : null;
        Span<char> text = rented is null ? stackalloc char[length] : rented.AsSpan(0, length);
        text[0] = (char)(conversationId.Length & 0xFFFF);
        text[1] = (char)(conversationId.Length >> 16);
        conversationId.CopyTo(text[2..]);
        activityId.CopyTo(text[(2 + conversationId.Length)..]);
        UInt128 key = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text));
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return key;
    }
}
