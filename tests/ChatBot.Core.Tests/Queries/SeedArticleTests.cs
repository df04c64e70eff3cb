using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Queries;

/// <summary>Every fact of the seed article (Techzine, 17 Dec 2025) is answerable from the shipped knowledge, with its status.</summary>
public class SeedArticleTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private static Reply Ask(string text, string? locale = null)
    {
        ChatBotEngine engine = new(new FixedKnowledge(Repository.ShippedSnapshot), Clock, new EngineSettings(0));
        return engine.Handle(Utterance.FromText(text), new Conversation("test", "user", Locale: locale));
    }

    private static string All(Reply reply) => TextReplyRenderer.Render(reply);

    /// <summary>The event as the reply shows it: a list line, or the answer itself when the event is its headline.</summary>
    private static ReplyItem Item(Reply reply, string eventId) =>
        reply.Sections.SelectMany(s => s.Items).SingleOrDefault(i => i.EventId == eventId)
        ?? (reply.EventId == eventId ? new ReplyItem(reply.Answer, null, Badge(eventId, reply.Language), eventId) : null)
        ?? throw new Xunit.Sdk.XunitException($"'{eventId}' is not in the reply:\n{All(reply)}");

    private static Badge Badge(string eventId, Language language) =>
        new ChatBot.Core.Queries.QueryContext(Repository.ShippedSnapshot, DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), language).Badge(Repository.ShippedSnapshot.FindEvent(eventId)!);

    [Fact]
    public void Valuation_500BillionAfterThe6Point6BillionShareSale()
    {
        Reply reply = Ask("Hoeveel is OpenAI waard?");

        ReplyItem sale = Item(reply, "openai-secondary-sale-2025-10");
        Assert.StartsWith("500 miljard dollar — ", sale.Text, StringComparison.Ordinal);
        Assert.Contains("6,6 miljard dollar", sale.Text, StringComparison.Ordinal);
        Assert.True(sale.Badge!.IsSettled);
        Assert.True(reply.Badge!.IsSettled, "the headline is a confirmed valuation");
    }

    [Fact]
    public void AmazonTalks_AtMoreThan500Billion_ReadAsTalksNotDone()
    {
        Reply reply = Ask("What is OpenAI worth?");

        ReplyItem talks = Item(reply, "openai-valuation-amazon-talks-2025-12");
        Assert.Contains("more than $500 billion", talks.Text, StringComparison.Ordinal);
        Assert.Equal((Stage.Talks, Certainty.Reported), (talks.Badge!.Stage, talks.Badge.Certainty));
    }

    [Fact]
    public void AmazonInvestment_About10Billion_IsInTalks()
    {
        ReplyItem item = Item(Ask("/deals Amazon since 2025"), "openai-amazon-investment-talks-2025-12");

        Assert.Equal("talks", item.Badge!.StageLabel);
        Assert.Equal("reported", item.Badge.CertaintyLabel);
    }

    [Fact]
    public void AwsDeal_38BillionUntil2032()
    {
        Reply reply = Ask("Who are OpenAI's cloud partners?");

        ReplyItem aws = Item(reply, "openai-aws-cloud-deal-2025-11");
        Assert.Contains("$38 billion", aws.Text, StringComparison.Ordinal);
        Assert.True(aws.Badge!.IsSettled);
        Assert.Equal(2032, Repository.ShippedSnapshot.FindEvent("openai-aws-cloud-deal-2025-11")!.Term!.Until);
    }

    [Theory]
    [InlineData("Microsoft")]
    [InlineData("Google")]
    [InlineData("Oracle")]
    [InlineData("CoreWeave")]
    [InlineData("Amazon")]
    public void CloudPartners_NameEveryProviderTheArticleNames(string partner) =>
        Assert.Contains(partner, Ask("Who are OpenAI's cloud partners?").Answer, StringComparison.Ordinal);

    [Fact]
    public void Trainium_ConsideredAsReported() =>
        Assert.Equal("talks", Item(Ask("/deals OpenAI chips since 2025"), "openai-trainium-talks-2025-12").Badge!.StageLabel);

    [Fact]
    public void Annapurna_AcquiredIn2015() =>
        Assert.True(Item(Ask("/deals Amazon 2015"), "amazon-annapurna-acquisition-2015").Badge!.IsSettled);

    [Fact]
    public void Microsoft_Holds27Percent() =>
        Assert.Contains("27%", All(Ask("Who owns OpenAI?")), StringComparison.Ordinal);

    [Fact]
    public void Microsoft_ExclusiveRightsToSellOpenAIModels() =>
        Assert.NotNull(Item(Ask("/partners OpenAI"), "microsoft-openai-azure-exclusivity-2025-10").Badge);

    [Theory]
    [InlineData("How much did OpenAI lose in 2024?", "lost about $5 billion in 2024")]
    [InlineData("How much did OpenAI spend in 2024?", "spent about $9 billion in 2024")]
    [InlineData("Hoeveel verlies leed OpenAI in 2024?", "verloor in 2024 ongeveer 5 miljard dollar")]
    public void Spending2024_AndLoss_AreEstimates(string question, string expected)
    {
        Reply reply = Ask(question);

        Assert.Contains(expected, reply.Answer, StringComparison.Ordinal);
        Assert.Equal(Certainty.Estimate, reply.Badge!.Certainty);
    }

    [Fact]
    public void FundingRound_40BillionLedBySoftBank()
    {
        Reply reply = Ask("Who invested in OpenAI?");

        Assert.Contains("lead investor, funding round 31 Mar 2025 · $30 billion", reply.Sections.SelectMany(s => s.Items).Single(i => i.Text.StartsWith("SoftBank — ", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ipo_UpToOneTrillion_Reported()
    {
        ReplyItem ipo = Item(Ask("/deals OpenAI ipo since 2025"), "openai-ipo-plan-2025-10");

        Assert.Contains("$1 trillion", ipo.Text, StringComparison.Ordinal);
        Assert.Equal("reported", ipo.Badge!.CertaintyLabel);
    }

    [Fact]
    public void EveryAnswerCarriesItsAsOfDate() =>
        Assert.StartsWith("Knowledge as of ", Ask("What is OpenAI worth?").AsOf, StringComparison.Ordinal);
}
