namespace ChatBot.Core.Knowledge;

/// <summary>
/// Companies matching what a user types in a search box (Discord autocomplete, the Teams message extension): name
/// or alias prefix first, then substring, then close by typo; the most discussed companies first when nothing is
/// typed or ranks tie.
/// </summary>
public static class CompanySearch
{
    public static IEnumerable<Company> Find(KnowledgeSnapshot snapshot, string? typed)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string key = CompanyDirectory.Normalize(typed ?? string.Empty);
        IEnumerable<(Company Company, int Rank)> ranked = snapshot.Content.Companies.Select(c =>
        {
            IEnumerable<string> names = CompanyDirectory.NamesOf(c).Select(CompanyDirectory.Normalize);
            int rank = key.Length == 0 ? 0
                : names.Any(n => n.StartsWith(key, StringComparison.Ordinal)) ? 0
                : names.Any(n => n.Contains(key, StringComparison.Ordinal)) ? 1
                : key.Length >= 4 && names.Any(n => IsTypo(n, key)) ? 2
                : int.MaxValue;
            return (c, rank);
        });
        return ranked
            .Where(x => x.Rank != int.MaxValue)
            .OrderBy(x => x.Rank)
            .ThenByDescending(x => snapshot.EventsOf(x.Company.Id).Length)
            .ThenBy(x => x.Company.Name, StringComparer.Ordinal)
            .Select(x => x.Company);
    }

    /// <summary>A whole name with a small typo, or the start of a name with one typo.</summary>
    private static bool IsTypo(string name, string key) =>
        EditDistance.Between(name, key, 2) <= Math.Max(1, CompanyDirectory.AllowedTypos(key.Length))
        || (name.Length > key.Length && EditDistance.Between(name[..key.Length], key, 1) <= 1);
}
