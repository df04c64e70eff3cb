using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatBot.Knowledge.Store;

namespace ChatBot.Knowledge.Loading;

/// <summary>
/// Reads every <c>*.yaml</c>/<c>*.yml</c> file directly in the knowledge folder, checks sizes, then parses and
/// validates them together (ids are global across files). All errors are reported at once.
/// </summary>
public static class KnowledgeFileReader
{
    /// <summary>Reads the raw files: names and bytes, without parsing. Errors for unreadable or oversized files.</summary>
    public static (ImmutableArray<KnowledgeFile> Files, ImmutableArray<KnowledgeError> Errors) ReadFiles(string directory, long maxFileBytes)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string shown = directory.TrimEnd('/', '\\');
        if (!Directory.Exists(directory))
        {
            return ([], [new KnowledgeError(shown, 1, 1, "the knowledge folder does not exist")]);
        }

        List<KnowledgeFile> files = [];
        List<KnowledgeError> errors = [];
        IEnumerable<string> paths = Directory.EnumerateFiles(directory)
            .Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            string display = Path.Combine(shown, Path.GetFileName(path));
            try
            {
                long length = new FileInfo(path).Length;
                if (length > maxFileBytes)
                {
                    errors.Add(new KnowledgeError(display, 1, 1, string.Create(CultureInfo.InvariantCulture, $"the file is {length:N0} bytes, over the limit of {maxFileBytes:N0} (Knowledge:MaxFileBytes)")));
                    continue;
                }

                files.Add(new KnowledgeFile(display, File.ReadAllBytes(path)));
            }
            catch (IOException ex)
            {
                errors.Add(new KnowledgeError(display, 1, 1, "the file cannot be read: " + ex.Message));
            }
            catch (UnauthorizedAccessException ex)
            {
                errors.Add(new KnowledgeError(display, 1, 1, "the file cannot be read: " + ex.Message));
            }
        }

        if (files.Count == 0 && errors.Count == 0)
        {
            errors.Add(new KnowledgeError(shown, 1, 1, "the knowledge folder has no .yaml files"));
        }

        return ([.. files], [.. errors]);
    }

    /// <summary>Reads the raw files into a <see cref="KnowledgeFileSet"/>.</summary>
    public static KnowledgeFileSet Read(string directory, long maxFileBytes)
    {
        (ImmutableArray<KnowledgeFile> files, ImmutableArray<KnowledgeError> errors) = ReadFiles(directory, maxFileBytes);
        return new KnowledgeFileSet(files, errors);
    }

    /// <summary>Reads and parses the folder.</summary>
    public static KnowledgeLoadResult Load(string directory, long maxFileBytes)
    {
        (ImmutableArray<KnowledgeFile> files, ImmutableArray<KnowledgeError> readErrors) = ReadFiles(directory, maxFileBytes);
        KnowledgeLoadResult parsed = Parse(files);
        return readErrors.IsEmpty ? parsed : parsed with { Content = null, Errors = readErrors.AddRange(parsed.Errors) };
    }

    /// <summary>Parses and validates files already read.</summary>
    public static KnowledgeLoadResult Parse(IReadOnlyList<KnowledgeFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        // Files parse in parallel, each on its own parser; cross-file checks run once on the merged result.
        KnowledgeParser[] parsers = new KnowledgeParser[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            parsers[i] = new KnowledgeParser();
            parsers[i].ParseFile(files[i]);
        });
        (ChatBot.Core.Knowledge.KnowledgeContent? content, ImmutableArray<KnowledgeError> errors) = KnowledgeParser.Merge(parsers).Finish();
        KnowledgeContentResult? result = content is null ? null : new KnowledgeContentResult(CanonicalKnowledge.Of(content));
        return new KnowledgeLoadResult(result, errors, RawHash(files), [.. files.Select(f => f.Path)]);
    }

    /// <summary>SHA-256 over file names and bytes, in name order.</summary>
    public static string RawHash(IEnumerable<KnowledgeFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (KnowledgeFile file in files.OrderBy(f => Path.GetFileName(f.Path), StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file.Path) + "\n"));
            hash.AppendData(BitConverter.GetBytes(file.Content.LongLength));
            hash.AppendData(file.Content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
