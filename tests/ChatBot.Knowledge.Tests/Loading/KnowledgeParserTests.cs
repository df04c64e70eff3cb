using System.Text;
using ChatBot.Knowledge.Loading;
using ChatBot.Testing;

namespace ChatBot.Knowledge.Tests.Loading;

public class KnowledgeParserTests
{
    private const string Companies = """
        companies:
          - id: openai
            name: OpenAI
            aliases: [Open AI]
          - id: amazon
            name: Amazon
            aliases: [AWS]
        """;

    private static string Event(string body) => $"""
        events:
          - id: e1
            type: funding-round
            date: 2025-03-31
            stage: completed
            certainty: confirmed
            parties: {"{"} openai: subject {"}"}
            summary: A round.
            sources:
              - {"{"} publisher: Reuters, date: 2025-03-31 {"}"}
        {body}
        """;

    private static KnowledgeLoadResult Parse(params (string Name, string Text)[] files) =>
        KnowledgeFileReader.Parse([.. files.Select(f => new KnowledgeFile(f.Name, Encoding.UTF8.GetBytes(f.Text)))]);

    /// <summary>One row per error kind: the file, the exact position and the exact message an admin sees.</summary>
    public static TheoryData<string, string, string, string> Broken => new()
    {
        {
            "unknown key, with a suggestion",
            Event("    stgae: talks"),
            "events.yaml:11:5",
            "unknown key 'stgae' in event (did you mean 'stage'?)"
        },
        {
            "unknown stage",
            Event("").Replace("stage: completed", "stage: done", StringComparison.Ordinal),
            "events.yaml:5:12",
            "unknown stage 'done' (expected talks, announced, agreed, completed, cancelled)"
        },
        {
            "unknown certainty, with a suggestion",
            Event("").Replace("certainty: confirmed", "certainty: confirmd", StringComparison.Ordinal),
            "events.yaml:6:16",
            "unknown certainty 'confirmd' (did you mean 'confirmed'?) (expected confirmed, reported, estimate, denied)"
        },
        {
            "bad date",
            Event("").Replace("date: 2025-03-31\n    stage", "date: 2025-02-30\n    stage", StringComparison.Ordinal),
            "events.yaml:4:11",
            "bad date '2025-02-30' for 'date' (expected 2025, 2025-Q3, 2025-H2, 2025-10 or 2025-10-02)"
        },
        {
            "negative amount",
            Event("    amount: -5 billion USD"),
            "events.yaml:11:13",
            "amount '-5 billion USD' is negative; amounts are never negative (write a loss under 'loss:')"
        },
        {
            "amount without a currency",
            Event("    amount: 40 billion"),
            "events.yaml:11:13",
            "amount '40 billion' has no currency (write e.g. '10 billion USD')"
        },
        {
            "unknown currency",
            Event("    amount: 40 billion BTC"),
            "events.yaml:11:13",
            "unknown currency 'BTC' in '40 billion BTC' (expected one of AED, CAD, CHF, CNY, EUR, GBP, INR, JPY, KRW, SAR, USD)"
        },
        {
            "reference to an unknown company, with a suggestion",
            Event("").Replace("openai: subject", "opneai: subject", StringComparison.Ordinal),
            "events.yaml:7:16",
            "unknown company 'opneai' (did you mean 'openai'?); add it under 'companies:' first"
        },
        {
            "missing source",
            Event("").Replace("    sources:\n      - { publisher: Reuters, date: 2025-03-31 }\n", string.Empty, StringComparison.Ordinal),
            "events.yaml:2:5",
            "event 'e1' is missing 'sources'"
        },
        {
            "empty source list",
            Event("").Replace("      - { publisher: Reuters, date: 2025-03-31 }\n", string.Empty, StringComparison.Ordinal).Replace("    sources:\n", "    sources: []\n", StringComparison.Ordinal),
            "events.yaml:9:14",
            "an event needs at least one source"
        },
        {
            "source without a publisher",
            Event("").Replace("{ publisher: Reuters, date: 2025-03-31 }", "{ date: 2025-03-31 }", StringComparison.Ordinal),
            "events.yaml:10:9",
            "source is missing 'publisher'"
        },
        {
            "duplicate event id",
            Event("  - id: e1\n    type: stake\n    date: 2025\n    stage: completed\n    certainty: confirmed\n    parties: { openai: subject }\n    summary: Again.\n    sources: [{ publisher: Reuters, date: 2025 }]"),
            "events.yaml:11:5",
            "duplicate event id 'e1' (first defined at events.yaml:2)"
        },
        {
            "YAML syntax error",
            "events:\n  - id: e1\n    summary: [unclosed\n",
            "events.yaml:4:1",
            "YAML syntax error: while parsing a flow sequence, did not find expected ',' or ']'."
        },
        {
            "empty file",
            string.Empty,
            "events.yaml:1:1",
            "the file is empty (expected 'companies:' and/or 'events:')"
        },
        {
            "a list at the top",
            "- id: openai\n",
            "events.yaml:1:1",
            "the file must be a mapping with 'companies:' and/or 'events:'"
        },
        {
            "financials without a period",
            Event("").Replace("type: funding-round", "type: financials", StringComparison.Ordinal) + "    financials: { loss: about 5 billion USD }\n",
            "events.yaml:2:5",
            "a financials event needs 'period:' (e.g. 2024 or FY2025)"
        },
        {
            "a bad slug",
            Event("").Replace("id: e1", "id: My Event", StringComparison.Ordinal),
            "events.yaml:2:9",
            "id 'My Event' must be a lower-case slug: letters a-z, digits and '-'"
        },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Parse_BrokenFile_ReportsFileLineColumnAndMessage(string why, string yaml, string place, string message)
    {
        KnowledgeLoadResult result = Parse(("companies.yaml", Companies), ("events.yaml", yaml));

        Assert.False(result.IsValid, why);
        Assert.Null(result.Content);
        Assert.Contains($"{place}: {message}", result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_AliasNamingTwoCompanies_IsRejectedWhereTheSecondIsWritten()
    {
        KnowledgeLoadResult result = Parse(("companies.yaml", Companies), ("more.yaml", "companies:\n  - id: aws-inc\n    name: AWS Inc\n    aliases: [AWS]\n"));

        Assert.Equal("more.yaml:4:15: the name 'AWS' already names company 'amazon' (at companies.yaml:7); an alias must name one company", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_DuplicateCompanyAcrossFiles_NamesTheFirst()
    {
        KnowledgeLoadResult result = Parse(("companies.yaml", Companies), ("more.yaml", "companies:\n  - id: openai\n    name: OpenAI again\n"));

        Assert.Equal("more.yaml:2:5: duplicate company id 'openai' (first defined at companies.yaml:2)", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_ManyErrors_AreAllReportedAtOnce_InFileOrder()
    {
        string yaml = Event("    amount: 40 billion\n    stake: 120%").Replace("stage: completed", "stage: done", StringComparison.Ordinal);

        KnowledgeLoadResult result = Parse(("companies.yaml", Companies), ("events.yaml", yaml));

        Assert.Equal(3, result.Errors.Length);
        Assert.Equal([5, 11, 12], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Parse_BinaryGarbage_IsRejectedAsBinary()
    {
        KnowledgeLoadResult result = KnowledgeFileReader.Parse([new KnowledgeFile("junk.yaml", [0x00, 0xFF, 0x13, 0x37])]);

        Assert.Equal("junk.yaml:1:1: the file is binary, not YAML text", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_InvalidUtf8_IsRejected()
    {
        KnowledgeLoadResult result = KnowledgeFileReader.Parse([new KnowledgeFile("latin1.yaml", [0x63, 0x3A, 0x20, 0xE9, 0x0A])]);

        Assert.Equal("latin1.yaml:1:1: the file is not UTF-8 text", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Load_FileOverMaxFileBytes_IsRejectedUnread()
    {
        using TempDirectory temp = new();
        temp.Write("big.yaml", Companies + new string('#', 2000));

        KnowledgeLoadResult result = KnowledgeFileReader.Load(temp.Path, maxFileBytes: 1000);

        KnowledgeError error = Assert.Single(result.Errors);
        Assert.EndsWith("big.yaml", error.File, StringComparison.Ordinal);
        Assert.Equal("the file is 2,116 bytes, over the limit of 1,000 (Knowledge:MaxFileBytes)", error.Message);
    }

    [Fact]
    public void Load_MissingFolder_SaysSo()
    {
        KnowledgeLoadResult result = KnowledgeFileReader.Load("/nonexistent/knowledge", 1000);

        Assert.Equal("/nonexistent/knowledge:1:1: the knowledge folder does not exist", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_FullEvent_MapsEveryField()
    {
        string yaml = Event("""
                announced: 2025-03-01
                closed: 2025-04
                others: [Jane Street]
                amount: up to 40 billion USD
                valuation: { amount: 300 billion USD, basis: post-money }
                round: { kind: primary, name: Series F }
                stake: about 27%
                quantities: [4.5 GW, up to 1 million TPUs]
                term: { years: 7, until: 2032 }
                summary_nl: Een ronde.
                note: A note.
            """).Replace("openai: subject", "openai: subject, amazon: { role: lead-investor, amount: 30 billion USD, stake: 10% }", StringComparison.Ordinal);

        KnowledgeLoadResult result = Parse(("companies.yaml", Companies), ("events.yaml", yaml));

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        ChatBot.Core.Knowledge.KnowledgeEvent e = Assert.Single(result.Content!.Content.Events);
        Assert.Equal("up to 40 billion USD", e.Amount.ToString());
        Assert.Equal(ChatBot.Core.Knowledge.ValuationBasis.PostMoney, e.Valuation!.Basis);
        Assert.Equal("Series F", e.Round!.Name);
        Assert.Equal("about 27%", e.Stake.ToString());
        Assert.Equal(["4.5 GW", "up to 1 million TPUs"], e.Quantities.Select(q => q.ToString()));
        Assert.Equal((7, 2032), (e.Term!.Years, e.Term.Until));
        Assert.Equal("30 billion USD", e.Parties[1].Amount.ToString());
        Assert.Equal(["Jane Street"], e.Others);
        Assert.Equal("2025-04", e.Closed.ToString());
        Assert.Equal("Een ronde.", e.SummaryNl);
    }

    [Fact]
    public void ContentHash_IgnoresCommentsFormattingAndOrder()
    {
        string reordered = "# a comment\nevents:\n  - id: e1\n    summary: A round.\n    type: funding-round\n    date: '2025-03-31'\n    stage: completed\n    certainty: confirmed\n    parties:\n      openai: subject\n    sources:\n      - publisher: Reuters\n        date: 2025-03-31\n";

        KnowledgeLoadResult a = Parse(("companies.yaml", Companies), ("events.yaml", Event("")));
        KnowledgeLoadResult b = Parse(("companies.yaml", Companies), ("events.yaml", reordered));

        Assert.Equal(a.Content!.ContentHash, b.Content!.ContentHash);
        Assert.NotEqual(a.RawHash, b.RawHash);
    }
}
