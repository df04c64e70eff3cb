using System.Globalization;
using ChatBot.Knowledge;
using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Reloading;
using ChatBot.Knowledge.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Cli;

/// <summary><c>chatbot knowledge validate | import | history</c>.</summary>
internal static class KnowledgeVerbs
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine line, KnowledgeOptions options, TextWriter output, TextWriter error)
    {
        string sub = line.Words.Length > 1 ? line.Words[1].ToLowerInvariant() : string.Empty;
        switch (sub)
        {
            case "validate":
                return await ValidateAsync(options, output).ConfigureAwait(false);
            case "import":
                return await ImportAsync(services.GetRequiredService<KnowledgeLoader>(), options, output).ConfigureAwait(false);
            case "history":
                return await HistoryAsync(services.GetRequiredService<LiteDbKnowledgeStore>(), output).ConfigureAwait(false);
            default:
                await error.WriteLineAsync("chatbot: use 'chatbot knowledge validate', 'chatbot knowledge import' or 'chatbot knowledge history'.").ConfigureAwait(false);
                return ChatBotApp.UsageError;
        }
    }

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
        LoadOutcome outcome = loader.Load(options.Path, options.MaxFileBytes, "cli");
        foreach (KnowledgeError e in outcome.Errors)
        {
            await output.WriteLineAsync(e.ToString()).ConfigureAwait(false);
        }

        string message = outcome.State switch
        {
            LoadState.Imported => $"Imported revision {outcome.Revision!.Id}: {outcome.Revision.Companies} companies, {outcome.Revision.Events} events.",
            LoadState.Unchanged => $"Unchanged: the files hold revision {outcome.Revision!.Id}; nothing imported.",
            LoadState.ServingLastGood => $"{outcome.Errors.Length} error(s); nothing imported. The last good revision is {outcome.Revision!.Id}.",
            _ => $"{outcome.Errors.Length} error(s); nothing imported, and there is no good revision yet.",
        };
        await output.WriteLineAsync(message).ConfigureAwait(false);
        return outcome.Errors.IsEmpty ? ChatBotApp.Ok : ChatBotApp.InvalidKnowledge;
    }

    private static async Task<int> HistoryAsync(LiteDbKnowledgeStore store, TextWriter output)
    {
        IReadOnlyList<RevisionDocument> revisions = store.History();
        if (revisions.Count == 0)
        {
            await output.WriteLineAsync("No revisions yet: run 'chatbot knowledge import'.").ConfigureAwait(false);
            return ChatBotApp.Ok;
        }

        foreach (RevisionDocument r in revisions)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"#{r.Id,-4} {r.ImportedAt:yyyy-MM-dd HH:mm} UTC  {r.Source,-8} {r.Companies,4} companies {r.Events,6} events  newest {r.NewestEvent ?? "—",-10}  content {r.ContentHash[..12]}")).ConfigureAwait(false);
        }

        return ChatBotApp.Ok;
    }
}
