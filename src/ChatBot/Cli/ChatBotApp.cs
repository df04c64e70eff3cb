using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Hosting;
using ChatBot.Knowledge;
using ChatBot.Knowledge.Loading;
using ChatBot.Knowledge.Reloading;
using ChatBot.Search;
using ChatBot.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Cli;

/// <summary>
/// The executable's entry point, with its streams passed in so tests run it in-process: verbs, configuration,
/// logging to standard error, and the exit code.
/// </summary>
public static class ChatBotApp
{
    public const int Ok = 0;
    public const int InvalidKnowledge = 1;
    public const int UsageError = 2;
    public const int NoKnowledge = 3;

    private static readonly JsonSerializerOptions ReplyJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        CommandLine line = CommandLine.Parse(args);
        if (line.Error is not null)
        {
            await error.WriteLineAsync($"chatbot: {line.Error}. Run 'chatbot --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        string verb = line.Words.Length == 0 ? "chat" : line.Words[0].ToLowerInvariant();
        if (line.Help || verb is "help")
        {
            await output.WriteAsync(Usage).ConfigureAwait(false);
            return Ok;
        }

        using IHost host = Build(line, error, time ?? TimeProvider.System);
        ILogger logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ChatBot");
        KnowledgeOptions options;
        try
        {
            options = host.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("chatbot: invalid configuration: " + string.Join("; ", ex.Failures)).ConfigureAwait(false);
            return UsageError;
        }

        try
        {
            return verb switch
            {
                "chat" => await ChatAsync(host, line, options, input, output, error, logger, cancellationToken).ConfigureAwait(false),
                "ask" => await AskAsync(host, line, options, output, error, logger, cancellationToken).ConfigureAwait(false),
                "eval" => await EvalVerb.RunAsync(host.Services, line, options, output, error, cancellationToken).ConfigureAwait(false),
                "knowledge" => await KnowledgeVerbs.RunAsync(host.Services, line, options, output, error).ConfigureAwait(false),
                "teams" => await TeamsVerbs.RunAsync(host.Services, line, output, error).ConfigureAwait(false),
                "serve" => await ServeVerb.RunAsync(line, options, error, time ?? TimeProvider.System, cancellationToken).ConfigureAwait(false),
                _ => await UnknownVerbAsync(verb, error).ConfigureAwait(false),
            };
        }
        catch (LiteDB.LiteException ex)
        {
            logger.LogError("The database {Database} could not be used: {Message}", options.Database, ex.Message);
            return NoKnowledge;
        }
        catch (IOException ex)
        {
            logger.LogError("The database {Database} could not be opened (is another chatbot process using it?): {Message}", options.Database, ex.Message);
            return NoKnowledge;
        }
    }

    internal const string Usage = """
        chatbot — answers questions about the finances of AI companies from a curated, sourced knowledge file.

        Usage:
          chatbot                          interactive console chat (type 'help', 'history', 'exit')
          chatbot ask "<question>" [--json] one answer on standard output (--json: the reply as JSON)
          chatbot eval <file.tsv>          ask every question of an evaluation file against the knowledge files as
                                           they are (never imported); print each miss and 'N passed, N failed';
                                           exit code 0 only when all pass (--today yyyy-mm-dd fixes the clock)
          chatbot knowledge validate       check the knowledge files; exit code 1 on any error
          chatbot knowledge import         validate and import the files as a new revision
          chatbot knowledge history        list the stored revisions (* marks the one served)
          chatbot knowledge diff <a> <b>   the companies and events added, changed and removed from revision a to b
          chatbot knowledge rollback <n>   serve revision n until the files change (survives restarts)
          chatbot knowledge export <dir> [n]
                                           write a revision (default: the one served) as YAML files
          chatbot knowledge unanswered     the questions the bot could not answer, most asked first
          chatbot teams package [file.zip] the Teams app package (manifest + icons) for upload
          chatbot serve                    run the chat adapters (Discord, Teams) and /healthz on Kestrel (Urls)

        Options:
          --knowledge <dir>                the knowledge folder (Knowledge:Path)
          --database <file>                the LiteDB database (Knowledge:Database)
          --locale <tag>                   the conversation locale when a question gives no cue (en, nl)
          --Section:Key=value              any configuration setting, e.g. --Limits:QuestionsPerUserPerMinute=60

        """;

    private static IHost Build(CommandLine line, TextWriter error, TimeProvider time)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. line.ConfigurationArgs],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        Configure(builder, line, error, time);
        return builder.Build();
    }

    /// <summary>Configuration, logging and services shared by every verb; <c>serve</c> adds the web host on top.</summary>
    internal static void Configure(IHostApplicationBuilder builder, CommandLine line, TextWriter error, TimeProvider time)
    {
        // Secrets (Discord token, Teams password) come from user secrets or the environment; the environment and the
        // command line still win over user secrets.
        builder.Configuration.AddUserSecrets(typeof(ChatBotApp).Assembly, optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine([.. line.ConfigurationArgs]);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TextWriterLoggerProvider(error));
        builder.Services.AddSingleton(time);
        builder.Services.AddKnowledge(builder.Configuration);
        builder.Services.AddSingleton(new EngineSettings(builder.Configuration.GetValue("Limits:QuestionsPerUserPerMinute", 20)));
        builder.Services.AddEventSearch();
        builder.Services.AddSingleton<IChatBotEngine, ChatBotEngine>();
        builder.Services.AddDiscordAdapter(builder.Configuration);
        builder.Services.AddSingleton<ChatBot.Teams.Conversations.IConversationReferenceStore, LiteDbConversationReferences>();
        builder.Services.AddTeamsAdapter(builder.Configuration);
    }

    /// <summary>Loads the knowledge for answering: imports changed files, falls back to the last good revision.</summary>
    internal static async Task<bool> StartKnowledgeAsync(IServiceProvider services, KnowledgeOptions options, TextWriter error, ILogger logger)
    {
        KnowledgeLoader loader = services.GetRequiredService<KnowledgeLoader>();
        LoadOutcome outcome = loader.Load(options.Path, options.MaxFileBytes, "startup");
        foreach (KnowledgeError e in outcome.Errors)
        {
            logger.LogWarning("{Error}", e.ToString());
        }

        switch (outcome.State)
        {
            case LoadState.Failed:
                await error.WriteLineAsync(
                    $"chatbot: no valid knowledge to serve. Fix the {outcome.Errors.Length} error(s) above in '{options.Path}', " +
                    "then check with 'chatbot knowledge validate'.").ConfigureAwait(false);
                return false;
            case LoadState.ServingLastGood:
                logger.LogWarning(
                    "The knowledge files have {Count} error(s); serving the last good revision {Revision} ({Events} events) until they are fixed",
                    outcome.Errors.Length, outcome.Revision!.Id, outcome.Revision.Events);
                break;
            case LoadState.RolledBack:
                logger.LogWarning(
                    "Serving revision {Revision} ({Events} events): an admin rolled back to it; the newest revision is served again once the files change",
                    outcome.Revision!.Id, outcome.Revision.Events);
                break;
            case LoadState.Imported:
                logger.LogInformation("Imported knowledge revision {Revision}: {Companies} companies, {Events} events", outcome.Revision!.Id, outcome.Revision.Companies, outcome.Revision.Events);
                break;
            default:
                logger.LogInformation("Knowledge revision {Revision} is current: {Companies} companies, {Events} events", outcome.Revision!.Id, outcome.Revision.Companies, outcome.Revision.Events);
                break;
        }

        services.GetRequiredService<SnapshotHolder>().Swap(outcome.Snapshot!);
        return true;
    }

    private static async Task<int> AskAsync(IHost host, CommandLine line, KnowledgeOptions options, TextWriter output, TextWriter error, ILogger logger, CancellationToken cancellationToken)
    {
        string question = string.Join(' ', line.Words.Skip(1)).Trim();
        if (question.Length == 0)
        {
            await error.WriteLineAsync("chatbot: ask needs a question, e.g. chatbot ask \"What is OpenAI worth?\"").ConfigureAwait(false);
            return UsageError;
        }

        if (!await StartKnowledgeAsync(host.Services, options, error, logger).ConfigureAwait(false))
        {
            return NoKnowledge;
        }

        IChatBotEngine engine = host.Services.GetRequiredService<IChatBotEngine>();
        Reply reply = await engine.HandleAsync(Utterance.FromText(question), ConsoleConversation(line), cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(line.Json ? JsonSerializer.Serialize(reply, ReplyJson) + "\n" : TextReplyRenderer.Render(reply)).ConfigureAwait(false);
        return Ok;
    }

    private static async Task<int> ChatAsync(IHost host, CommandLine line, KnowledgeOptions options, TextReader input, TextWriter output, TextWriter error, ILogger logger, CancellationToken cancellationToken)
    {
        if (!await StartKnowledgeAsync(host.Services, options, error, logger).ConfigureAwait(false))
        {
            return NoKnowledge;
        }

        bool styled = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        ConsoleChat chat = new(host.Services.GetRequiredService<IChatBotEngine>(), ConsoleConversation(line), input, output, styled);
        // The console chat reloads on change too (Knowledge:Watch), like serve.
        KnowledgeWatcher watcher = host.Services.GetRequiredService<KnowledgeWatcher>();
        await watcher.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await chat.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return Ok;
    }

    private static Conversation ConsoleConversation(CommandLine line)
    {
        string? locale = line.Locale;
        if (locale is null)
        {
            string? lang = Environment.GetEnvironmentVariable("LC_ALL") is { Length: > 0 } all ? all : Environment.GetEnvironmentVariable("LANG");
            locale = lang?.Split('.')[0].Replace('_', '-');
        }

        // Whoever runs the console owns the database it opens: admin commands are theirs.
        return new Conversation("console", Environment.UserName, "console", locale, IsAdmin: true);
    }

    private static async Task<int> UnknownVerbAsync(string verb, TextWriter error)
    {
        await error.WriteLineAsync($"chatbot: unknown command '{verb}'. Run 'chatbot --help' for usage.").ConfigureAwait(false);
        return UsageError;
    }
}
