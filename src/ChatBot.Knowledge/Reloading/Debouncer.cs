using System.Threading.Channels;

namespace ChatBot.Knowledge.Reloading;

/// <summary>
/// Turns a burst of signals into one: <see cref="WaitAsync"/> completes once no signal has arrived for the quiet
/// period. The timer comes from the injected <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
internal sealed class Debouncer : IDisposable
{
    private readonly TimeSpan _quiet;
    private readonly ITimer _timer;
    private readonly Channel<bool> _fired = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public Debouncer(TimeProvider time, TimeSpan quiet)
    {
        ArgumentNullException.ThrowIfNull(time);
        _quiet = quiet;
        _timer = time.CreateTimer(_ => _fired.Writer.TryWrite(true), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Something changed: (re)starts the quiet period.</summary>
    public void Signal() => _timer.Change(_quiet, Timeout.InfiniteTimeSpan);

    /// <summary>Completes when a quiet period has passed since the last signal.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await _fired.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

    public void Dispose() => _timer.Dispose();
}
