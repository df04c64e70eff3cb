using System.Collections.Immutable;
using System.Text.Json;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Discord.Api.Models;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Discord.Tests;

public class EmbedRendererTests
{
    private static readonly JsonSerializerOptions Indented = new(DiscordJson.Options) { WriteIndented = true };

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    private static Reply Ask(string text, string? locale = null) =>
        new ChatBotEngine(new FixedKnowledge(Repository.SeedSnapshot), Clock, new EngineSettings(0)).Handle(Utterance.FromText(text), new Conversation("discord", "u", Locale: locale));

    [Theory]
    [InlineData("valuation-en", "/valuation OpenAI", null)]
    [InlineData("valuation-nl", "/valuation OpenAI", "nl")]
    [InlineData("deals-amazon-en", "/deals Amazon", null)]
    [InlineData("unknown-company-en", "/valuation Zorblax", null)]
    public void Render_MatchesApprovedJson(string name, string question, string? locale)
    {
        IReadOnlyList<Embed> embeds = EmbedRenderer.Render(Ask(question, locale));

        Approvals.Verify(JsonSerializer.Serialize(embeds, Indented), name);
    }

    public static TheoryData<string, string, string?> Shapes => [.. GoldenQuestions.Shapes.Select(s => new TheoryDataRow<string, string, string?>(s.Name, s.Question, s.Locale))];

    /// <summary>The new reply shapes as embeds, with the buttons under them (other readings, "Wrong answer?").</summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Render_NewShapes_MatchApprovedJson(string name, string question, string? locale)
    {
        Reply reply = GoldenQuestions.Ask(question, locale, "discord");
        var message = new { embeds = EmbedRenderer.Render(reply), components = ReplyComponents.For(reply) };

        Approvals.Verify(JsonSerializer.Serialize(message, Indented), name);
    }

    [Theory]
    [InlineData(Stage.Completed, Certainty.Confirmed, EmbedRenderer.Settled, "done and confirmed: green")]
    [InlineData(Stage.Talks, Certainty.Reported, EmbedRenderer.Unsettled, "talks: amber, never green")]
    [InlineData(Stage.Completed, Certainty.Reported, EmbedRenderer.Unsettled, "reported: amber")]
    [InlineData(Stage.Cancelled, Certainty.Confirmed, EmbedRenderer.Negative, "cancelled: red")]
    [InlineData(Stage.Completed, Certainty.Denied, EmbedRenderer.Negative, "denied: red")]
    public void Render_ColourFollowsTheStatus(Stage stage, Certainty certainty, int colour, string why)
    {
        Reply reply = new(ReplyKind.Answer, Language.English, "t", "a") { Badge = new Badge(stage, certainty, "s", "c") };

        Assert.True(EmbedRenderer.Render(reply)[0].Color == colour, why);
    }

    [Fact]
    public void Render_HugeReply_StaysWithinEveryLimit_AndNeverCutsMidWord()
    {
        string word = "valuation ";
        ImmutableArray<ReplyItem> items = [.. Enumerable.Range(0, 400).Select(i => new ReplyItem(string.Concat(Enumerable.Repeat(word, 30 + (i % 90))) + $"end{i}", "1 Jan 2025"))];
        Reply reply = new(ReplyKind.Answer, Language.English, new string('T', 400), string.Concat(Enumerable.Repeat(word, 600)))
        {
            Sections = [new ReplySection("Everything", items), new ReplySection("Again", items)],
            Fields = [.. Enumerable.Range(0, 40).Select(i => new ReplyField($"Field {i}", string.Concat(Enumerable.Repeat(word, 200))))],
            AsOf = "Knowledge as of 17 Dec 2025",
        };

        IReadOnlyList<Embed> embeds = EmbedRenderer.Render(reply);

        Assert.InRange(embeds.Count, 1, EmbedLimits.EmbedsPerMessage);
        int total = 0;
        foreach (Embed embed in embeds)
        {
            Assert.True((embed.Title?.Length ?? 0) <= EmbedLimits.Title);
            Assert.True((embed.Description?.Length ?? 0) <= EmbedLimits.Description);
            Assert.True((embed.Fields?.Count ?? 0) <= EmbedLimits.Fields);
            foreach (EmbedField field in embed.Fields ?? [])
            {
                Assert.True(field.Name.Length <= EmbedLimits.FieldName);
                Assert.True(field.Value.Length <= EmbedLimits.FieldValue);
                Assert.All(field.Value.Split('\n'), line => Assert.True(line.EndsWith('…') || line.EndsWith("valuation", StringComparison.Ordinal) || line.Contains("end", StringComparison.Ordinal) || line.StartsWith("Field", StringComparison.Ordinal) || line.Length < 200, line));
            }

            total += (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0)
                + (embed.Fields ?? []).Sum(f => f.Name.Length + f.Value.Length);
        }

        Assert.True(total <= EmbedLimits.TotalCharacters, $"{total} characters");
        Assert.Equal("Knowledge as of 17 Dec 2025", embeds[^1].Footer?.Text);
        Assert.EndsWith("…", embeds[0].Description!, StringComparison.Ordinal);
        Assert.DoesNotContain("valuatio…", embeds[0].Description!, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarkdownInKnowledgeText_IsShownAsWritten()
    {
        Reply reply = new(ReplyKind.Answer, Language.English, "t", "a") { Sections = [new ReplySection("s", [new ReplyItem("a_b *c*")])] };

        Assert.Equal("• a\\_b \\*c\\*", EmbedRenderer.Render(reply)[0].Fields![0].Value);
    }
}
