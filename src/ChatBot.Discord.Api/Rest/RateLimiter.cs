using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace ChatBot.Discord.Api.Rest;

/// <summary>
/// Discord's REST rate limits on our side: per-route buckets learned from <c>X-RateLimit-*</c> headers (keyed by
/// bucket hash and major parameter), one request at a time per bucket, never a request into a known-empty bucket,
/// and the global limit of 50 requests a second. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    public const int GlobalPerSecond = 50;

    private readonly ConcurrentDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Lock _globalGate = new();
    private DateTimeOffset _globalPauseUntil = DateTimeOffset.MinValue;

    /// <summary>The bucket a route uses: its learned hash (or the route itself until one is learned) and major parameter.</summary>
    public Bucket BucketFor(string routeKey, string major) =>
        _buckets.GetOrAdd($"{(_hashes.TryGetValue(routeKey, out string? hash) ? hash : routeKey)}|{major}", _ => new Bucket());

    /// <summary>Waits for the global limit (unless exempt) and for the bucket's reset when it is known to be empty.</summary>
    public async Task WaitAsync(Bucket bucket, bool exemptFromGlobal, CancellationToken cancellationToken)
    {
        TimeSpan bucketWait = bucket.Remaining == 0 ? bucket.ResetAt - time.GetUtcNow() : TimeSpan.Zero;
        if (bucketWait > TimeSpan.Zero)
        {
            await Task.Delay(bucketWait, time, cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            TimeSpan wait = exemptFromGlobal ? GlobalPause() : GlobalWait();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Learns from a response's headers; on a 429, how long to wait before retrying.</summary>
    public TimeSpan? Update(string routeKey, string major, Bucket bucket, HttpResponseMessage response, double? retryAfterBody, bool globalBody)
    {
        HttpResponseHeaders headers = response.Headers;
        DateTimeOffset now = time.GetUtcNow();
        if (Header(headers, "X-RateLimit-Bucket") is { } hash && _hashes.TryAdd(routeKey, hash))
        {
            // Later requests of this route share the bucket its hash names.
            _buckets.TryAdd($"{hash}|{major}", bucket);
        }

        if (Number(headers, "X-RateLimit-Remaining") is { } remaining)
        {
            bucket.Remaining = (int)remaining;
        }

        if (Number(headers, "X-RateLimit-Reset-After") is { } resetAfter)
        {
            bucket.ResetAt = now + TimeSpan.FromSeconds(resetAfter);
        }

        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        TimeSpan retry = TimeSpan.FromSeconds(retryAfterBody ?? Number(headers, "Retry-After") ?? 1);
        if (globalBody || headers.Contains("X-RateLimit-Global"))
        {
            lock (_globalGate)
            {
                _globalPauseUntil = now + retry;
            }
        }
        else
        {
            bucket.Remaining = 0;
            bucket.ResetAt = now + retry;
        }

        return retry;
    }

    private TimeSpan GlobalPause()
    {
        lock (_globalGate)
        {
            return _globalPauseUntil - time.GetUtcNow();
        }
    }

    private TimeSpan GlobalWait()
    {
        lock (_globalGate)
        {
            DateTimeOffset now = time.GetUtcNow();
            if (_globalPauseUntil > now)
            {
                return _globalPauseUntil - now;
            }

            while (_recent.Count > 0 && now - _recent.Peek() >= TimeSpan.FromSeconds(1))
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= GlobalPerSecond)
            {
                return _recent.Peek() + TimeSpan.FromSeconds(1) - now;
            }

            _recent.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

    private static double? Number(HttpResponseHeaders headers, string name) =>
        double.TryParse(Header(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;

    /// <summary>A rate-limit bucket: one request at a time, its remaining count and reset time.</summary>
    internal sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Remaining { get; set; } = 1;

        public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;
    }
}
