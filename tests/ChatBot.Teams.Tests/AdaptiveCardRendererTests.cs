using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Teams.Api.Activities;
using ChatBot.Teams.Api.Connector;
using ChatBot.Teams.Cards;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Teams.Tests;

public class AdaptiveCardRendererTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    private static Reply Ask(string text, string? locale = null) =>
        new ChatBotEngine(new FixedKnowledge(Repository.SeedSnapshot), Clock, new EngineSettings(0)).Handle(Utterance.FromText(text), new Conversation("teams", "u", Locale: locale));

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Indented(JsonElement element) => JsonSerializer.Serialize(element, IndentedJson);

    [Theory]
    [InlineData("valuation-en", "valuation OpenAI", null)]
    [InlineData("valuation-nl", "valuation OpenAI", "nl-NL")]
    [InlineData("deals-amazon-en", "deals Amazon", null)]
    [InlineData("unknown-company-en", "valuation Zorblax", null)]
    public void Render_MatchesApprovedCard(string name, string question, string? locale)
    {
        IReadOnlyList<AdaptiveCard> cards = AdaptiveCardRenderer.Render(Ask(question, locale));

        Assert.Single(cards);
        Approvals.Verify(Indented(cards[0].Content), name);
    }

    public static TheoryData<string, string, string?> Shapes => [.. GoldenQuestions.Shapes.Select(s => new TheoryDataRow<string, string, string?>(s.Name, s.Question, s.Locale))];

    /// <summary>The new reply shapes as cards; other readings are Action.Submit buttons that ask their question.</summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Render_NewShapes_MatchApprovedCard(string name, string question, string? locale)
    {
        IReadOnlyList<AdaptiveCard> cards = AdaptiveCardRenderer.Render(GoldenQuestions.Ask(question, locale, "teams"));

        Approvals.Verify(string.Join("\n", cards.Select(c => Indented(c.Content))), name);
    }

    [Fact]
    public void Render_IsAnAdaptiveCardTeamsRenders_WithThePlainTextAsFallback()
    {
        Reply reply = Ask("valuation OpenAI");

        JsonElement card = AdaptiveCardRenderer.Render(reply)[0].Content;

        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        string fallback = card.GetProperty("fallbackText").GetString()!;
        Assert.Contains(reply.Title, fallback, StringComparison.Ordinal);
        Assert.Contains(reply.Answer, fallback, StringComparison.Ordinal);
        Assert.All(reply.Sources.Where(s => s.Url is not null), s => Assert.Contains(s.Url!, card.GetRawText(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Stage.Completed, Certainty.Confirmed, "Good", "done and confirmed: green")]
    [InlineData(Stage.Talks, Certainty.Reported, "Warning", "talks: amber, never green")]
    [InlineData(Stage.Completed, Certainty.Reported, "Warning", "reported: amber")]
    [InlineData(Stage.Cancelled, Certainty.Confirmed, "Attention", "cancelled: red")]
    [InlineData(Stage.Completed, Certainty.Denied, "Attention", "denied: red")]
    public void Render_BadgeColourFollowsTheStatus(Stage stage, Certainty certainty, string colour, string why)
    {
        Reply reply = new(ReplyKind.Answer, Language.English, "t", "a") { Badge = new Badge(stage, certainty, "stage", "certainty") };

        JsonElement badge = AdaptiveCardRenderer.Render(reply)[0].Content.GetProperty("body")[1];

        Assert.True(badge.GetProperty("color").GetString() == colour, why);
        Assert.Equal("stage · certainty", badge.GetProperty("text").GetString());
    }

    [Fact]
    public void Render_NotUnderstood_OffersTheSuggestionsAsSubmitButtons()
    {
        Reply reply = Ask("what is the weather");
        Assert.Equal(ReplyKind.NotUnderstood, reply.Kind);
        Assert.NotEmpty(reply.Suggestions);

        JsonElement actions = AdaptiveCardRenderer.Render(reply)[0].Content.GetProperty("actions");

        Assert.Equal(Math.Min(reply.Suggestions.Length, AdaptiveCardRenderer.MaxActions), actions.GetArrayLength());
        Assert.DoesNotContain(actions.EnumerateArray(), a => a.GetProperty("data").GetProperty("question").GetString()!.StartsWith("feedback", StringComparison.Ordinal));
        foreach ((JsonElement action, string suggestion) in actions.EnumerateArray().Zip(reply.Suggestions))
        {
            Assert.Equal("Action.Submit", action.GetProperty("type").GetString());
            Assert.Equal(suggestion, action.GetProperty("data").GetProperty("question").GetString());
        }
    }

    [Theory]
    [InlineData(null, "feedback wrong answer (button)", "English")]
    [InlineData("nl-NL", "feedback fout antwoord (knop)", "Dutch")]
    public void Render_Answer_EndsWithAWrongAnswerButton_ThatFilesFeedback(string? locale, string question, string why)
    {
        Reply reply = Ask("valuation OpenAI", locale);

        JsonElement last = AdaptiveCardRenderer.Render(reply)[^1].Content.GetProperty("actions").EnumerateArray().Last();

        Assert.True(last.GetProperty("data").GetProperty("question").GetString() == question, why);
        Assert.IsType<ChatBot.Core.Commands.FeedbackCommand>(ChatBot.Core.Commands.CommandParser.Parse(question, Repository.SeedSnapshot.Directory).Command);
    }

    [Fact]
    public void Render_HugeReply_IsSplitBetweenItems_EachPostUnderTeamsLimit()
    {
        ImmutableArray<ReplyItem> items = [.. Enumerable.Range(0, 600).Select(i => new ReplyItem($"Deal number {i} with a fairly long description of who paid whom and why, item-{i}-end", "1 Jan 2025", new Badge(Stage.Completed, Certainty.Reported, "completed", "reported")))];
        Reply reply = new(ReplyKind.Answer, Language.English, "All deals", "Six hundred deals.")
        {
            Sections = [new ReplySection("Deals", items)],
            AsOf = "Knowledge as of 17 Dec 2025",
            Suggestions = ["deals Amazon"],
        };

        IReadOnlyList<AdaptiveCard> cards = AdaptiveCardRenderer.Render(reply);

        Assert.True(cards.Count > 1, "600 items cannot fit one post");
        Activity incoming = new() { Id = "1", Conversation = new ConversationAccount { Id = "19:abc@thread.skype" }, From = new ChannelAccount { Id = "29:user", Name = "A User" }, Recipient = new ChannelAccount { Id = "28:bot", Name = "ChatBot" } };
        foreach (AdaptiveCard card in cards)
        {
            Assert.InRange(ConnectorClient.SizeOf(TeamsReplySender.Message(incoming, card, Language.English)), 1, ConnectorOptions.TeamsPostBytes);
        }

        // Every item appears exactly once, whole, in order.
        string all = string.Join("\n", cards.Select(c => c.Content.GetProperty("body").GetRawText()));
        int last = -1;
        for (int i = 0; i < items.Length; i++)
        {
            int at = all.IndexOf($"item-{i}-end", StringComparison.Ordinal);
            Assert.True(at > last, $"item {i} is present and after item {i - 1}");
            Assert.Equal(at, all.LastIndexOf($"item-{i}-end", StringComparison.Ordinal));
            last = at;
        }

        Assert.True(cards[^1].Content.TryGetProperty("actions", out _), "the buttons go on the last card");
        Assert.Contains("(continued)", cards[1].FallbackText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("valuation OpenAI", "en", "English welcome example")]
    [InlineData("deals Amazon", "en", "English welcome example")]
    [InlineData("investors Anthropic", "en", "English welcome example")]
    [InlineData("waardering OpenAI", "nl", "Dutch welcome example")]
    [InlineData("investeerders Anthropic", "nl", "Dutch welcome example")]
    public void Welcome_ExamplesAreAnsweredQuestions(string example, string locale, string why)
    {
        Reply welcome = TeamsReplySender.Welcome(Languages.FromLocale(locale), "ChatBot");
        Assert.Contains(example, welcome.Suggestions);

        Reply answer = new ChatBotEngine(new FixedKnowledge(Repository.ShippedSnapshot), Clock, new EngineSettings(0)).Handle(Utterance.FromText(example), new Conversation("teams", "u", Locale: locale));

        Assert.True(answer.Kind == ReplyKind.Answer, why + ": " + answer.Title);
    }

    [Theory]
    [InlineData("valuation OpenAI", null, "an English answer")]
    [InlineData("valuation OpenAI", "nl-NL", "a Dutch answer with non-ASCII text")]
    public void MessageBody_IsTheReplyActivity_AsTheSerializerWritesIt(string question, string? locale, string why)
    {
        AdaptiveCard card = AdaptiveCardRenderer.Render(Ask(question, locale))[0];
        Activity incoming = new() { Id = "1481567603816", Conversation = new ConversationAccount { Id = "19:abc@thread.skype;messageid=1" }, From = new ChannelAccount { Id = "29:user", Name = "Zoë \"Q\"" }, Recipient = new ChannelAccount { Id = "28:bot", Name = "ChatBot" } };
        Language language = Languages.FromLocale(locale);

        using PooledBuffer body = TeamsReplySender.MessageBody(incoming, card, language);
        System.Text.Json.Nodes.JsonNode? fast = System.Text.Json.Nodes.JsonNode.Parse(body.WrittenMemory.Span);
        System.Text.Json.Nodes.JsonNode? slow = System.Text.Json.Nodes.JsonNode.Parse(BotFrameworkJson.Write(TeamsReplySender.Message(incoming, card, language)));

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(fast, slow), why);
    }

    [Fact]
    public void MessageBody_Summary_DoesNotCutAnEmojiInHalf()
    {
        string fallback = new string('a', AdaptiveCard.SummaryLength - 1) + "📈 up";
        AdaptiveCard card = new(System.Text.Json.JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5"}""").RootElement, fallback);
        Activity incoming = new() { Id = "1", Conversation = new ConversationAccount { Id = "a:1" }, Recipient = new ChannelAccount { Id = "28:bot" } };

        using PooledBuffer body = TeamsReplySender.MessageBody(incoming, card, Language.English);
        string? summary = (string?)System.Text.Json.Nodes.JsonNode.Parse(body.WrittenMemory.Span)!["summary"];

        Assert.Equal(new string('a', AdaptiveCard.SummaryLength - 1), summary);
        Assert.Equal(summary, (string?)System.Text.Json.Nodes.JsonNode.Parse(BotFrameworkJson.Write(TeamsReplySender.Message(incoming, card, Language.English)))!["summary"]);
    }

    [Fact]
    public void Render_FallbackText_IsUtf8Safe()
    {
        Reply reply = Ask("valuation OpenAI", "nl-NL");

        string fallback = AdaptiveCardRenderer.Render(reply)[0].FallbackText;

        Assert.Equal(fallback, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(fallback)));
    }
}
