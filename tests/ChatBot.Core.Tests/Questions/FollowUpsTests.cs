using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Questions;
using ChatBot.Core.Tests.Commands;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Questions;

/// <summary>A follow-up fills what it leaves out from the last question; a question that stands on its own is never a follow-up.</summary>
public class FollowUpsTests
{
    private static KnowledgeSnapshot Snapshot => Repository.ShippedSnapshot;

    private static Command Parse(string text) => CommandParser.Parse(text, Snapshot.Directory, Snapshot.UsesWord).Command!;

    public static TheoryData<string, string, string, string> Pairs => new()
    {
        { "What is OpenAI worth?", "and Anthropic?", "valuation anthropic", "the same intent, another company" },
        { "Wat is OpenAI waard?", "en Mistral?", "valuation mistral-ai", "Dutch 'en'" },
        { "How much did Microsoft invest in Anthropic?", "and Amazon?", "relation amazon invests anthropic amount", "an investor of the same kind replaces the investor" },
        { "How much did Microsoft invest in Anthropic?", "and in OpenAI?", "relation microsoft invests openai amount", "'in' replaces the company invested in" },
        { "How much did Nvidia invest in Intel?", "And SoftBank?", "relation softbank invests intel amount", "the knowledge has SoftBank investing in Intel, not Nvidia in SoftBank" },
        { "What is OpenAI worth?", "what about their investors?", "investors openai", "another intent for the same company" },
        { "OpenAI deals in 2025", "and in 2024?", "deals openai year:2024", "another period" },
        { "How much did OpenAI lose in 2024?", "en in 2025?", "financials openai year:2025 loss", "Dutch period follow-up keeps the figure asked" },
        { "Who led Anthropic's Series G?", "and the Series H?", "deals anthropic - funding", "another round name" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Resolve_FillsWhatTheFollowUpLeavesOut(string first, string second, string expected, string why)
    {
        ParseResult followUp = CommandParser.Parse(second, Snapshot.Directory, Snapshot.UsesWord);
        Assert.True(followUp.FollowUp is not null, $"{why}: '{second}' was not read as a follow-up");

        Command? resolved = FollowUps.Resolve(new Context(Parse(first), null), followUp.FollowUp!, Snapshot);

        Assert.True(resolved is not null && expected == CommandParserTests.Describe(resolved), $"{why}: {(resolved is null ? "null" : CommandParserTests.Describe(resolved))}");
    }

    [Fact]
    public void Resolve_ItMeansTheLastAnswersFact()
    {
        FollowUp followUp = CommandParser.Parse("who led it?", Snapshot.Directory).FollowUp!;

        Command? resolved = FollowUps.Resolve(new Context(Parse("What did Cohere raise in its Series D?"), "cohere-2024-07-series-d"), followUp, Snapshot);

        Assert.Equal(new EventCommand("cohere-2024-07-series-d", Facet.Lead), resolved);
    }

    [Theory]
    [InlineData("Did SoftBank sell its Nvidia stake?", "names its companies and what it asks")]
    [InlineData("Wie zijn de investeerders van Brakwater?", "names a company we do not know")]
    [InlineData("Grootste financieringsrondes van 2025", "a period with its own intent")]
    [InlineData("How much did Microsoft invest in Anthropic?", "a whole question")]
    public void Read_AQuestionThatStandsOnItsOwn_IsNoFollowUp(string text, string why) =>
        Assert.True(CommandParser.Parse(text, Snapshot.Directory, Snapshot.UsesWord).FollowUp is null, why);
}
