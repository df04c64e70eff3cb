using System.Collections.Immutable;
using System.Globalization;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Search;
using ChatBot.Evaluation;
using ChatBot.Knowledge;
using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Reloading;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Cli;

/// <summary>
/// <c>chatbot eval &lt;file.tsv&gt; [--knowledge DIR] [--today yyyy-mm-dd]</c>: asks every question of an evaluation
/// file against the knowledge files as they are — parsed and validated in memory, never imported as a revision, the
/// database left untouched — prints each miss and <c>N passed, N failed</c>, and exits 0 only when all pass.
/// </summary>
internal static class EvalVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine line, KnowledgeOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (line.Words.Length != 2)
        {
            await error.WriteLineAsync("chatbot: eval needs one file, e.g. chatbot eval questions.tsv").ConfigureAwait(false);
            return ChatBotApp.UsageError;
        }

        string path = line.Words[1];
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"chatbot: {path}: no such file").ConfigureAwait(false);
            return ChatBotApp.UsageError;
        }

        DateTimeOffset? today = null;
        if (line.Today is { } todayText)
        {
            if (!DateOnly.TryParseExact(todayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
            {
                await error.WriteLineAsync($"chatbot: --today '{todayText}' is not a date like 2026-12-04").ConfigureAwait(false);
                return ChatBotApp.UsageError;
            }

            today = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        }

        (ImmutableArray<CorpusRow> rows, ImmutableArray<string> errors) = QuestionCorpus.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
        foreach (string problem in errors)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
        }

        if (!errors.IsEmpty)
        {
            return ChatBotApp.UsageError;
        }

        KnowledgeLoadResult knowledge = KnowledgeFileReader.Load(options.Path, options.MaxFileBytes);
        if (!knowledge.IsValid)
        {
            foreach (KnowledgeError problem in knowledge.Errors)
            {
                await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            await error.WriteLineAsync($"chatbot: the knowledge in '{options.Path}' is invalid; fix it before evaluating").ConfigureAwait(false);
            return ChatBotApp.InvalidKnowledge;
        }

        KnowledgeSnapshot snapshot = new(knowledge.Content!.Content, new RevisionInfo(0, knowledge.Content.ContentHash, DateTimeOffset.UnixEpoch));
        ImmutableArray<CorpusResult> results = await Evaluate(snapshot, rows, services.GetService<IEventSearch>(), today is { } fixedDay ? new FixedTime(fixedDay) : TimeProvider.System, line.Locale, cancellationToken).ConfigureAwait(false);
        int failed = 0;
        foreach (CorpusResult result in results.Where(r => !r.Passed))
        {
            failed++;
            await output.WriteLineAsync(CorpusRun.Describe(result) + "\n").ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{results.Length - failed} passed, {failed} failed")).ConfigureAwait(false);
        return failed == 0 ? ChatBotApp.Ok : ChatBotApp.InvalidKnowledge;
    }

    /// <summary>Asks the rows against a snapshot in one conversation, as <c>eval</c> does; shared with the corpus test.</summary>
    public static Task<ImmutableArray<CorpusResult>> Evaluate(KnowledgeSnapshot snapshot, IEnumerable<CorpusRow> rows, IEventSearch? search, TimeProvider time, string? locale, CancellationToken cancellationToken)
    {
        SnapshotHolder knowledge = new();
        knowledge.Swap(snapshot);
        ChatBotEngine engine = new(knowledge, time, new EngineSettings(QuestionsPerUserPerMinute: 0), search: search);
        return CorpusRun.RunAsync(engine, new Conversation("eval", "eval", "eval", locale ?? "en"), rows, cancellationToken);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
