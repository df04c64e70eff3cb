using System.Text.Json;
using ChatBot.Discord.Api.Models;

namespace ChatBot.Discord.Api.Tests.Models;

public class DiscordJsonTests
{
    [Fact]
    public void Interaction_AsDiscordSendsIt_ReadsWithEmptyListsNeverNull()
    {
        const string Json = """
            {"type":2,"token":"A_UNIQUE_TOKEN","member":{"user":{"id":"53908232506183680","username":"Mason","discriminator":"1337","public_flags":131141},
             "roles":["539082325061836999"],"permissions":"2147483647","pending":false,"nick":null},"id":"786008729715212338","guild_id":"290926798626357999",
             "app_permissions":"442368","guild_locale":"en-US","locale":"en-US","data":{"options":[{"type":3,"name":"cardname","value":"The Gitrog Monster"}],
             "type":1,"name":"cardsearch","id":"771825006014889984"},"channel_id":"645027906669510667"}
            """;

        Interaction interaction = JsonSerializer.Deserialize<Interaction>(Json, DiscordJson.Options)!;

        Assert.Equal("53908232506183680", interaction.Invoker!.Id);
        Assert.Equal("The Gitrog Monster", interaction.Data!.Options[0].Text);
        Assert.NotNull(interaction.Data.Options[0].Options);
        Assert.Empty(interaction.Data.Options[0].Options);
    }

    [Fact]
    public void Autocomplete_FocusedOption_AndMissingMember()
    {
        const string Json = """{"id":"1","type":4,"token":"t","user":{"id":"7"},"data":{"id":"816437322781949972","name":"airhorn","type":1,"version":"847194950382780532","options":[{"type":3,"name":"variant","value":"data a user is typ","focused":true}]}}""";

        Interaction interaction = JsonSerializer.Deserialize<Interaction>(Json, DiscordJson.Options)!;

        Assert.Equal("7", interaction.Invoker!.Id);
        Assert.True(interaction.Data!.Options[0].Focused);
        Assert.Empty(new InteractionData().Options);
    }

    [Fact]
    public void Response_UsesSnakeCase_AndLeavesOutNulls()
    {
        InteractionResponse response = new(4, new InteractionCallbackData { Content = "hi", AllowedMentions = AllowedMentions.None });

        Assert.Equal("""{"type":4,"data":{"content":"hi","allowed_mentions":{"parse":[]}}}""", JsonSerializer.Serialize(response, DiscordJson.Options));
    }
}
