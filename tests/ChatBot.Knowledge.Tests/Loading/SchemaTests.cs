using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Knowledge;
using ChatBot.Testing;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatBot.Knowledge.Tests.Loading;

/// <summary>
/// <c>knowledge/schema.json</c> gives editors completion. It must accept every shipped file, reject what the
/// validator rejects, and list exactly the closed sets the code accepts.
/// </summary>
public class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(Repository.KnowledgePath, "schema.json"))));

    private static readonly Lazy<JsonElement> SchemaJson = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.KnowledgePath, "schema.json"))).RootElement);

    public static TheoryData<string> ShippedFiles => [.. Directory.EnumerateFiles(Repository.KnowledgePath, "*.yaml").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Schema_AcceptsShippedFile(string file)
    {
        EvaluationResults results = Evaluate(File.ReadAllText(Path.Combine(Repository.KnowledgePath, file)));

        Assert.True(results.IsValid, string.Join('\n', Errors(results).Take(10)));
    }

    [Theory]
    [InlineData("events:\n  - { id: e, type: funding-round, date: 2025, stage: done, certainty: confirmed, parties: { a: subject }, summary: s, sources: [{ publisher: p, date: 2025 }] }", "unknown stage")]
    [InlineData("events:\n  - { id: e, type: funding-round, date: 2025, stage: talks, certainty: confirmed, parties: { a: subject }, summary: s, sources: [] }", "no source")]
    [InlineData("events:\n  - { id: e, type: funding-round, date: 2025, stage: talks, certainty: confirmed, parties: { a: subject }, summary: s, amount: 40 billion, sources: [{ publisher: p, date: 2025 }] }", "amount without currency")]
    [InlineData("companies:\n  - { id: a, name: A, colour: red }", "unknown key")]
    [InlineData("events:\n  - { id: e, type: funding-round, date: 2025-13, stage: talks, certainty: confirmed, parties: { a: subject }, summary: s, sources: [{ publisher: p, date: 2025 }] }", "bad date")]
    public void Schema_RejectsWhatTheValidatorRejects(string yaml, string why) =>
        Assert.False(Evaluate(yaml).IsValid, why);

    [Fact]
    public void Schema_ListsTheClosedSetsOfTheCode()
    {
        JsonElement definitions = SchemaJson.Value.GetProperty("definitions");
        JsonElement eventProperties = definitions.GetProperty("event").GetProperty("properties");

        Assert.Equal(EnumNames.All<Stage>(), Enum(eventProperties.GetProperty("stage")));
        Assert.Equal(EnumNames.All<Certainty>(), Enum(eventProperties.GetProperty("certainty")));
        Assert.Equal(EnumNames.All<EventType>(), Enum(eventProperties.GetProperty("type")));
        Assert.Equal(EnumNames.All<Role>(), Enum(definitions.GetProperty("party").GetProperty("oneOf")[0]));
        Assert.Equal(EnumNames.All<CompanyKind>(), Enum(definitions.GetProperty("company").GetProperty("properties").GetProperty("kind")));
        Assert.Equal(EnumNames.All<RoundKind>(), Enum(eventProperties.GetProperty("round").GetProperty("properties").GetProperty("kind")));
        Assert.Equal(EnumNames.All<ValuationBasis>(), Enum(definitions.GetProperty("valuation").GetProperty("oneOf")[1].GetProperty("properties").GetProperty("basis")));
        Assert.Equal(
            Money.Currencies.Order(StringComparer.Ordinal),
            definitions.GetProperty("money").GetProperty("pattern").GetString()!.Split('(')[^1].TrimEnd('$', ')').Split('|').Order(StringComparer.Ordinal));
    }

    private static string[] Enum(JsonElement element) => [.. element.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

    private static EvaluationResults Evaluate(string yaml)
    {
        using JsonDocument document = JsonDocument.Parse(ToJson(yaml)?.ToJsonString() ?? "null");
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static IEnumerable<string> Errors(EvaluationResults results) =>
        (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));

    /// <summary>YAML to JSON as an editor's YAML language server sees it: plain integers are numbers.</summary>
    private static JsonNode? ToJson(string yaml)
    {
        YamlStream stream = [];
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long number) => JsonValue.Create(number),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
