using ChatBot.Terminal;

namespace ChatBot.Tests.Terminal;

public class TerminalStyleTests
{
    [Theory]
    [InlineData("**OpenAI · valuation**  [completed · confirmed]\n", "\u001b[1mOpenAI · valuation\u001b[0m  [completed · confirmed]\n", "bold title")]
    [InlineData("_Knowledge as of 17 Dec 2025_\n", "\u001b[2mKnowledge as of 17 Dec 2025\u001b[0m\n", "dim as-of line")]
    [InlineData("a_b_c and 2*3*4\n", "a_b_c and 2*3*4\n", "underscores and stars inside text are left alone")]
    public void Apply_StylesTheRenderersMarkdown(string text, string expected, string why) =>
        Assert.True(expected == TerminalStyle.Apply(text), why);
}
