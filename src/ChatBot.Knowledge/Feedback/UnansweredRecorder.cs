using System.Threading.Channels;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Knowledge.Feedback;

/// <summary>
/// Stores the questions the bot could not answer in the LiteDB database, off the answering path: <see cref="Record"/>
/// only queues; a background loop writes batches. Disposing drains the queue, so a one-shot <c>chatbot ask</c> keeps its
/// question too.
/// </summary>
public sealed partial class UnansweredRecorder : IUnansweredQuestions, IDisposable, IAsyncDisposable
{
    // Bounded: a flood of unanswerable questions drops the excess rather than growing memory.
    private const int Capacity = 10_000;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly LiteDbKnowledgeStore _store;
    private readonly bool _keepUserIds;
    private readonly ILogger<UnansweredRecorder> _logger;
    private readonly Channel<UnansweredQuestion> _queue = Channel.CreateBounded<UnansweredQuestion>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly Task _writer;

    public UnansweredRecorder(LiteDbKnowledgeStore store, IOptions<KnowledgeOptions> options, ILogger<UnansweredRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _keepUserIds = options.Value.UnansweredUserIds;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    public void Record(UnansweredQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        _queue.Writer.TryWrite(question);
    }

    private async Task WriteAsync()
    {
        ChannelReader<UnansweredQuestion> reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            List<UnansweredDocument> batch = [];
            while (batch.Count < 500 && reader.TryRead(out UnansweredQuestion? q))
            {
                batch.Add(new UnansweredDocument
                {
                    At = q.At.UtcDateTime,
                    Platform = q.Platform,
                    Text = q.Text,
                    Kind = EnumNames.Name(q.Kind),
                    UserId = _keepUserIds ? q.UserId : null,
                    Served = [.. q.Served],
                });
            }

            try
            {
                _store.AddUnanswered(batch);
            }
            catch (Exception ex) when (ex is LiteDB.LiteException or IOException or ObjectDisposedException)
            {
                LogWriteFailed(ex, batch.Count);
            }
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        if (!_writer.Wait(DrainTimeout))
        {
            LogDrainTimedOut();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _writer.WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Count} unanswered question(s)")]
    private partial void LogWriteFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unanswered questions were still being stored at shutdown; some may be lost")]
    private partial void LogDrainTimedOut();
}
