using ChatBot.Core.Commands;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Commands;

public class CommandParserTests
{
    private static CompanyDirectory Directory => Repository.ShippedSnapshot.Directory;

    /// <summary>
    /// Question → what the parser understood, written as "intent company [second] [period] [type|focus|kind]",
    /// and the language it detected ("-" when the text gives no cue). Each row says why it is here.
    /// </summary>
    public static TheoryData<string, string, string, string> Questions => new()
    {
        // Typed and slash commands
        { "/valuation OpenAI", "valuation openai", "-", "slash command" },
        { "valuation OpenAI", "valuation openai", "-", "typed command without slash" },
        { "/valuation openai", "valuation openai", "-", "case does not matter" },
        { "/valuation open ai", "valuation openai", "-", "spacing inside a name" },
        { "/valuation OpenAl", "valuation openai", "-", "a typo: lower-case L for I" },
        { "/valuation OpenAI's", "valuation openai", "-", "possessive" },
        { "/valuation ChatGPT maker", "valuation openai", "-", "an alias of several words" },
        { "/valuation AWS", "valuation amazon", "-", "an alias that is an abbreviation" },
        { "/valuation Facebook", "valuation meta", "-", "a former name" },
        { "/deals", "deals - -", "-", "deals without anything: recent deals" },
        { "/deals Amazon", "deals amazon -", "-", "deals of one company" },
        { "/deals Amazon 2024", "deals amazon year:2024", "-", "a year as period" },
        { "/deals since October", "deals - since:0-10", "en", "since a month" },
        { "/deals OpenAI cloud", "deals openai - cloud", "-", "a deal type" },
        { "/partners OpenAI", "partners openai all", "-", "partners command" },
        { "/investors Anthropic", "investors anthropic", "-", "investors command" },
        { "/portfolio SoftBank", "portfolio softbank", "-", "portfolio command" },
        { "/financials OpenAI", "financials openai", "-", "financials command" },
        { "/company Mistral", "company mistral-ai", "-", "company by alias" },
        { "/compare OpenAI Anthropic", "compare openai anthropic", "-", "compare two companies" },
        { "/compare OpenAI vs xAI", "compare openai xai", "-", "compare with vs" },
        { "/search Stargate", "search Stargate", "-", "search keeps the text" },
        { "/help", "help", "-", "help" },
        { "/help deals", "help deals", "-", "help on one command" },
        { "/about", "about", "-", "about" },

        // English questions
        { "What is OpenAI worth?", "valuation openai", "en", "the seed question in English" },
        { "what's openai's valuation", "valuation openai", "en", "lower case, contraction, possessive" },
        { "How much is Anthropic valued at?", "valuation anthropic", "en", "valued at" },
        { "What's the valuation of xAI?", "valuation xai", "en", "valuation of" },
        { "How much is Mistral worth", "valuation mistral-ai", "en", "no question mark" },
        { "recent deals", "deals - recent", "-", "recent deals: no language cue" },
        { "What deals did Amazon make this year?", "deals amazon this-year", "en", "deals of a company this year" },
        { "Show me Microsoft's deals in 2025", "deals microsoft year:2025", "en", "deals in a year" },
        { "Which acquisitions happened last year?", "deals - last-year acquisition", "en", "acquisitions last year" },
        { "funding rounds since March 2025", "deals - since:2025-03 funding", "en", "funding rounds since a month and year" },
        { "latest deals of Nvidia", "deals nvidia - latest", "en", "latest: the newest first, over all time" },
        { "What did CoreWeave sign last quarter?", "deals coreweave last-quarter", "en", "a quarter with a company and a verb we know" },
        { "Who are OpenAI's cloud partners?", "partners openai cloud", "en", "cloud partners" },
        { "Who does Anthropic partner with?", "partners anthropic all", "en", "partner as a verb" },
        { "Which chip suppliers does OpenAI use?", "partners openai chips", "en", "chip suppliers" },
        { "Who invested in Anthropic?", "investors anthropic", "en", "who invested in X: investors" },
        { "Who are the investors in xAI?", "investors xai", "en", "investors in" },
        { "Who owns OpenAI?", "investors openai", "en", "owns: investors" },
        { "What has Nvidia invested in?", "portfolio nvidia", "en", "what has X invested in: portfolio" },
        { "Where did SoftBank invest?", "portfolio softbank", "en", "where did X invest: portfolio" },
        { "Nvidia portfolio", "portfolio nvidia", "-", "portfolio word" },
        { "How much did OpenAI lose in 2024?", "financials openai year:2024 loss", "en", "the seed's loss question" },
        { "How much did OpenAI spend in 2024?", "financials openai year:2024 spending", "en", "spending" },
        { "What is Anthropic's revenue?", "financials anthropic revenue", "en", "revenue" },
        { "Tell me about Perplexity", "company perplexity", "en", "tell me about: profile" },
        { "Who is Thinking Machines?", "company thinking-machines", "en", "who is: profile" },
        { "Databricks", "company databricks", "-", "a bare name: profile" },
        { "Compare OpenAI and Anthropic", "compare openai anthropic", "en", "compare and" },
        { "OpenAI vs Anthropic", "compare openai anthropic", "-", "vs between names" },
        { "help", "help", "-", "help as a word" },
        { "When will OpenAI go public?", "deals openai - ipo", "en", "going public means IPO plans" },
        { "OpenAI IPO plans", "deals openai - ipo", "-", "IPO plans" },

        // Dutch questions
        { "Hoeveel is OpenAI waard?", "valuation openai", "nl", "the seed question in Dutch" },
        { "Wat is de waardering van Anthropic?", "valuation anthropic", "nl", "waardering van" },
        { "Welke deals heeft Amazon gesloten?", "deals amazon -", "nl", "deals gesloten" },
        { "Welke deals heeft Amazon dit jaar gesloten?", "deals amazon this-year", "nl", "dit jaar" },
        { "Recente deals van Nvidia", "deals nvidia recent", "nl", "recente deals" },
        { "deals sinds oktober", "deals - since:0-10", "nl", "sinds een maand" },
        { "Wie zijn de cloudpartners van OpenAI?", "partners openai cloud", "nl", "a Dutch compound: cloudpartners" },
        { "Met wie werkt Anthropic samen?", "partners anthropic all", "nl", "werkt samen" },
        { "Wie investeerde in xAI?", "investors xai", "nl", "wie investeerde" },
        { "Wie zijn de investeerders van Mistral?", "investors mistral-ai", "nl", "investeerders" },
        { "Waarin heeft SoftBank geïnvesteerd?", "portfolio softbank", "nl", "waarin geïnvesteerd: portfolio" },
        { "Hoeveel verlies leed OpenAI in 2024?", "financials openai year:2024 loss", "nl", "verlies" },
        { "Hoeveel gaf OpenAI uit in 2024?", "financials openai year:2024 spending", "nl", "gaf uit" },
        { "Wat is de omzet van Anthropic?", "financials anthropic revenue", "nl", "omzet" },
        { "Vergelijk OpenAI en Anthropic", "compare openai anthropic", "nl", "vergelijk" },
        { "Vertel over Cohere", "company cohere", "nl", "vertel over" },
        { "overnames vorig jaar", "deals - last-year acquisition", "nl", "overnames vorig jaar" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void Parse_Question_UnderstandsIntentAndEntities(string text, string expected, string language, string why)
    {
        ParseResult result = CommandParser.Parse(text, Directory);

        Assert.True(result.Succeeded, $"{why}: '{text}' failed with {result.Failure} ({result.UnknownName ?? result.Detail})");
        Assert.Equal(expected, Describe(result.Command!));
        Assert.Equal(language, result.Language switch { Language.English => "en", Language.Dutch => "nl", _ => "-" });
    }

    /// <summary>Texts we must not guess at: each fails with a reason the reply can explain.</summary>
    public static TheoryData<string, ParseFailure, string?, string> Failures => new()
    {
        { "", ParseFailure.Empty, null, "nothing said" },
        { "   ", ParseFailure.Empty, null, "only spaces" },
        { "What is Foobar worth?", ParseFailure.UnknownCompany, "Foobar", "an unknown company is named, not guessed" },
        { "Hoeveel is Blorptech waard?", ParseFailure.UnknownCompany, "Blorptech", "unknown company in Dutch" },
        { "/valuation Zyxwvu Corp", ParseFailure.UnknownCompany, "Zyxwvu Corp", "a typed command keeps the whole unknown name" },
        { "/valuation", ParseFailure.MissingCompany, null, "valuation needs a company" },
        { "/investors", ParseFailure.MissingCompany, null, "investors needs a company" },
        { "/frobnicate OpenAI", ParseFailure.BadCommand, null, "an unknown slash command" },
        { "/search", ParseFailure.BadCommand, null, "search needs text" },
        { "compare OpenAI", ParseFailure.MissingCompany, null, "compare needs two companies" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Parse_Unanswerable_FailsWithReason(string text, ParseFailure failure, string? unknownName, string why)
    {
        ParseResult result = CommandParser.Parse(text, Directory);

        Assert.False(result.Succeeded, why);
        Assert.Equal(failure, result.Failure);
        Assert.Equal(unknownName, result.UnknownName);
    }

    [Fact]
    public void Parse_NoFrameFits_IsARankedSearchOfTheWholeQuestion()
    {
        // "what's the weather like": no company, no relation, no period; the ranked search decides (and finds nothing).
        ParseResult result = CommandParser.Parse("what's the weather like", Directory);

        Assert.Equal(new SearchCommand("what's the weather like", Fallback: true), result.Command);
    }

    [Theory]
    [InlineData("company", "OpenAl", "valuation openai", "structured option with a typo")]
    [InlineData("company", "aws", "valuation amazon", "structured option by alias")]
    public void Parse_StructuredCommand_ResolvesOptions(string option, string value, string expected, string why)
    {
        ParseResult result = CommandParser.Parse(Utterance.FromCommand("valuation", new Dictionary<string, string> { [option] = value }), Directory);

        Assert.True(result.Succeeded, why);
        Assert.Equal(expected, Describe(result.Command!));
    }

    [Fact]
    public void Parse_StructuredDeals_ReadsPeriodAndType()
    {
        ParseResult result = CommandParser.Parse(
            Utterance.FromCommand("deals", new Dictionary<string, string> { ["company"] = "Amazon", ["period"] = "last year", ["type"] = "cloud" }),
            Directory);

        Assert.Equal("deals amazon last-year cloud", Describe(result.Command!));
    }

    [Fact]
    public void Parse_StructuredBadPeriod_FailsWithDetail()
    {
        ParseResult result = CommandParser.Parse(Utterance.FromCommand("deals", new Dictionary<string, string> { ["period"] = "whenever" }), Directory);

        Assert.Equal(ParseFailure.BadCommand, result.Failure);
        Assert.Equal("period", result.Detail);
    }

    [Fact]
    public void Parse_AskCommand_ParsesTheQuestion()
    {
        ParseResult result = CommandParser.Parse(Utterance.FromCommand("ask", new Dictionary<string, string> { ["question"] = "Hoeveel is OpenAI waard?" }), Directory);

        Assert.Equal("valuation openai", Describe(result.Command!));
        Assert.Equal(Language.Dutch, result.Language);
    }

    internal static string Describe(Command command) => command switch
    {
        ValuationCommand c => $"valuation {c.Company.Id}",
        DealsCommand c => Join("deals", c.Company?.Id ?? "-", Period(c.Period) ?? "-", c.Type?.ToString().ToLowerInvariant(), c.Order == Ordering.None ? null : c.Order.ToString().ToLowerInvariant()),
        PartnersCommand c => $"partners {c.Company.Id} {c.Kind.ToString().ToLowerInvariant()}",
        InvestorsCommand c => $"investors {c.Company.Id}",
        PortfolioCommand c => $"portfolio {c.Investor.Id}",
        FinancialsCommand c => Join("financials", c.Company.Id!, Period(c.Period), c.Focus?.ToString().ToLowerInvariant()),
        CompanyCommand c => $"company {c.Company.Id}",
        CompareCommand c => $"compare {c.First.Id} {c.Second.Id}",
        RelationCommand c => Join("relation", c.Actor.Id, c.Relation.ToString().ToLowerInvariant(), c.Counterpart?.Id ?? "-", c.Facet == Facet.None ? null : c.Facet.ToString().ToLowerInvariant(), Period(c.Period), c.YesNo ? "yes/no" : null, c.Still ? "still" : null, c.Takeover ? "takeover" : null, c.Topic.IsEmpty ? null : "topic:" + string.Join('+', c.Topic)),
        EventCommand c => $"event {c.EventId} {c.Facet.ToString().ToLowerInvariant()}",
        SearchCommand c => $"search {c.Text}",
        HelpCommand c => Join("help", c.Topic),
        AboutCommand => "about",
        _ => command.ToString()!,
    };

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => p is not null));

    private static string? Period(TimeFrame? frame) => frame?.Kind switch
    {
        null => null,
        TimeFrameKind.Recent => "recent",
        TimeFrameKind.ThisYear => "this-year",
        TimeFrameKind.LastYear => "last-year",
        TimeFrameKind.Year => $"year:{frame.Year}",
        TimeFrameKind.Since => frame.Month == 0 ? $"since:{frame.Year}" : $"since:{frame.Year}-{frame.Month:D2}",
        TimeFrameKind.ThisQuarter => "this-quarter",
        TimeFrameKind.LastQuarter => "last-quarter",
        TimeFrameKind.ThisMonth => "this-month",
        TimeFrameKind.LastMonth => "last-month",
        TimeFrameKind.Quarter => $"q{frame.Part}-{frame.Year}",
        TimeFrameKind.Half => $"h{frame.Part}-{frame.Year}",
        TimeFrameKind.Month => $"month:{frame.Year}-{frame.Month:D2}",
        _ => $"last-{frame.Count}-months",
    };
}
