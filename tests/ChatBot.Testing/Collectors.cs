using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatBot.Knowledge.Reloading;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing;

/// <summary>A logger that keeps every formatted message, for tests that check what was logged.</summary>
public sealed class CollectingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. _entries];

    public IEnumerable<string> Messages(LogLevel level) => _entries.Where(e => e.Level == level).Select(e => e.Message);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _entries.Enqueue((logLevel, formatter(state, exception)));
    }
}

/// <summary>A knowledge notifier that keeps the notices, in order, for tests to await.</summary>
public sealed class CollectingNotifier : IKnowledgeNotifier
{
    private readonly Channel<KnowledgeNotice> _notices = Channel.CreateUnbounded<KnowledgeNotice>();
    private readonly ConcurrentQueue<KnowledgeNotice> _all = new();

    public IReadOnlyList<KnowledgeNotice> All => [.. _all];

    public Task NotifyAsync(KnowledgeNotice notice, CancellationToken cancellationToken)
    {
        _all.Enqueue(notice);
        _notices.Writer.TryWrite(notice);
        return Task.CompletedTask;
    }

    /// <summary>The next notice not yet taken; fails the test after <paramref name="timeout"/> (default 20 s).</summary>
    public async Task<KnowledgeNotice> NextAsync(TimeSpan? timeout = null)
    {
        using CancellationTokenSource cts = new(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            return await _notices.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No knowledge notice arrived in time.");
        }
    }

    /// <summary>Whether a notice is waiting to be taken.</summary>
    public bool HasPending => _notices.Reader.Count > 0;
}
