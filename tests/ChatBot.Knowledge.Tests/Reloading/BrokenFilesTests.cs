using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Reloading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Knowledge.Tests.Reloading;

/// <summary>A catalogue of broken changes: each is rejected whole with the right message, and the previous revision keeps serving.</summary>
public sealed class BrokenFilesTests : IDisposable
{
    private const long MaxFileBytes = 200_000;

    private readonly ReloadRig _rig = new(events: 20, companies: 5, files: 1, new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)), MaxFileBytes);

    private KnowledgeReloader CreateSut() => _rig.Reloader();

    /// <summary>Reason; the change (file name and bytes, null bytes: delete it); the file and start of one expected error.</summary>
    public static TheoryData<string, string, byte[]?, string> Changes => new()
    {
        {
            "YAML syntax error: an unclosed flow sequence",
            "extra.yaml", "events:\n  - id: x\n    parties: [unclosed\n"u8.ToArray(),
            "extra.yaml:4:1: YAML syntax error: while parsing a flow sequence, did not find expected ',' or ']'"
        },
        {
            "wrong type: a year that is a word",
            "extra.yaml", "companies:\n  - id: newco\n    name: NewCo\n    founded: soon\n"u8.ToArray(),
            "extra.yaml:4:14: 'founded' must be a year such as 2032, not 'soon'"
        },
        {
            "wrong type: a list where a single value belongs",
            "extra.yaml", "companies:\n  - id: newco\n    name: [New, Co]\n"u8.ToArray(),
            "extra.yaml:3:11: 'name' must be a single value, not a list"
        },
        {
            "dangling reference: a party that is no company",
            "extra.yaml",
            "events:\n  - id: ghost-deal\n    type: partnership\n    date: 2025-01-02\n    stage: announced\n    certainty: confirmed\n    parties: { nobody-inc: subject }\n    summary: A deal with nobody.\n    sources: [{ publisher: Reuters, date: 2025-01-02 }]\n"u8.ToArray(),
            "extra.yaml:7:16: unknown company 'nobody-inc'"
        },
        {
            "duplicate id: a company that already exists in another file",
            "extra.yaml", "companies:\n  - id: company-1\n    name: Company One Again\n    kind: ai-lab\n"u8.ToArray(),
            "extra.yaml:2:5: duplicate company id 'company-1' (first defined at "
        },
        {
            "empty file",
            "extra.yaml", [],
            "extra.yaml:1:1: the file is empty"
        },
        {
            "binary garbage",
            "extra.yaml", [0x00, 0xFF, 0xFE, 0x13, 0x37, 0x00, 0x80, 0x9F, 0xC3, 0x28],
            "extra.yaml:1:1: the file is binary, not YAML text"
        },
        {
            "a file over Knowledge:MaxFileBytes",
            "extra.yaml", new byte[MaxFileBytes + 1],
            "extra.yaml:1:1: the file is 200,001 bytes, over the limit of 200,000 (Knowledge:MaxFileBytes)"
        },
        {
            "a file deleted: the events now name companies nobody defines",
            "companies.yaml", null,
            "events-00.yaml:7:16: unknown company 'company-0'; add it under 'companies:' first"
        },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Reload_BrokenChange_IsRejectedWithTheRightMessage_AndThePreviousRevisionServes(string reason, string file, byte[]? content, string expected)
    {
        using KnowledgeReloader sut = CreateSut();
        await sut.ReloadAsync("startup", cancellationToken: TestContext.Current.CancellationToken);
        KnowledgeSnapshot good = _rig.Holder.Current;
        string path = Path.Combine(_rig.Knowledge, file);
        if (content is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllBytes(path, content);
        }

        LoadOutcome outcome = await sut.ReloadAsync("watcher", cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(outcome.State == LoadState.ServingLastGood, reason);
        Assert.Same(good, _rig.Holder.Current);
        Assert.Single(_rig.Store.History());
        string prefix = Path.Combine(_rig.Knowledge, expected);
        Assert.True(
            outcome.Errors.Any(e => e.ToString().StartsWith(prefix, StringComparison.Ordinal)),
            $"{reason}: expected an error starting '{expected}', got:\n{string.Join('\n', outcome.Errors)}");
        KnowledgeRejected rejected = Assert.IsType<KnowledgeRejected>(_rig.Notifier.All[^1]);
        Assert.Equal(good.Revision, rejected.Serving);
        Assert.Equal(outcome.Errors.Select(e => e.ToString()), _rig.Logger.Messages(LogLevel.Warning).Where(m => !m.StartsWith("Rejected", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        _rig.Dispose();
    }
}
