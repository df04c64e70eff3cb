using System.Collections.Immutable;
using System.Globalization;
using ChatBot.Knowledge;
using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Reloading;
using ChatBot.Knowledge.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Cli;

/// <summary><c>chatbot knowledge validate | import | history | diff | rollback | export | unanswered</c>.</summary>
internal static class KnowledgeVerbs
{
    private const string Usage =
        "chatbot: use 'chatbot knowledge validate', 'import', 'history', 'diff <a> <b>', 'rollback <revision>' or 'export <dir> [revision]', 'unanswered'.";

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine line, KnowledgeOptions options, TextWriter output, TextWriter error)
    {
        string sub = line.Words.Length > 1 ? line.Words[1].ToLowerInvariant() : string.Empty;
        string[] rest = [.. line.Words.Skip(2)];
        TimeProvider time = services.GetRequiredService<TimeProvider>();
        switch (sub)
        {
            case "validate":
                return await ValidateAsync(options, output).ConfigureAwait(false);
            case "import":
                return await ImportAsync(services.GetRequiredService<KnowledgeLoader>(), options, output).ConfigureAwait(false);
            case "history":
                return await HistoryAsync(services.GetRequiredService<LiteDbKnowledgeStore>(), options, output).ConfigureAwait(false);
            case "diff" when rest.Length == 2 && Number(rest[0]) is { } a && Number(rest[1]) is { } b:
                return await DiffAsync(services.GetRequiredService<LiteDbKnowledgeStore>(), a, b, output, error).ConfigureAwait(false);
            case "rollback" when rest.Length == 1 && Number(rest[0]) is { } revision:
                return await RollbackAsync(services.GetRequiredService<LiteDbKnowledgeStore>(), options, revision, time, output, error).ConfigureAwait(false);
            case "export" when rest.Length is 1 or 2 && (rest.Length == 1 || Number(rest[1]) is not null):
                return await ExportAsync(services.GetRequiredService<LiteDbKnowledgeStore>(), options, rest[0], rest.Length == 2 ? Number(rest[1]) : null, time, output, error).ConfigureAwait(false);
            case "unanswered" when rest.Length == 0:
                return await UnansweredAsync(services.GetRequiredService<LiteDbKnowledgeStore>(), output).ConfigureAwait(false);
            default:
                await error.WriteLineAsync(Usage).ConfigureAwait(false);
                return ChatBotApp.UsageError;
        }
    }

    /// <summary>A revision number as typed: <c>3</c> or <c>#3</c>.</summary>
    private static int? Number(string text) =>
        int.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : null;

    private static async Task<int> ValidateAsync(KnowledgeOptions options, TextWriter output)
    {
        KnowledgeLoadResult result = KnowledgeFileReader.Load(options.Path, options.MaxFileBytes);
        foreach (KnowledgeError e in result.Errors)
        {
            await output.WriteLineAsync(e.ToString()).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Errors.Length} error(s) in {options.Path}; nothing was imported.")).ConfigureAwait(false);
            return ChatBotApp.InvalidKnowledge;
        }

        var content = result.Content!.Content;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{options.Path}: valid — {result.Files.Length} files, {content.Companies.Length} companies, {content.Events.Length} events, {content.Events.Sum(e => e.Sources.Length)} sources (content {result.Content.ContentHash[..12]}).")).ConfigureAwait(false);
        return ChatBotApp.Ok;
    }

    private static async Task<int> ImportAsync(KnowledgeLoader loader, KnowledgeOptions options, TextWriter output)
    {
        LoadOutcome outcome = loader.Load(options.Path, options.MaxFileBytes, "cli", Environment.UserName);
        foreach (KnowledgeError e in outcome.Errors)
        {
            await output.WriteLineAsync(e.ToString()).ConfigureAwait(false);
        }

        string message = outcome.State switch
        {
            LoadState.Imported => $"Imported revision {outcome.Revision!.Id}: {outcome.Revision.Companies} companies, {outcome.Revision.Events} events.",
            LoadState.Unchanged => $"Unchanged: the files hold revision {outcome.Revision!.Id}; nothing imported.",
            LoadState.RolledBack => $"Unchanged since the rollback to revision {outcome.Revision!.Id}; nothing imported. Change the files to end the rollback.",
            LoadState.ServingLastGood => $"{outcome.Errors.Length} error(s); nothing imported. The last good revision is {outcome.Revision!.Id}.",
            _ => $"{outcome.Errors.Length} error(s); nothing imported, and there is no good revision yet.",
        };
        await output.WriteLineAsync(message).ConfigureAwait(false);
        return outcome.Errors.IsEmpty ? ChatBotApp.Ok : ChatBotApp.InvalidKnowledge;
    }

    private static async Task<int> HistoryAsync(LiteDbKnowledgeStore store, KnowledgeOptions options, TextWriter output)
    {
        IReadOnlyList<RevisionDocument> revisions = store.History();
        if (revisions.Count == 0)
        {
            await output.WriteLineAsync("No revisions yet: run 'chatbot knowledge import'.").ConfigureAwait(false);
            return ChatBotApp.Ok;
        }

        PinDocument? pin = store.Pin();
        bool pinHolds = pin is not null && KnowledgeFileReader.Read(options.Path, options.MaxFileBytes).RawHash == pin.RawHash;
        int served = pinHolds ? pin!.Revision : revisions[0].Id;
        foreach (RevisionDocument r in revisions)
        {
            string diff = r.Diff?.Summary ?? "(no diff recorded)";
            string who = string.IsNullOrEmpty(r.Who) ? string.Empty : " by " + r.Who;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(r.Id == served ? '*' : ' ')}#{r.Id,-4} {r.ImportedAt:yyyy-MM-dd HH:mm} UTC  {r.Source,-8} {r.Companies,4} companies {r.Events,6} events  newest {r.NewestEvent ?? "—",-10}  content {r.ContentHash[..12]}  {diff}{who}")).ConfigureAwait(false);
        }

        if (pinHolds)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"* revision {pin!.Revision} is served: rolled back on {pin.PinnedAt:yyyy-MM-dd HH:mm} UTC{(pin.Who is null ? string.Empty : " by " + pin.Who)}, until the files change.")).ConfigureAwait(false);
        }

        return ChatBotApp.Ok;
    }

    private static async Task<int> DiffAsync(LiteDbKnowledgeStore store, int a, int b, TextWriter output, TextWriter error)
    {
        if (!await ExistsAsync(store, a, error).ConfigureAwait(false) || !await ExistsAsync(store, b, error).ConfigureAwait(false))
        {
            return ChatBotApp.UsageError;
        }

        RevisionDiff diff = RevisionDiff.Between(store.LoadContent(a), store.LoadContent(b));
        await output.WriteLineAsync($"Revision {a} → {b}: {diff.Summary}").ConfigureAwait(false);
        foreach ((string sign, string kind, ImmutableArray<string> ids) in new[]
        {
            ("+", "company", diff.CompaniesAdded), ("~", "company", diff.CompaniesChanged), ("-", "company", diff.CompaniesRemoved),
            ("+", "event", diff.EventsAdded), ("~", "event", diff.EventsChanged), ("-", "event", diff.EventsRemoved),
        })
        {
            foreach (string id in ids)
            {
                await output.WriteLineAsync($"{sign} {kind} {id}").ConfigureAwait(false);
            }
        }

        return ChatBotApp.Ok;
    }

    private static async Task<int> RollbackAsync(LiteDbKnowledgeStore store, KnowledgeOptions options, int revision, TimeProvider time, TextWriter output, TextWriter error)
    {
        if (!await ExistsAsync(store, revision, error).ConfigureAwait(false))
        {
            return ChatBotApp.UsageError;
        }

        string rawHash = KnowledgeFileReader.Read(options.Path, options.MaxFileBytes).RawHash;
        store.SetPin(revision, rawHash, time.GetUtcNow(), "cli", Environment.UserName);
        await output.WriteLineAsync(
            $"Rolled back to revision {revision}: it is served (also after a restart; a running bot picks it up within seconds) until the files in {options.Path} change.").ConfigureAwait(false);
        return ChatBotApp.Ok;
    }

    private static async Task<int> ExportAsync(LiteDbKnowledgeStore store, KnowledgeOptions options, string folder, int? wanted, TimeProvider time, TextWriter output, TextWriter error)
    {
        int? revision = wanted;
        if (revision is null)
        {
            PinDocument? pin = store.Pin();
            revision = pin is not null && KnowledgeFileReader.Read(options.Path, options.MaxFileBytes).RawHash == pin.RawHash ? pin.Revision : store.Latest()?.Id;
        }

        if (revision is null)
        {
            await error.WriteLineAsync("chatbot: no revisions yet: run 'chatbot knowledge import'.").ConfigureAwait(false);
            return ChatBotApp.UsageError;
        }

        if (!await ExistsAsync(store, revision.Value, error).ConfigureAwait(false))
        {
            return ChatBotApp.UsageError;
        }

        if (Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
        {
            await error.WriteLineAsync($"chatbot: {folder} already holds .yaml files; export into an empty folder.").ConfigureAwait(false);
            return ChatBotApp.UsageError;
        }

        RevisionDocument document = store.Find(revision.Value)!;
        Directory.CreateDirectory(folder);
        string header = string.Create(CultureInfo.InvariantCulture,
            $"Exported from knowledge revision {document.Id} (content {document.ContentHash[..12]}) on {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC.");
        IReadOnlyList<(string Name, string Text)> files = KnowledgeYamlWriter.Files(store.LoadContent(document.Id), header);
        foreach ((string name, string text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), text).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Exported revision {document.Id} ({document.Companies} companies, {document.Events} events) to {folder}: {string.Join(", ", files.Select(f => f.Name))}.")).ConfigureAwait(false);
        return ChatBotApp.Ok;
    }

    private static async Task<int> UnansweredAsync(LiteDbKnowledgeStore store, TextWriter output)
    {
        IReadOnlyList<UnansweredGroup> groups = store.UnansweredByFrequency(100);
        if (groups.Count == 0)
        {
            await output.WriteLineAsync("No unanswered questions yet.").ConfigureAwait(false);
            return ChatBotApp.Ok;
        }

        await output.WriteLineAsync("times  last asked (UTC)   why              where       question").ConfigureAwait(false);
        foreach (UnansweredGroup g in groups)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{g.Count,5}  {g.LastAsked:yyyy-MM-dd HH:mm}  {g.Kind,-16} {string.Join(",", g.Platforms),-11} {g.Text}")).ConfigureAwait(false);
            if (g.Served.Count > 0)
            {
                await output.WriteLineAsync("       served instead: " + string.Join(", ", g.Served)).ConfigureAwait(false);
            }
        }

        return ChatBotApp.Ok;
    }

    private static async Task<bool> ExistsAsync(LiteDbKnowledgeStore store, int revision, TextWriter error)
    {
        if (store.Find(revision) is { Format: KnowledgeBinary.Version })
        {
            return true;
        }

        await error.WriteLineAsync($"chatbot: there is no revision {revision}; 'chatbot knowledge history' lists them.").ConfigureAwait(false);
        return false;
    }
}
