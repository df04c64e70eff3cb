using System.Collections.Immutable;
using System.Globalization;

namespace ChatBot.Knowledge.Loading;

/// <summary>A problem in a knowledge file, where an admin can find it: <c>file:line:column: message</c>.</summary>
public sealed record KnowledgeError(string File, int Line, int Column, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}");
}

/// <summary>One knowledge file as read from disk: its display path and bytes.</summary>
public sealed record KnowledgeFile(string Path, byte[] Content);

/// <summary>
/// The outcome of reading the knowledge files: the content when every file is valid, else every error at once.
/// Never an exception for a bad file.
/// </summary>
/// <param name="Content">The parsed content; null when there are errors.</param>
/// <param name="Errors">Every problem found, in file order.</param>
/// <param name="RawHash">SHA-256 of the raw files (names and bytes): unchanged files are not parsed again.</param>
/// <param name="Files">The files read.</param>
public sealed record KnowledgeLoadResult(KnowledgeContentResult? Content, ImmutableArray<KnowledgeError> Errors, string RawHash, ImmutableArray<string> Files)
{
    public bool IsValid => Content is not null && Errors.IsEmpty;
}

/// <summary>Valid content in its canonical form, with its hash.</summary>
public sealed record KnowledgeContentResult(ChatBot.Knowledge.Store.CanonicalKnowledge Canonical)
{
    public ChatBot.Core.Knowledge.KnowledgeContent Content => Canonical.Content;

    public string ContentHash => Canonical.Hash;
}

/// <summary>
/// The knowledge files as read from disk at one moment, with the errors of files that could not be read, and the
/// hash of their raw bytes.
/// </summary>
public sealed record KnowledgeFileSet(ImmutableArray<KnowledgeFile> Files, ImmutableArray<KnowledgeError> Errors)
{
    /// <summary>SHA-256 over file names and bytes: equal for byte-identical file sets.</summary>
    public string RawHash { get; } = KnowledgeFileReader.RawHash(Files);
}
