using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Replies;

/// <summary>
/// Golden files of rendered replies on a frozen sample of the knowledge (the seed article's facts). Review a
/// change in <c>Approved/*.received.txt</c>, then approve it.
/// </summary>
public class TextReplyRendererTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, string, string?> Questions => new()
    {
        { "valuation-en", "What is OpenAI worth?", null },
        { "valuation-nl", "Hoeveel is OpenAI waard?", null },
        { "deals-recent-en", "recent deals", null },
        { "deals-recent-nl-locale", "/deals", "nl-NL" },
        { "deals-amazon-nl", "Welke deals heeft Amazon gesloten?", null },
        { "deals-empty-period-en", "What deals did Amazon make this year?", null },
        { "partners-cloud-en", "Who are OpenAI's cloud partners?", null },
        { "investors-en", "Who invested in OpenAI?", null },
        { "portfolio-en", "What has Microsoft invested in?", null },
        { "financials-loss-en", "How much did OpenAI lose in 2024?", null },
        { "financials-nl", "Hoeveel gaf OpenAI uit in 2024?", null },
        { "company-en", "Tell me about OpenAI", null },
        { "compare-en", "compare OpenAI and Amazon", null },
        { "search-en", "/search Trainium", null },
        { "unknown-company-en", "What is Zorblax worth?", null },
        { "unknown-company-closest-en", "/valuation OpenAI Labs Inc", null },
        { "typo-resolves-en", "/valuation OpenAl", null },
        { "unknown-company-nl", "Hoeveel is Anthropix waard?", null },
        { "not-understood-en", "what's the weather like", null },
        { "help-en", "help", null },
        { "help-nl-locale", "/help", "nl" },
        { "about-en", "/about", null },
    };

    public static TheoryData<string, string, string?> Shapes => [.. GoldenQuestions.Shapes.Select(s => new TheoryDataRow<string, string, string?>(s.Name, s.Question, s.Locale))];

    /// <summary>The reply shapes of question understanding: relation, yes/no, no record, fallback, follow-up, other readings.</summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Render_NewShapes_MatchApproved(string name, string question, string? locale) =>
        Approvals.Verify($"> {question}\n\n{TextReplyRenderer.Render(GoldenQuestions.Ask(question, locale))}", name);

    [Theory]
    [MemberData(nameof(Questions))]
    public void Render_MatchesApproved(string name, string question, string? locale)
    {
        ChatBotEngine engine = new(new FixedKnowledge(Repository.SeedSnapshot), Clock, new EngineSettings(0));

        Reply reply = engine.Handle(Utterance.FromText(question), new Conversation("test", "user", Locale: locale));

        Approvals.Verify($"> {question}\n\n{TextReplyRenderer.Render(reply)}", name);
    }
}
