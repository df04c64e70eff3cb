using ChatBot.Core.Knowledge;
using ChatBot.Knowledge.Store;
using ChatBot.Testing;

namespace ChatBot.Knowledge.Tests.Store;

public class KnowledgeJsonTests
{
    [Fact]
    public void Serialize_WritesFileForms_AndLeavesOutDerivedAndEmptyMembers()
    {
        KnowledgeEvent e = Some.Event("round", "2025-03-31", valuation: "300 billion USD", amount: "about 40 billion USD", investor: "bank");

        string json = KnowledgeJson.Serialize(e);

        Assert.Contains("\"date\":\"2025-03-31\"", json, StringComparison.Ordinal);
        Assert.Contains("\"amount\":\"about 40 billion USD\"", json, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"lead-investor\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"funding-round\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"subject\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"others\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"quantities\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_GivesBackEqualRecords()
    {
        KnowledgeEvent e = Some.Event("round", "2025-03", valuation: "300 billion USD", investor: "bank") with { Others = ["Jane Street"] };

        KnowledgeEvent back = Assert.Single(KnowledgeJson.Deserialize<KnowledgeEvent>(KnowledgeJson.Array([KnowledgeJson.Serialize(e)])));

        Assert.Equal(KnowledgeJson.Serialize(e), KnowledgeJson.Serialize(back));
        Assert.Equal(["Jane Street"], back.Others);
        Assert.Empty(back.Quantities);
        Assert.False(back.Quantities.IsDefault);
    }
}
