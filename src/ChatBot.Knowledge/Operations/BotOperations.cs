using System.Collections.Immutable;
using System.Globalization;
using ChatBot.Core.Commands;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Queries;
using ChatBot.Core.Replies;
using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Reloading;
using ChatBot.Knowledge.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Knowledge.Operations;

/// <summary>Settings of curation: who may watch, and whether user ids are kept with feedback and questions.</summary>
public sealed class CurationOptions
{
    public const string Section = "Curation";

    /// <summary>Whether only admins may add or remove watches. The default value is <c>false</c> (anyone).</summary>
    public bool WatchAdminsOnly { get; set; }

    /// <summary>Whether feedback and unanswered questions keep the user's platform id. The default value is <c>false</c>.</summary>
    public bool KeepUserIds { get; set; }
}

/// <summary>
/// The bot's operations over its database: admin commands (status, reload, history, rollback, unanswered,
/// feedback), channel watches and user feedback. Every admin command is audited; errors are replies.
/// </summary>
public sealed class BotOperations(
    LiteDbKnowledgeStore store,
    OperationsStore operations,
    KnowledgeReloader reloader,
    IKnowledgeSnapshotSource knowledge,
    IOptions<KnowledgeOptions> knowledgeOptions,
    IOptions<CurationOptions> curation,
    TimeProvider time,
    ILogger<BotOperations> logger) : IBotOperations
{
    /// <summary>How many lines a listing shows.</summary>
    public const int MaxListed = 15;

    public async Task<Reply> RunAsync(OperationCommand command, OperationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        QueryContext t = new(knowledge.Current, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), context.Language);
        try
        {
            return command switch
            {
                AdminCommand admin => await AdminAsync(admin, context, t, cancellationToken).ConfigureAwait(false),
                WatchCommand watch => Watch(watch, context, t),
                WatchesCommand => Watches(context, t),
                FeedbackCommand feedback => Feedback(feedback, context, t),
                _ => new Reply(ReplyKind.NotUnderstood, context.Language, "ChatBot", t.L("Unknown operation.", "Onbekende opdracht.")),
            };
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or IOException)
        {
            logger.LogError(ex, "Operation {Command} failed", command);
            return new Reply(ReplyKind.Operation, context.Language, t.L("Not done", "Niet gelukt"), t.L(
                "The bot's database could not be used just now; nothing was changed. Try again in a moment.",
                "De database van de bot was even niet bruikbaar; er is niets gewijzigd. Probeer het zo opnieuw."))
            { Private = true };
        }
    }

    public Task AuditRefusalAsync(OperationCommand command, Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        logger.LogWarning("Refused {Action} for non-admin {Platform} user {User}", Describe(command), conversation.Platform, conversation.UserId);
        Audit(command, conversation, "refused");
        return Task.CompletedTask;
    }

    private async Task<Reply> AdminAsync(AdminCommand admin, OperationContext context, QueryContext t, CancellationToken cancellationToken)
    {
        Reply reply = admin.Action switch
        {
            AdminAction.Status => Status(context, t),
            AdminAction.Reload => await ReloadAsync(context, t, cancellationToken).ConfigureAwait(false),
            AdminAction.History => History(context, t),
            AdminAction.Rollback => await RollbackAsync(admin.Revision ?? 0, context, t, cancellationToken).ConfigureAwait(false),
            AdminAction.Unanswered => Unanswered(context, t),
            AdminAction.Feedback => FeedbackList(context, t),
            _ => throw new ArgumentOutOfRangeException(nameof(admin)),
        };
        Audit(admin, context.Conversation, "done");
        return reply with { Private = true };
    }

    private Reply Status(OperationContext context, QueryContext t)
    {
        KnowledgeSnapshot snapshot = knowledge.Current;
        RevisionInfo revision = snapshot.Revision;
        ImmutableArray<ReplyField>.Builder fields = ImmutableArray.CreateBuilder<ReplyField>();
        fields.Add(new ReplyField(t.L("Revision", "Revisie"), "#" + Number(revision.Number) + (revision.RolledBack ? t.L(" (rolled back)", " (teruggedraaid)") : string.Empty)));
        fields.Add(new ReplyField(t.L("Imported", "Geïmporteerd"), Formats.Day(DateOnly.FromDateTime(revision.ImportedAt.UtcDateTime), context.Language)));
        fields.Add(new ReplyField(t.L("Content", "Inhoud"), $"{Formats.Count(snapshot.CompanyCount, "company", "bedrijf", context.Language)}, {Formats.Count(snapshot.EventCount, "event", "gebeurtenis", context.Language)}, {Formats.Count(snapshot.SourceCount, "source", "bron", context.Language)}"));
        ReloadStatus? last = reloader.Status;
        if (last is not null)
        {
            fields.Add(new ReplyField(t.L("Last reload", "Laatste herlaadbeurt"), $"{last.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC · {StateLabel(last.State, t)}"));
        }

        ImmutableArray<string> notes = last is { Errors.IsEmpty: false }
            ? [t.L("Last error: ", "Laatste fout: ") + last.Errors[0] + (last.Errors.Length > 1 ? t.L($" (and {last.Errors.Length - 1} more)", $" (en nog {last.Errors.Length - 1})") : string.Empty)]
            : [];
        return new Reply(ReplyKind.Operation, context.Language, t.L("Knowledge status", "Kennisstatus"), revision.Number == 0
            ? t.L("No revision is served yet.", "Er wordt nog geen revisie gebruikt.")
            : t.L($"Serving revision #{Number(revision.Number)}.", $"Revisie #{Number(revision.Number)} wordt gebruikt."))
        {
            Fields = fields.ToImmutable(),
            Notes = notes,
        };
    }

    private async Task<Reply> ReloadAsync(OperationContext context, QueryContext t, CancellationToken cancellationToken)
    {
        LoadOutcome outcome = await reloader.ReloadAsync("chat", Who(context.Conversation), cancellationToken).ConfigureAwait(false);
        string summary = outcome.Revision?.Diff?.Summary ?? string.Empty;
        return outcome.State switch
        {
            LoadState.Imported => new Reply(ReplyKind.Operation, context.Language, t.L("Reloaded", "Herladen"), t.L(
                $"Imported and serving revision #{Number(outcome.Revision!.Id)}. {summary}",
                $"Revisie #{Number(outcome.Revision!.Id)} geïmporteerd en in gebruik. {summary}").Trim()),
            LoadState.Unchanged => new Reply(ReplyKind.Operation, context.Language, t.L("Nothing changed", "Niets gewijzigd"), t.L(
                $"The files hold the content of revision #{Number(outcome.Revision?.Id ?? 0)}, which stays in use.",
                $"De bestanden bevatten de inhoud van revisie #{Number(outcome.Revision?.Id ?? 0)}, die in gebruik blijft.")),
            _ => Rejected(outcome, context, t),
        };
    }

    private static Reply Rejected(LoadOutcome outcome, OperationContext context, QueryContext t) =>
        new(ReplyKind.Operation, context.Language, t.L("Change rejected", "Wijziging geweigerd"), t.L(
            $"The files have {outcome.Errors.Length} error(s); nothing was imported and revision #{Number(outcome.Revision?.Id ?? 0)} stays in use.",
            $"De bestanden bevatten {outcome.Errors.Length} fout(en); er is niets geïmporteerd en revisie #{Number(outcome.Revision?.Id ?? 0)} blijft in gebruik."))
        {
            Sections = [new ReplySection(t.L("Errors", "Fouten"), [.. outcome.Errors.Take(MaxListed).Select(e => new ReplyItem(e.ToString()))], Math.Max(0, outcome.Errors.Length - MaxListed))],
        };

    private Reply History(OperationContext context, QueryContext t)
    {
        IReadOnlyList<RevisionDocument> revisions = store.History();
        int served = knowledge.Current.Revision.Number;
        ImmutableArray<ReplyItem> items = [.. revisions.Take(MaxListed).Select(r => new ReplyItem(
            $"#{Number(r.Id)}{(r.Id == served ? " ★" : string.Empty)} · {r.Source}{(r.Who is null ? string.Empty : " (" + r.Who + ")")} · {Formats.Count(r.Events, "event", "gebeurtenis", context.Language)}{(r.Diff is null ? string.Empty : " · " + r.Diff.Summary)}",
            r.ImportedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))];
        return new Reply(ReplyKind.Operation, context.Language, t.L("Revisions", "Revisies"), revisions.Count == 0
            ? t.L("No revisions yet.", "Nog geen revisies.")
            : t.L($"{revisions.Count} revision(s); ★ is in use.", $"{revisions.Count} revisie(s); ★ is in gebruik."))
        {
            Sections = items.IsEmpty ? [] : [new ReplySection(t.L("Newest first", "Nieuwste eerst"), items, Math.Max(0, revisions.Count - MaxListed))],
        };
    }

    private async Task<Reply> RollbackAsync(int revision, OperationContext context, QueryContext t, CancellationToken cancellationToken)
    {
        if (store.Find(revision) is null)
        {
            return new Reply(ReplyKind.Operation, context.Language, t.L("No such revision", "Onbekende revisie"), t.L(
                $"There is no revision #{Number(revision)}; /admin history lists them.",
                $"Er is geen revisie #{Number(revision)}; /admin history toont ze."));
        }

        KnowledgeOptions options = knowledgeOptions.Value;
        string rawHash = KnowledgeFileReader.Read(options.Path, options.MaxFileBytes).RawHash;
        store.SetPin(revision, rawHash, time.GetUtcNow(), "chat", Who(context.Conversation));
        await reloader.ReloadAsync("chat", Who(context.Conversation), cancellationToken).ConfigureAwait(false);
        return new Reply(ReplyKind.Operation, context.Language, t.L("Rolled back", "Teruggedraaid"), t.L(
            $"Revision #{Number(revision)} is served until the knowledge files change (also after a restart).",
            $"Revisie #{Number(revision)} wordt gebruikt tot de kennisbestanden wijzigen (ook na een herstart)."));
    }

    private Reply Unanswered(OperationContext context, QueryContext t)
    {
        IReadOnlyList<UnansweredGroup> groups = store.UnansweredByFrequency(MaxListed);
        return new Reply(ReplyKind.Operation, context.Language, t.L("Unanswered questions", "Onbeantwoorde vragen"), groups.Count == 0
            ? t.L("Nothing recorded yet.", "Nog niets vastgelegd.")
            : t.L("What users asked that the knowledge could not answer, most asked first: the curators' to-do list.", "Wat gebruikers vroegen en de kennis niet kon beantwoorden, meest gevraagd eerst: de takenlijst van de beheerders."))
        {
            Sections = groups.Count == 0 ? [] : [new ReplySection(t.L("Most asked first", "Meest gevraagd eerst"), [.. groups.Select(g => new ReplyItem(
                $"{Number(g.Count)}× “{g.Text}” ({g.Kind}; {string.Join(", ", g.Platforms)}){(g.Served.Count == 0 ? string.Empty : t.L(" — served: ", " — getoond: ") + string.Join(", ", g.Served))}",
                g.LastAsked.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))])],
        };
    }

    private Reply FeedbackList(OperationContext context, QueryContext t)
    {
        IReadOnlyList<FeedbackDocument> feedback = operations.LatestFeedback(MaxListed);
        return new Reply(ReplyKind.Operation, context.Language, t.L("Feedback", "Feedback"), feedback.Count == 0
            ? t.L("No feedback yet.", "Nog geen feedback.")
            : t.L($"The {feedback.Count} newest reports.", $"De {feedback.Count} nieuwste meldingen."))
        {
            Sections = feedback.Count == 0 ? [] : [new ReplySection(t.L("Newest first", "Nieuwste eerst"), [.. feedback.Select(f => new ReplyItem(
                $"“{f.Text}”" + (f.Question is null ? string.Empty : t.L($" — on “{f.Question}” → {f.Answer}", $" — over “{f.Question}” → {f.Answer}")) + $" ({f.Platform})",
                f.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))])],
        };
    }

    private Reply Watch(WatchCommand watch, OperationContext context, QueryContext t)
    {
        Conversation conversation = context.Conversation;
        string name = watch.Company.Id is { } id && knowledge.Current.FindCompany(id) is { } company ? company.Name : watch.Company.Text;
        if (conversation.PlaceId is null || watch.Company.Id is null)
        {
            return new Reply(ReplyKind.Operation, context.Language, t.L("Not here", "Niet hier"), t.L(
                "Watches belong to a channel or chat; this conversation has none.", "Volgen hoort bij een kanaal of chat; dit gesprek heeft er geen."))
            { Private = true };
        }

        if (curation.Value.WatchAdminsOnly && !conversation.IsAdmin)
        {
            return new Reply(ReplyKind.Refused, context.Language, t.L("Admins only", "Alleen voor beheerders"), t.L(
                "Only the bot's admins can change this channel's watches.", "Alleen beheerders kunnen wat dit kanaal volgt wijzigen."))
            { Private = true };
        }

        if (!watch.Subscribe)
        {
            bool removed = operations.RemoveWatch(conversation.Platform, conversation.PlaceId, watch.Company.Id);
            return new Reply(ReplyKind.Operation, context.Language, t.L("Unwatched", "Niet meer gevolgd"), removed
                ? t.L($"This channel no longer hears of new events for {name}.", $"Dit kanaal hoort niet meer over nieuwe gebeurtenissen van {name}.")
                : t.L($"This channel did not watch {name}.", $"Dit kanaal volgde {name} niet."));
        }

        WatchResult result = operations.AddWatch(conversation.Platform, conversation.PlaceId, watch.Company.Id, Who(conversation), time.GetUtcNow());
        return result switch
        {
            WatchResult.Added => new Reply(ReplyKind.Operation, context.Language, t.L("Watching", "Gevolgd"), t.L(
                $"This channel will hear of new events for {name} after each knowledge update. /unwatch {name} stops it.",
                $"Dit kanaal hoort na elke kennisupdate over nieuwe gebeurtenissen van {name}. /unwatch {name} stopt dat.")),
            WatchResult.AlreadyWatching => new Reply(ReplyKind.Operation, context.Language, t.L("Already watching", "Wordt al gevolgd"), t.L(
                $"This channel already watches {name}.", $"Dit kanaal volgt {name} al.")),
            _ => new Reply(ReplyKind.Operation, context.Language, t.L("Too many watches", "Te veel gevolgd"), t.L(
                $"A channel can watch at most {OperationsStore.MaxWatchesPerPlace} companies; /unwatch one first.",
                $"Een kanaal kan hoogstens {OperationsStore.MaxWatchesPerPlace} bedrijven volgen; ontvolg er eerst een."))
            { Private = true },
        };
    }

    private Reply Watches(OperationContext context, QueryContext t)
    {
        Conversation conversation = context.Conversation;
        IReadOnlyList<WatchDocument> watches = conversation.PlaceId is null ? [] : operations.WatchesOf(conversation.Platform, conversation.PlaceId);
        ImmutableArray<ReplyItem> items = [.. watches.Select(w => new ReplyItem(knowledge.Current.FindCompany(w.CompanyId)?.Name ?? w.CompanyId))];
        return new Reply(ReplyKind.Operation, context.Language, t.L("Watches", "Gevolgd"), items.IsEmpty
            ? t.L("This channel watches no company. Try /watch OpenAI.", "Dit kanaal volgt geen bedrijf. Probeer /watch OpenAI.")
            : t.L($"This channel watches {items.Length} of at most {OperationsStore.MaxWatchesPerPlace} companies.", $"Dit kanaal volgt {items.Length} van hoogstens {OperationsStore.MaxWatchesPerPlace} bedrijven."))
        {
            Sections = items.IsEmpty ? [] : [new ReplySection(t.L("Companies", "Bedrijven"), items)],
        };
    }

    private Reply Feedback(FeedbackCommand feedback, OperationContext context, QueryContext t)
    {
        Conversation conversation = context.Conversation;
        operations.AddFeedback(new FeedbackDocument
        {
            Platform = conversation.Platform,
            PlaceId = conversation.PlaceId,
            UserId = curation.Value.KeepUserIds ? conversation.UserId : null,
            Text = feedback.Text,
            Question = context.LastExchange?.Question,
            Answer = context.LastExchange is { } last ? $"{last.Title}: {last.Answer}" : null,
            At = time.GetUtcNow().UtcDateTime,
        });
        return new Reply(ReplyKind.Operation, context.Language, t.L("Thank you", "Bedankt"), context.LastExchange is { } exchange
            ? t.L($"Your note on “{exchange.Question}” is with the curators.", $"Je opmerking over “{exchange.Question}” is doorgegeven aan de beheerders.")
            : t.L("Your note is with the curators.", "Je opmerking is doorgegeven aan de beheerders."))
        { Private = true };
    }

    private void Audit(OperationCommand command, Conversation conversation, string outcome) => operations.AddAudit(new AuditDocument
    {
        At = time.GetUtcNow().UtcDateTime,
        Platform = conversation.Platform,
        UserId = conversation.UserId,
        PlaceId = conversation.PlaceId,
        Action = Describe(command),
        Outcome = outcome,
    });

    private static string Describe(OperationCommand command) => command switch
    {
        AdminCommand { Action: AdminAction.Rollback } a => $"admin rollback {a.Revision}",
        AdminCommand a => "admin " + a.Action.ToString().ToLowerInvariant(),
        WatchCommand w => (w.Subscribe ? "watch " : "unwatch ") + w.Company.Id,
        WatchesCommand => "watches",
        FeedbackCommand => "feedback",
        _ => command.GetType().Name,
    };

    private static string StateLabel(LoadState state, QueryContext t) => state switch
    {
        LoadState.Imported => t.L("imported", "geïmporteerd"),
        LoadState.Unchanged => t.L("unchanged", "ongewijzigd"),
        LoadState.ServingLastGood => t.L("rejected, last good revision kept", "geweigerd, laatste goede revisie behouden"),
        _ => t.L("failed", "mislukt"),
    };

    private static string Who(Conversation conversation) => $"{conversation.Platform}:{conversation.UserId}";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
