using ChatBot.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The ranked search over events (Lucene.Net) behind the core's <see cref="IEventSearch"/> port.</summary>
    public static IServiceCollection AddEventSearch(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<LuceneEventSearch>();
        services.TryAddSingleton<IEventSearch>(provider => provider.GetRequiredService<LuceneEventSearch>());
        return services;
    }
}
