using ChatBot.Core.Conversations;
using ChatBot.Discord.Api.Models;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Discord.Tests;

public class DiscordInteractionHandlerTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    private static DiscordInteractionHandler CreateSut(DiscordOptions? options = null)
    {
        FixedKnowledge knowledge = new(Repository.SeedSnapshot);
        return new DiscordInteractionHandler(new ChatBotEngine(knowledge, Clock, new EngineSettings(0)), knowledge, Options.Create(options ?? new DiscordOptions()), NullLogger<DiscordInteractionHandler>.Instance);
    }

    private static Interaction Command(string name, string? locale = "en-US", params (string Name, string Value, bool Focused)[] options) => new()
    {
        Id = "1",
        Type = InteractionType.ApplicationCommand,
        Token = "t",
        Locale = locale,
        GuildId = "g",
        ChannelId = "c",
        Member = new GuildMember { User = new User { Id = "42" }, Roles = ["r1"] },
        Data = new InteractionData
        {
            Name = name,
            Type = 1,
            Options = [.. options.Select(o => new InteractionOption { Name = o.Name, Type = 3, Value = System.Text.Json.JsonSerializer.SerializeToElement(o.Value), Focused = o.Focused })],
        },
    };

    [Fact]
    public async Task Valuation_AnswersWithAnEmbed_VisibleToAll_PingingNoOne()
    {
        InteractionResponse response = await CreateSut().HandleAsync(Command("valuation", "en-US", ("company", "OpenAI", false)), TestContext.Current.CancellationToken);

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        Assert.Null(response.Data!.Flags);
        Assert.Empty(response.Data.AllowedMentions!.Parse);
        Assert.StartsWith("OpenAI · valuation", response.Data.Embeds![0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DutchClient_GetsDutch()
    {
        InteractionResponse response = await CreateSut().HandleAsync(Command("valuation", "nl", ("company", "OpenAI", false)), TestContext.Current.CancellationToken);

        Assert.StartsWith("OpenAI · waardering", response.Data!.Embeds![0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCompany_IsEphemeral()
    {
        InteractionResponse response = await CreateSut().HandleAsync(Command("valuation", "en-US", ("company", "@everyone", false)), TestContext.Current.CancellationToken);

        Assert.Equal(MessageFlags.Ephemeral, response.Data!.Flags);
        Assert.Empty(response.Data.AllowedMentions!.Parse);
    }

    [Fact]
    public async Task AnotherReading_IsAButtonThatAsksItsQuestion()
    {
        DiscordInteractionHandler sut = CreateSut();
        InteractionResponse asked = await sut.HandleAsync(Command("ask", "en-US", ("question", "OpenAI Oracle", false)), TestContext.Current.CancellationToken);
        MessageComponent button = asked.Data!.Components!.Single().Components![0];
        Assert.Equal("ask:/compare OpenAI Oracle", button.CustomId);

        // Clicking it sends a message component interaction with the button's custom_id.
        Interaction click = Command("ask") with { Type = InteractionType.MessageComponent, Data = new InteractionData { CustomId = button.CustomId, ComponentType = MessageComponent.Button } };
        InteractionResponse chosen = await sut.HandleAsync(click, TestContext.Current.CancellationToken);

        Assert.Equal("OpenAI vs Oracle", chosen.Data!.Embeds![0].Title);
    }

    [Fact]
    public async Task Ask_FollowUp_ContinuesTheSameUsersLastQuestionInTheChannel()
    {
        DiscordInteractionHandler sut = CreateSut();
        await sut.HandleAsync(Command("ask", "en-US", ("question", "What does OpenAI pay Oracle?", false)), TestContext.Current.CancellationToken);

        InteractionResponse followUp = await sut.HandleAsync(Command("ask", "en-US", ("question", "and CoreWeave?", false)), TestContext.Current.CancellationToken);

        Assert.StartsWith("OpenAI → CoreWeave", followUp.Data!.Embeds![0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_FreeText_IsParsedLikeTheConsole()
    {
        InteractionResponse response = await CreateSut().HandleAsync(Command("ask", "en-US", ("question", "Welke deals heeft Amazon gesloten?", false)), TestContext.Current.CancellationToken);

        Assert.Equal("Amazon · deals", response.Data!.Embeds![0].Title);
        Assert.Contains("de grootste", response.Data.Embeds[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deals_WithPeriodAndType_Options()
    {
        InteractionResponse response = await CreateSut().HandleAsync(Command("deals", "en-US", ("company", "OpenAI", false), ("period", "since 2025", false), ("type", "cloud", false)), TestContext.Current.CancellationToken);

        Assert.StartsWith("4 cloud deals involving OpenAI since Jan 2025", response.Data!.Embeds![0].Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("open", "OpenAI", "prefix")]
    [InlineData("AWS", "Amazon", "alias")]
    [InlineData("Coreweve", "CoreWeave", "a typo")]
    public async Task Autocomplete_SuggestsCompanies(string typed, string expected, string why)
    {
        Interaction interaction = Command("valuation", "en-US", ("company", typed, true)) with { Type = InteractionType.ApplicationCommandAutocomplete };

        InteractionResponse response = await CreateSut().HandleAsync(interaction, TestContext.Current.CancellationToken);

        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, response.Type);
        Assert.True(response.Data!.Choices!.Count <= 25);
        Assert.True(response.Data.Choices[0].Name == expected, why);
    }

    [Fact]
    public async Task Autocomplete_NothingTyped_AtMost25()
    {
        Interaction interaction = Command("valuation", "en-US", ("company", "", true)) with { Type = InteractionType.ApplicationCommandAutocomplete };

        InteractionResponse response = await new DiscordInteractionHandler(
            new ChatBotEngine(new FixedKnowledge(Repository.ShippedSnapshot), Clock, new EngineSettings(0)), new FixedKnowledge(Repository.ShippedSnapshot), Options.Create(new DiscordOptions()), NullLogger<DiscordInteractionHandler>.Instance)
            .HandleAsync(interaction, TestContext.Current.CancellationToken);

        Assert.Equal(25, response.Data!.Choices!.Count);
    }

    [Fact]
    public void Conversation_AdminByRoleOrUser()
    {
        DiscordOptions options = new();
        options.AdminRoleIds.Add("r1");

        Conversation conversation = CreateSut(options).ToConversation(Command("about"));

        Assert.True(conversation.IsAdmin);
        Assert.Equal(("discord", "42", "g/c", "en-US"), (conversation.Platform, conversation.UserId, conversation.PlaceId, conversation.Locale));
    }
}
