using System.Collections.Immutable;
using System.Security.Cryptography;
using ChatBot.Core.Knowledge;

namespace ChatBot.Knowledge.Store;

/// <summary>
/// Content in canonical form: companies and events in id order, encoded once with <see cref="KnowledgeBinary"/>
/// into the chunks the store writes. The content hash is taken over those chunks, so comments, formatting and the
/// order of entries in the files never change it, and nothing is encoded twice.
/// </summary>
public sealed class CanonicalKnowledge
{
    /// <summary>Events per chunk: many small documents, well under LiteDB's 16 MB cap. Part of the canonical form.</summary>
    public const int EventsPerChunk = 500;

    private CanonicalKnowledge(KnowledgeContent content, byte[] companies, ImmutableArray<byte[]> eventChunks, string hash)
    {
        Content = content;
        Companies = companies;
        EventChunks = eventChunks;
        Hash = hash;
    }

    /// <summary>The content, in file order (as the admins wrote it).</summary>
    public KnowledgeContent Content { get; }

    /// <summary>Every company, encoded, in id order.</summary>
    public byte[] Companies { get; }

    /// <summary>The events, encoded in chunks of <see cref="EventsPerChunk"/>, in id order.</summary>
    public ImmutableArray<byte[]> EventChunks { get; }

    /// <summary>SHA-256 of the encoded content, lower-case hex: the content hash of a revision.</summary>
    public string Hash { get; }

    public static CanonicalKnowledge Of(KnowledgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        byte[] companies = KnowledgeBinary.Write(content.Companies.OrderBy(c => c.Id, StringComparer.Ordinal));
        ImmutableArray<byte[]> chunks =
        [
            .. content.Events.OrderBy(e => e.Id, StringComparer.Ordinal).Chunk(EventsPerChunk).AsParallel().AsOrdered().Select(KnowledgeBinary.Write),
        ];
        using IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(companies);
        foreach (byte[] chunk in chunks)
        {
            hash.AppendData(chunk);
        }

        return new CanonicalKnowledge(content, companies, chunks, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
