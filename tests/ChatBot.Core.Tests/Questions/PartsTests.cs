using System.Collections.Immutable;
using ChatBot.Core.Commands;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Questions;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Questions;

/// <summary>Each part of question understanding on its own: tokens, language, mentions, periods, relations, attributes.</summary>
public class PartsTests
{
    private static KnowledgeSnapshot Snapshot => Repository.ShippedSnapshot;

    private static ImmutableArray<Token> Words(string text) => Tokenizer.Tokenize(Tokenizer.Clean(text));

    [Theory]
    [InlineData("OpenAI's valuation?", "OpenAI's|valuation", "possessive kept, question mark dropped")]
    [InlineData("Hoe lang loopt de AWS-deal?", "Hoe|lang|loopt|de|AWS|deal", "a name hyphenated to a word is split")]
    [InlineData("run-rate and data-centre", "run-rate|and|data-centre", "lower-case hyphenated words stay whole")]
    [InlineData("Wie zijn de cloudpartners?", "Wie|zijn|de|cloud|partners", "a Dutch compound is split")]
    [InlineData("“Stargate” deals", "Stargate|deals", "typographic quotes")]
    public void Tokenizer_SplitsWords(string text, string expected, string why) =>
        Assert.True(expected == string.Join('|', Words(text).Select(t => t.Text)), why + ": " + string.Join('|', Words(text).Select(t => t.Text)));

    [Fact]
    public void Tokenizer_KeepsWhereEachWordStarts()
    {
        ImmutableArray<Token> words = Words("What did Nvidia pay?");

        Assert.Equal([0, 5, 9, 16], words.Select(w => w.Start));
    }

    [Theory]
    [InlineData("Wat is Project Rainier?", "nl", "the first word weighs double: a Dutch question word")]
    [InlineData("What is OpenAI worth?", "en", "English markers")]
    [InlineData("Deals in maart 2026", "nl", "a Dutch month name")]
    [InlineData("/valuation OpenAI", "-", "no cue")]
    public void LanguageDetector_ReadsTheCues(string text, string expected, string why)
    {
        Language? language = LanguageDetector.Detect(Words(text));

        Assert.True(expected == (language switch { Language.English => "en", Language.Dutch => "nl", _ => "-" }), why);
    }

    [Theory]
    [InlineData("How much did Microsoft invest in Anthropic?", "microsoft@3+1 anthropic@6+1", "every company with its span, in order")]
    [InlineData("What did Thinking Machine Lab raise?", "thinking-machines@2+3", "a typo in a three-word name")]
    [InlineData("Is Blue Owl funding it?", "blue-owl@1+2", "a two-word name")]
    [InlineData("portfolo SoftBank", "softbank@1+1", "a typo of a question word is corrected, not taken for a company")]
    public void EntityLinker_FindsMentionsWithSpans(string text, string expected, string why)
    {
        Linked linked = EntityLinker.Link(Words(text), Snapshot.Directory, Snapshot.UsesWord);

        Assert.True(expected == string.Join(' ', linked.Mentions.Select(m => $"{m.Company.Id}@{m.First}+{m.Count}")), why);
    }

    [Theory]
    [InlineData("What is Foobar worth?", "Foobar", "a capitalized name we do not know")]
    [InlineData("Is Blue Owl still funding the Michigan data centre?", "", "a place after an article is a topic")]
    [InlineData("Financiert Blue Owl het datacenter in Michigan?", "", "a place the events name is a topic")]
    [InlineData("What did Cohere raise in its Series D?", "", "a round's letter is no name")]
    public void EntityLinker_UnknownNames(string text, string expected, string why) =>
        Assert.True(expected == string.Join('|', EntityLinker.Link(Words(text), Snapshot.Directory, Snapshot.UsesWord).Unknown.Select(u => u.Text)), why);

    [Theory]
    [InlineData("deals in Q1 2026", "2026-01-01", "2026-03-31", "a quarter with its year")]
    [InlineData("deals in 2026-Q3", "2026-07-01", "2026-09-30", "the file form of a quarter")]
    [InlineData("eerste kwartaal van 2026", "2026-01-01", "2026-03-31", "a Dutch quarter")]
    [InlineData("first half of 2025", "2025-01-01", "2025-06-30", "a half")]
    [InlineData("H2 2025", "2025-07-01", "2025-12-31", "a half by its tag")]
    [InlineData("tweede helft 2025", "2025-07-01", "2025-12-31", "a Dutch half without 'van'")]
    [InlineData("in maart 2026", "2026-03-01", "2026-03-31", "a Dutch month")]
    [InlineData("in March", "2026-03-01", "2026-03-31", "a month without a year: the latest that is not in the future")]
    [InlineData("in December", "2025-12-01", "2025-12-31", "December has not come yet this year")]
    [InlineData("in 2024", "2024-01-01", "2024-12-31", "a year")]
    [InlineData("the last 6 months", "2026-05-27", "2026-11-26", "a count of months")]
    public void PeriodReader_ReadsPeriods(string text, string from, string to, string why)
    {
        TimeFrame frame = PeriodReader.Read(Words(text))?.Frame ?? throw new Xunit.Sdk.XunitException($"{why}: no period in '{text}'");
        DateRange range = frame.Resolve(new DateOnly(2026, 11, 26), null);

        Assert.True(range == new DateRange(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), $"{why}: {range}");
    }

    [Theory]
    [InlineData("Who may invest in OpenAI?", "the modal 'may' is no month")]
    [InlineData("Does the deal run until 2032?", "a year after 'until' is an end date, not the period")]
    public void PeriodReader_LeavesOrdinaryWords(string text, string why) =>
        Assert.True(PeriodReader.Read(Words(text)) is null, why);

    [Theory]
    [InlineData("How long does the deal run?", Facet.Term, "how long")]
    [InlineData("Tot wanneer loopt het contract?", Facet.Term, "tot wanneer")]
    [InlineData("When did they agree?", Facet.Date, "when")]
    [InlineData("Who led the round?", Facet.Lead, "who led")]
    [InlineData("How many deals did they sign?", Facet.Count, "how many")]
    [InlineData("Hoeveel contracten hebben ze?", Facet.Count, "Dutch count with a plural in -en")]
    [InlineData("What stake does it hold?", Facet.Stake, "stake")]
    [InlineData("What did it pay?", Facet.Price, "pay")]
    [InlineData("What did Amazon pay for its stake?", Facet.Price, "the price of a stake, not its size")]
    [InlineData("What stake did it get for what it paid?", Facet.Stake, "the stake word comes first")]
    [InlineData("How much did it invest?", Facet.Amount, "how much")]
    [InlineData("Is it done?", Facet.Stage, "is it done")]
    public void FacetReader_ReadsTheAttribute(string text, Facet expected, string why) =>
        Assert.True(FacetReader.Read(Words(text), Language.English, _ => false).Facet == expected, why);

    [Theory]
    [InlineData("Did Microsoft invest in OpenAI?", true, "English auxiliary first")]
    [InlineData("Heeft Microsoft in OpenAI geïnvesteerd?", true, "Dutch finite verb first")]
    [InlineData("Investeert Amazon in OpenAI?", true, "a Dutch relation verb first")]
    [InlineData("How much did Microsoft invest?", false, "a wh-question")]
    public void FacetReader_TellsYesNoQuestions(string text, bool expected, string why)
    {
        ImmutableArray<Token> words = Words(text);
        Assert.True(FacetReader.IsYesNo(words, LanguageDetector.Detect(words)) == expected, why);
    }

    [Theory]
    [InlineData("Is Nvidia investing $100 billion?", 100_000_000_000, "USD", "dollar sign and scale word")]
    [InlineData("Heeft xAI 15 miljard dollar opgehaald?", 15_000_000_000, "USD", "Dutch scale word")]
    [InlineData("a €5bn round", 5_000_000_000, "EUR", "euro sign and a suffix")]
    public void FacetReader_ReadsTheAskedFigure(string text, long amount, string currency, string why)
    {
        Money? money = FacetReader.AskedMoney(Words(text));

        Assert.True(money is { } m && m.Amount == amount && m.Currency == currency, why);
    }

    [Theory]
    [InlineData("How much did Microsoft invest in Anthropic?", Relation.Invests, "invest")]
    [InlineData("Did Nvidia buy Groq?", Relation.Buys, "buy")]
    [InlineData("Neemt SpaceX Anysphere over?", Relation.Buys, "Dutch separable 'neemt … over'")]
    [InlineData("Did Nvidia buy a stake in xAI?", Relation.Invests, "buying a stake is investing, not a takeover")]
    [InlineData("Heeft Nvidia een belang gekocht in xAI?", Relation.Invests, "Dutch: een belang kopen")]
    [InlineData("Did Nvidia buy Intel shares?", Relation.Invests, "buying shares")]
    [InlineData("What is Anthropic's Google Cloud commitment?", Relation.Pays, "money committed to a cloud is spending")]
    [InlineData("Did Amazon commit more money to Anthropic?", Relation.Invests, "a commitment without capacity is an investment")]
    [InlineData("Does OpenAI buy compute from Oracle?", Relation.Supplies, "goods bought are supplied")]
    [InlineData("What did Nvidia pay for its Intel shares?", Relation.Pays, "pay outranks shares")]
    [InlineData("Did SoftBank sell its stake?", Relation.Sells, "sell")]
    [InlineData("Who does Anthropic partner with?", Relation.Partners, "partner")]
    [InlineData("What has OpenAI agreed with Broadcom?", Relation.Any, "an agreement, no direction")]
    public void RelationReader_NamesTheRelation(string text, Relation expected, string why)
    {
        Linked linked = EntityLinker.Link(Words(text), Snapshot.Directory);
        Assert.True(RelationReader.RelationOf(linked.Words, linked.InMention) == expected, why);
    }
}
