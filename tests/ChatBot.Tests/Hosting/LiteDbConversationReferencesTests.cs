using ChatBot.Hosting;
using ChatBot.Knowledge.Store;
using ChatBot.Teams.Conversations;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Tests.Hosting;

public sealed class LiteDbConversationReferencesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void References_SurviveAReopen_AndARemoval()
    {
        ConversationReference channel = new("19:finance@thread.tacv2", "https://smba.example/amer/", "msteams", "channel", "tenant", "28:bot", "ChatBot");
        ConversationReference personal = channel with { ConversationId = "a:personal-1", ConversationType = "personal" };
        using (LiteDbKnowledgeStore store = new(_temp.File("chatbot.db")))
        {
            LiteDbConversationReferences references = new(store, NullLogger<LiteDbConversationReferences>.Instance);
            references.Write([channel, personal], []);
            references.Write([channel with { ServiceUrl = "https://smba.example/emea/" }], [personal.ConversationId]);
        }

        using LiteDbKnowledgeStore reopened = new(_temp.File("chatbot.db"));
        LiteDbConversationReferences again = new(reopened, NullLogger<LiteDbConversationReferences>.Instance);

        Assert.Equal(channel with { ServiceUrl = "https://smba.example/emea/" }, Assert.Single(again.All()));
    }

    public void Dispose() => _temp.Dispose();
}
