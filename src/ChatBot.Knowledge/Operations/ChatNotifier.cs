using System.Collections.Concurrent;
using System.Collections.Immutable;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Queries;
using ChatBot.Core.Replies;
using ChatBot.Knowledge.Reloading;
using ChatBot.Knowledge.Store;
using Microsoft.Extensions.Logging;

namespace ChatBot.Knowledge.Operations;

/// <summary>
/// Tells the chat platforms what the knowledge did: one message per reload (its diff summary) or rejected change
/// (its errors) in each platform's admin channel, and a short card of new events to every channel watching a
/// company they involve. Messages to one place are rate-limited (<see cref="MaxPerWindow"/> per
/// <see cref="Window"/>); what is held back is counted in the next message.
/// </summary>
public sealed class ChatNotifier(
    IEnumerable<IChannelMessenger> messengers,
    OperationsStore operations,
    LiteDbKnowledgeStore store,
    IKnowledgeSnapshotSource knowledge,
    TimeProvider time,
    ILogger<ChatNotifier> logger) : IKnowledgeNotifier
{
    public const int MaxPerWindow = 6;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The most new events one watch alert lists.</summary>
    public const int MaxEventsPerAlert = 10;

    private readonly IChannelMessenger[] _messengers = [.. messengers];
    private readonly ConcurrentDictionary<string, Throttle> _throttles = new(StringComparer.Ordinal);

    public async Task NotifyAsync(KnowledgeNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (_messengers.Length == 0 || notice is KnowledgeReloaded { Previous.Number: 0 } || notice is KnowledgeReloaded same && same.Revision.Number == same.Previous.Number && same.Revision.RolledBack == same.Previous.RolledBack)
        {
            // The very first import is the bot's installation, and the same revision again is no change: not news.
            return;
        }

        Reply adminReply = notice switch
        {
            KnowledgeReloaded reloaded => Reloaded(reloaded),
            KnowledgeRejected rejected => Rejected(rejected),
            _ => throw new ArgumentOutOfRangeException(nameof(notice)),
        };
        foreach (IChannelMessenger messenger in _messengers)
        {
            if (messenger.AdminPlace is { } place)
            {
                await SendAsync(messenger, place, adminReply, cancellationToken).ConfigureAwait(false);
            }
        }

        if (notice is KnowledgeReloaded added)
        {
            await AlertWatchersAsync(added, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Reply Reloaded(KnowledgeReloaded notice) =>
        new(ReplyKind.Operation, Language.English, "Knowledge reloaded", $"Now serving revision #{notice.Revision.Number} (was #{notice.Previous.Number}), from {notice.Source}{(notice.Who is null ? string.Empty : " by " + notice.Who)}. {notice.Summary}".Trim());

    private static Reply Rejected(KnowledgeRejected notice) =>
        new(ReplyKind.Operation, Language.English, "Knowledge change rejected", $"{notice.Errors.Length} error(s) in the knowledge files ({notice.Source}); revision #{notice.Serving.Number} stays in use.")
        {
            Sections = [new ReplySection("Errors", [.. notice.Errors.Take(BotOperations.MaxListed).Select(e => new ReplyItem(e.ToString()))], Math.Max(0, notice.Errors.Length - BotOperations.MaxListed))],
        };

    /// <summary>Every channel watching a company involved in an added event gets one card of those events.</summary>
    private async Task AlertWatchersAsync(KnowledgeReloaded notice, CancellationToken cancellationToken)
    {
        if (store.Find(notice.Revision.Number)?.Diff is not { EventsAdded.Count: > 0 } diff)
        {
            return;
        }

        KnowledgeSnapshot snapshot = knowledge.Current;
        ImmutableArray<KnowledgeEvent> events = [.. diff.EventsAdded.Select(snapshot.FindEvent).OfType<KnowledgeEvent>()];
        HashSet<string> companies = [.. events.SelectMany(e => e.Parties).Select(p => p.CompanyId)];
        if (companies.Count == 0)
        {
            return;
        }

        IReadOnlyList<WatchDocument> watches = operations.WatchersOf(companies);
        DateOnly today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (IGrouping<(string Platform, string Place), WatchDocument> place in watches.GroupBy(w => (w.Platform, w.PlaceId)))
        {
            IChannelMessenger? messenger = _messengers.FirstOrDefault(m => m.Platform == place.Key.Platform);
            if (messenger is null)
            {
                continue;
            }

            HashSet<string> watched = [.. place.Select(w => w.CompanyId)];
            ImmutableArray<KnowledgeEvent> relevant = [.. events.Where(e => e.Parties.Any(p => watched.Contains(p.CompanyId)))];
            QueryContext q = new(snapshot, today, Language.English);
            string names = string.Join(", ", watched.Where(id => relevant.Any(e => e.Parties.Any(p => p.CompanyId == id))).Select(id => snapshot.FindCompany(id)?.Name ?? id));
            Reply alert = new(ReplyKind.Answer, Language.English, $"New for {names}", relevant.Length == 1 ? relevant[0].Summary : $"{relevant.Length} new events.")
            {
                Sections = [new ReplySection("New events", [.. relevant.Take(MaxEventsPerAlert).Select(e => new ReplyItem(e.Summary, q.Date(e.Date), q.Badge(e), e.Id))], Math.Max(0, relevant.Length - MaxEventsPerAlert))],
                Badge = relevant.Length == 1 ? q.Badge(relevant[0]) : null,
                AsOf = $"Knowledge revision #{notice.Revision.Number}",
                Suggestions = [.. watched.Take(2).Select(id => "/valuation " + (snapshot.FindCompany(id)?.Name ?? id))],
            };
            await SendAsync(messenger, place.Key.Place, alert, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(IChannelMessenger messenger, string place, Reply reply, CancellationToken cancellationToken)
    {
        Throttle throttle = _throttles.GetOrAdd(messenger.Platform + "\n" + place, _ => new Throttle());
        int held;
        lock (throttle)
        {
            DateTimeOffset now = time.GetUtcNow();
            while (throttle.Sent.Count > 0 && now - throttle.Sent.Peek() >= Window)
            {
                throttle.Sent.Dequeue();
            }

            if (throttle.Sent.Count >= MaxPerWindow)
            {
                throttle.Held++;
                logger.LogWarning("Holding back a notification to {Platform} {Place}: more than {Max} a minute", messenger.Platform, place, MaxPerWindow);
                return;
            }

            throttle.Sent.Enqueue(now);
            held = throttle.Held;
            throttle.Held = 0;
        }

        if (held > 0)
        {
            reply = reply with { Notes = reply.Notes.Add($"{held} earlier notification(s) were held back to avoid flooding this channel.") };
        }

        try
        {
            await messenger.SendAsync(place, reply, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Notification to {Platform} {Place} failed: {Message}", messenger.Platform, place, ex.Message);
        }
    }

    private sealed class Throttle
    {
        public Queue<DateTimeOffset> Sent { get; } = new();

        public int Held { get; set; }
    }
}
