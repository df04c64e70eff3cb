using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Knowledge;
using ChatBot.Knowledge.Feedback;
using ChatBot.Knowledge.Reloading;
using ChatBot.Knowledge.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the knowledge store, loader and snapshot holder.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="KnowledgeOptions"/> (bound from <c>Knowledge</c>, validated), the LiteDB store on
    /// <c>Knowledge:Database</c>, the <see cref="KnowledgeLoader"/> and the <see cref="SnapshotHolder"/> that
    /// serves as <see cref="IKnowledgeSnapshotSource"/>.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KnowledgeOptions>()
            .Bind(configuration.GetSection(KnowledgeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new LiteDbKnowledgeStore(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Database));
        services.AddSingleton<KnowledgeLoader>();
        services.AddSingleton<SnapshotHolder>();
        services.AddSingleton<IKnowledgeSnapshotSource>(sp => sp.GetRequiredService<SnapshotHolder>());
        services.AddSingleton<KnowledgeReloader>();
        services.AddSingleton<KnowledgeWatcher>();
        services.AddSingleton<UnansweredRecorder>();
        services.AddSingleton<IUnansweredQuestions>(sp => sp.GetRequiredService<UnansweredRecorder>());
        return services;
    }

    /// <summary>
    /// Runs the <see cref="KnowledgeWatcher"/> as a hosted service: the folder is watched while the host runs
    /// (when <c>Knowledge:Watch</c> is true).
    /// </summary>
    public static IServiceCollection AddKnowledgeWatcher(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeWatcher>());
        return services;
    }
}
