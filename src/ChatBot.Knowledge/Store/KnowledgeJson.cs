using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ChatBot.Core.Knowledge;

namespace ChatBot.Knowledge.Store;

/// <summary>
/// The canonical JSON form of knowledge records: amounts, dates and periods in their file form, enums in
/// kebab-case, lists sorted by id. It is how revisions are stored, and its SHA-256 is the content hash, so
/// comments and formatting in the files never change the hash.
/// </summary>
public static class KnowledgeJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>The content with companies and events in id order.</summary>
    public static KnowledgeContent Canonical(KnowledgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new KnowledgeContent(
            [.. content.Companies.OrderBy(c => c.Id, StringComparer.Ordinal)],
            [.. content.Events.OrderBy(e => e.Id, StringComparer.Ordinal)]);
    }

    /// <summary>SHA-256 of the canonical JSON of the content, in lower-case hex.</summary>
    public static string ContentHash(KnowledgeContent content)
    {
        KnowledgeContent canonical = Canonical(content);
        using IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (Company company in canonical.Companies)
        {
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(company, Options));
            hash.AppendData("\n"u8);
        }

        foreach (KnowledgeEvent e in canonical.Events)
        {
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(e, Options));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Serialize<T>(IReadOnlyList<T> items) => JsonSerializer.Serialize(items, Options);

    public static ImmutableArray<T> Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<ImmutableArray<T>>(json, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        JsonSerializerOptions options = new(JsonSerializerDefaults.General)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = false,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipDerived } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new TextConverter<FuzzyDate>(s => FuzzyDate.TryParse(s, out FuzzyDate d) ? d : throw new JsonException($"bad date '{s}'")));
        options.Converters.Add(new TextConverter<Money>(s => Money.TryParse(s, out Money m, out string e) ? m : throw new JsonException(e)));
        options.Converters.Add(new TextConverter<Stake>(s => Stake.TryParse(s, out Stake m, out string e) ? m : throw new JsonException(e)));
        options.Converters.Add(new TextConverter<Quantity>(s => Quantity.TryParse(s, out Quantity m, out string e) ? m : throw new JsonException(e)));
        options.Converters.Add(new TextConverter<Period>(s => Period.TryParse(s, out Period p) ? p : throw new JsonException($"bad period '{s}'")));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Derived, get-only members (<c>KnowledgeEvent.Subject</c>) are never stored: they are computed again.</summary>
    private static void SkipDerived(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (int i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Set is null && info.Properties[i].AssociatedParameter is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    /// <summary>Writes a value type as its file form, which its TryParse reads back.</summary>
    private sealed class TextConverter<T>(Func<string, T> parse) : JsonConverter<T>
        where T : struct
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            parse(reader.GetString() ?? throw new JsonException($"expected a string for {typeof(T).Name}"));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
