using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Teams.Manifest;

namespace ChatBot.Teams.Tests;

public class TeamsAppPackageTests
{
    private static readonly TeamsOptions Options = new() { MicrosoftAppId = "3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b", BotName = "ChatBot" };

    [Fact]
    public void Manifest_HasTheBotItsCommandsAndTheMessageExtension_WithinTeamsLimits()
    {
        JsonObject manifest = TeamsAppPackage.Manifest(Options, new ManifestSettings());

        Assert.Equal("1.22", (string?)manifest["manifestVersion"]);
        Assert.Equal(Options.MicrosoftAppId, (string?)manifest["id"]);
        JsonArray bots = manifest["bots"]!.AsArray();
        Assert.Single(bots);
        Assert.Equal(Options.MicrosoftAppId, (string?)bots[0]!["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bots[0]!["scopes"]!.AsArray().Select(s => (string)s!));
        foreach (JsonNode? list in bots[0]!["commandLists"]!.AsArray())
        {
            JsonArray commands = list!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 10);
            Assert.All(commands, c => Assert.InRange(((string)c!["title"]!).Length, 1, 32));
            Assert.All(commands, c => Assert.InRange(((string)c!["description"]!).Length, 1, 128));
        }

        JsonObject extension = manifest["composeExtensions"]!.AsArray().Single()!.AsObject();
        JsonObject command = extension["commands"]!.AsArray().Single()!.AsObject();
        Assert.Equal(TeamsBot.SearchCommandId, (string?)command["id"]);
        Assert.Equal("query", (string?)command["type"]);
        Assert.InRange(command["parameters"]!.AsArray().Count, 1, 5);
        Assert.InRange(((string)manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)manifest["description"]!["short"]!).Length, 1, 80);
        Assert.InRange(((string)manifest["description"]!["full"]!).Length, 1, 4000);
        Assert.StartsWith("https://", (string?)manifest["developer"]!["websiteUrl"], StringComparison.Ordinal);
    }

    [Fact]
    public void Package_HoldsTheManifestAndBothIcons_InTheirRequiredSizes()
    {
        using MemoryStream zipBytes = new();
        TeamsAppPackage.Write(zipBytes, Options, new ManifestSettings());
        zipBytes.Position = 0;

        using ZipArchive zip = new(zipBytes, ZipArchiveMode.Read);

        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using (Stream manifest = zip.GetEntry("manifest.json")!.Open())
        {
            using JsonDocument document = JsonDocument.Parse(manifest);
            Assert.Equal("color.png", document.RootElement.GetProperty("icons").GetProperty("color").GetString());
        }

        Assert.Equal((192, 192), PngSize(zip.GetEntry("color.png")!));
        Assert.Equal((32, 32), PngSize(zip.GetEntry("outline.png")!));
    }

    private static (int Width, int Height) PngSize(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        byte[] header = new byte[24];
        stream.ReadExactly(header);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], header[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
