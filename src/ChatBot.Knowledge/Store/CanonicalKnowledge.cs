using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ChatBot.Core.Knowledge;

namespace ChatBot.Knowledge.Store;

/// <summary>
/// Content in canonical form: companies and events in id order, each serialized once to canonical JSON. The hash
/// is taken over those lines, and the store writes the same lines, so nothing is serialized twice.
/// </summary>
public sealed class CanonicalKnowledge
{
    private CanonicalKnowledge(KnowledgeContent content, ImmutableArray<string> companies, ImmutableArray<string> events, string hash)
    {
        Content = content;
        CompanyJson = companies;
        EventJson = events;
        Hash = hash;
    }

    /// <summary>The content, in file order (as the admins wrote it).</summary>
    public KnowledgeContent Content { get; }

    /// <summary>Each company as canonical JSON, in id order.</summary>
    public ImmutableArray<string> CompanyJson { get; }

    /// <summary>Each event as canonical JSON, in id order.</summary>
    public ImmutableArray<string> EventJson { get; }

    /// <summary>SHA-256 of the canonical lines, lower-case hex: the content hash of a revision.</summary>
    public string Hash { get; }

    public static CanonicalKnowledge Of(KnowledgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ImmutableArray<string> companies = [.. content.Companies.OrderBy(c => c.Id, StringComparer.Ordinal).Select(KnowledgeJson.Serialize)];
        ImmutableArray<string> events = [.. content.Events.OrderBy(e => e.Id, StringComparer.Ordinal).AsParallel().AsOrdered().Select(KnowledgeJson.Serialize)];
        using IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string line in companies.Concat(events))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line));
            hash.AppendData("\n"u8);
        }

        return new CanonicalKnowledge(content, companies, events, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
