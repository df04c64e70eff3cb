using System.Collections.Immutable;
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

    /// <summary>SHA-256 of the canonical JSON of the content, in lower-case hex.</summary>
    public static string ContentHash(KnowledgeContent content) => CanonicalKnowledge.Of(content).Hash;

    public static string Serialize<T>(T item) => JsonSerializer.Serialize(item, Options);

    /// <summary>A JSON array of items already serialized.</summary>
    public static string Array(IEnumerable<string> items) => "[" + string.Join(',', items) + "]";

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
            TypeInfoResolver = KnowledgeJsonContext.Default.WithAddedModifier(SkipDerived),
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

    /// <summary>Derived, get-only members (<c>KnowledgeEvent.Subject</c>) are never stored: they are computed again; empty lists are left out.</summary>
    private static void SkipDerived(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (int i = info.Properties.Count - 1; i >= 0; i--)
        {
            JsonPropertyInfo property = info.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                info.Properties.RemoveAt(i);
            }
            else if (property.AssociatedParameter is null or { IsMemberInitializer: true } && property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            {
                // Empty lists (others, quantities, financials) are left out; reading gives the empty default back.
                property.ShouldSerialize = static (_, value) => value is System.Collections.ICollection { Count: > 0 };
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

/// <summary>Source-generated serialization metadata for the stored records: restarts deserialize every event.</summary>
[JsonSerializable(typeof(ImmutableArray<KnowledgeEvent>))]
[JsonSerializable(typeof(ImmutableArray<Company>))]
[JsonSerializable(typeof(KnowledgeEvent))]
[JsonSerializable(typeof(Company))]
internal sealed partial class KnowledgeJsonContext : JsonSerializerContext;
