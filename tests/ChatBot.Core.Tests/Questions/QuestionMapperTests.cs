using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Tests.Commands;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Questions;

/// <summary>The frame, not the first company found, picks the command: two companies and their relation, roles by the grammar.</summary>
public class QuestionMapperTests
{
    private static KnowledgeSnapshot Snapshot => Repository.ShippedSnapshot;

    /// <summary>Question → the command it becomes, as "relation actor relation counterpart [facet] [period] [yes/no] [still]".</summary>
    public static TheoryData<string, string, string> Questions => new()
    {
        // Two companies: the relation and who plays which part
        { "How much did Microsoft invest in Anthropic?", "relation microsoft invests anthropic amount", "the investor is the subject, the company invested in follows 'in'" },
        { "What did Nvidia pay for Groq?", "relation nvidia pays groq price", "the payer is the subject, what is paid for follows 'for'" },
        { "How much did Groq get from Nvidia?", "relation nvidia pays groq amount", "a receiving verb: the giver follows 'from'" },
        { "What did Nvidia pay for its Intel shares?", "relation nvidia pays intel price", "'its' between the marker and the company" },
        { "What is Microsoft's stake in OpenAI?", "relation microsoft owns openai stake", "a possessive holder and 'stake in'" },
        { "What has OpenAI agreed with Broadcom?", "relation openai any broadcom", "an agreement 'with': no direction" },
        { "Is Anthropic backed by Amazon?", "relation amazon invests anthropic yes/no", "passive: the doer follows 'by'" },
        { "Does Broadcom supply chips to OpenAI?", "relation broadcom supplies openai yes/no", "the supplier is the subject, the customer follows 'to'" },
        { "Does OpenAI buy compute from Oracle?", "relation oracle supplies openai yes/no", "goods bought 'from': the seller supplies" },
        { "What does OpenAI buy from Oracle?", "relation oracle supplies openai", "what is bought 'from' a company it supplies, never a takeover of the buyer" },
        { "Wat koopt Nvidia bij CoreWeave?", "relation coreweave supplies nvidia", "Dutch 'koopt bij': the seller supplies" },
        { "Does OpenAI pay Oracle for compute?", "relation oracle supplies openai price yes/no", "capacity paid for: the payer is the customer, the payee supplies" },
        { "What is Anthropic's Google Cloud commitment?", "relation anthropic pays alphabet", "money committed to a cloud is spending, not an investment" },
        { "How much did Amazon commit to Anthropic?", "relation amazon invests anthropic amount", "a commitment to a company without capacity is an investment" },
        { "Was Groq bought by Nvidia?", "relation nvidia buys groq yes/no takeover", "passive 'bought by': the company itself is bought" },
        { "Did SoftBank sell its Nvidia stake?", "relation softbank sells nvidia stake yes/no", "a sale: the seller is the actor" },
        { "What did SoftBank get for selling its Nvidia shares?", "relation softbank sells nvidia", "a seller receives money and stays the actor" },
        { "Compare OpenAI and Anthropic", "compare openai anthropic", "compare stays compare" },
        { "Hoeveel investeerde Microsoft in Anthropic?", "relation microsoft invests anthropic amount", "Dutch: verb before the subject, object after 'in'" },
        { "Wat betaalde Nvidia voor Groq?", "relation nvidia pays groq price", "Dutch 'voor' marks what is paid for" },
        { "Hoeveel kreeg Groq van Nvidia?", "relation nvidia pays groq amount", "Dutch 'van' marks the giver of what is received" },
        { "Hoe groot is het belang van Microsoft in OpenAI?", "relation microsoft owns openai stake", "Dutch possessive 'van' with 'in': the holder" },
        { "Hoeveel gaat Anthropic bij AWS uitgeven?", "relation anthropic pays amazon amount", "Dutch 'bij' names the payee of spending" },
        { "Hoeveel TPU's gebruikt Anthropic van Google?", "relation alphabet supplies anthropic quantity", "Dutch 'gebruikt … van': the supplier gives; a count of chips" },
        { "Is Microsoft nog de exclusieve cloudleverancier van OpenAI?", "relation microsoft supplies openai yes/no still", "'leverancier van' names the customer" },
        { "Neemt SpaceX Anysphere over?", "relation spacex buys anysphere yes/no", "Dutch separable verb 'neemt … over'" },
        { "Is Cohere taking over Aleph Alpha?", "relation cohere buys aleph-alpha yes/no", "'taking over' is buying" },
        { "How long does OpenAI's AWS deal run?", "relation openai any amazon term", "'how long': the term" },
        { "Tot wanneer loopt de Cerebras-deal van OpenAI?", "relation openai any cerebras term", "Dutch 'tot wanneer', a hyphenated name" },

        // One company and a topic for the other side
        { "Is Blue Owl still funding the Michigan data centre?", "relation blue-owl invests - yes/no still topic:Michigan", "the investor's verb, a named place" },
        { "Financiert Blue Owl nog het datacenter in Michigan?", "relation blue-owl invests - yes/no still topic:Michigan", "Dutch; a place the events name is a topic, not a company" },

        // One company
        { "Who invested in Anthropic?", "investors anthropic", "who invested in X: investors" },
        { "Which companies back Mistral?", "investors mistral-ai", "'which companies' before the verb ask for the givers" },
        { "What has Nvidia invested in?", "portfolio nvidia", "what has X invested in: portfolio" },
        { "Waarin investeerde SoftBank?", "portfolio softbank", "Dutch 'waarin': the company is the subject" },
        { "How many funding rounds did Anthropic raise?", "deals anthropic - funding", "a count of rounds is a deals question" },
        { "Who led Anthropic's Series G?", "deals anthropic - funding", "who led: the round's lead" },
        { "How much did SpaceX raise in its IPO?", "deals spacex - ipo", "an IPO, not a funding round" },
        { "Hoeveel haalde CoreWeave op bij de beursgang?", "deals coreweave - ipo", "Dutch word order does not make CoreWeave the receiver of investors" },
        { "What has Meta acquired?", "deals meta - acquisition", "acquisitions of one company" },
        { "How much will Google invest in 2026?", "financials alphabet year:2026 spending", "future investing by a company is its capital spending" },
        { "What cash flow is Anthropic expecting in 2028?", "financials anthropic year:2028 cashflow", "'cash flow' is one figure" },
        { "What was Anthropic's run rate in Q3 2025?", "financials anthropic q3-2025 runrate", "'run rate' and a quarter" },
        { "What valuation could an OpenAI IPO reach?", "deals openai - ipo", "the valuation of a listing plan" },
        { "What was OpenAI worth in 2024?", "valuation openai", "a valuation with a period" },
        { "Mistral datacenter in Zweden", "deals mistral-ai - infrastructure", "a company and a named place: its facts there" },
        { "Databricks", "company databricks", "a bare name: the profile" },

        // No company
        { "biggest deals of 2025", "deals - year:2025 biggest", "a superlative over a year" },
        { "Deals in maart 2026", "deals - month:2026-03", "a Dutch month and year" },
        { "Milam County Texas site", "search Milam County Texas site", "a place: the ranked search, not a deals list" },

        // Typos in the command word or the name
        { "portfolo SoftBank", "portfolio softbank", "a typo in the command word" },
        { "investros in Mistral", "investors mistral-ai", "a transposition in the command word" },
        { "Wie investeerde er in Reflecton AI?", "investors reflection-ai", "a typo in a two-word name" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void Map_Question_ReadsTheFrame(string text, string expected, string why)
    {
        ParseResult result = CommandParser.Parse(text, Snapshot.Directory, Snapshot.UsesWord);

        Assert.True(result.Succeeded, $"{why}: '{text}' failed with {result.Failure} ({result.UnknownName ?? result.Detail})");
        Assert.True(expected == CommandParserTests.Describe(result.Command!), $"{why}: '{text}' became {CommandParserTests.Describe(result.Command!)}");
    }

    /// <summary>Names we do not know are said so, never replaced by the company that is known.</summary>
    [Theory]
    [InlineData("How much did Apple invest in Foobar AI?", "Apple", "two unknown names: the first is reported")]
    [InlineData("Did Microsoft invest in Foobar?", "Foobar", "a known investor and an unknown company: never an answer about Microsoft alone")]
    [InlineData("Wat heeft Microsoft met Flurbo afgesproken?", "Flurbo", "Dutch: an unknown counterpart after 'met'")]
    [InlineData("Wie zijn de investeerders van Brakwater?", "Brakwater", "Dutch: investors of an unknown company")]
    public void Map_UnknownCompany_IsNamed(string text, string unknown, string why)
    {
        ParseResult result = CommandParser.Parse(text, Snapshot.Directory, Snapshot.UsesWord);

        Assert.True(result.Failure == ParseFailure.UnknownCompany && result.UnknownName == unknown, $"{why}: {result.Failure} {result.UnknownName}");
    }

    [Fact]
    public void Map_Intent_IsAnEnumOnEveryCommand() =>
        Assert.Equal(Intent.Relation, CommandParser.Parse("How much did Microsoft invest in Anthropic?", Snapshot.Directory).Command!.Intent);
}
