using ChatBot.Core.Knowledge;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Knowledge;

public class CompanyDirectoryTests
{
    private static CompanyDirectory CreateSut() => new(
    [
        Some.Company("openai", "OpenAI", "ChatGPT maker"),
        Some.Company("amazon", "Amazon", "AWS", "Amazon Web Services"),
        Some.Company("anthropic", "Anthropic"),
        Some.Company("x-corp", "X", "Twitter"),
        Some.Company("xai", "xAI", "X.AI"),
        Some.Company("alpha", "Alphabeta"),
        Some.Company("alphb", "Alphabetb"),
    ]);

    [Theory]
    [InlineData("OpenAI", "openai", "exact name")]
    [InlineData("openai", "openai", "case")]
    [InlineData("Open AI", "openai", "spacing")]
    [InlineData("OpenAI's", "openai", "possessive")]
    [InlineData("OpenAI’s", "openai", "typographic apostrophe")]
    [InlineData("OpenAl", "openai", "one typo")]
    [InlineData("Antrhopic", "anthropic", "a transposition")]
    [InlineData("chatgpt maker", "openai", "alias")]
    [InlineData("aws", "amazon", "short alias, exact only")]
    [InlineData("Amazon Web Services", "amazon", "long alias")]
    [InlineData("X.AI", "xai", "punctuation in an alias")]
    [InlineData("X", "x-corp", "a one-letter name matches exactly")]
    public void Find_KnownNames(string text, string id, string why) => Assert.True(CreateSut().Find(text)?.Id == id, why);

    [Theory]
    [InlineData("AWZ", "short names allow no typo")]
    [InlineData("Alphabetc", "two companies equally close: no guess")]
    [InlineData("Microsoft", "unknown")]
    [InlineData("", "empty")]
    public void Find_NoMatch(string text, string why) => Assert.Null(CreateSut().Find(text) is { } c ? c.Id + " (" + why + ")" : null);

    [Fact]
    public void Closest_SuggestsNearNames() => Assert.Contains("Anthropic", CreateSut().Closest("Anthrop"));
}
