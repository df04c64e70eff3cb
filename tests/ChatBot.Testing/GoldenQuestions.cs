using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;
using ChatBot.Search;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Testing;

/// <summary>
/// The questions every renderer's golden files show, asked on the frozen seed knowledge with the ranked search, on a
/// fixed day: the new shapes of replies (a relation, a yes/no, the ranked fallback, a follow-up, other readings as
/// buttons) next to the old ones. A follow-up is written "first || then" and asked in one conversation.
/// </summary>
public static class GoldenQuestions
{
    private static readonly LuceneEventSearch Search = new();

    /// <summary>Name → question (and the locale of the conversation) for the new reply shapes.</summary>
    public static IEnumerable<(string Name, string Question, string? Locale)> Shapes =>
    [
        ("relation-en", "What does OpenAI pay Oracle?", null),
        ("relation-nl", "Hoeveel betaalt OpenAI aan Oracle?", null),
        ("yes-no-en", "Did Amazon invest in OpenAI?", null),
        ("yes-no-still-nl", "Is Microsoft nog de exclusieve cloudleverancier van OpenAI?", null),
        ("no-record-en", "Did Oracle invest in Amazon?", null),
        ("fallback-en", "What are EC2 UltraServers?", null),
        ("follow-up-en", "What does OpenAI pay Oracle? || and CoreWeave?", null),
        ("readings-en", "OpenAI Oracle", null),
    ];

    /// <summary>Asks a golden question; "a || b" asks a, then b in the same conversation, and returns b's reply.</summary>
    public static Reply Ask(string question, string? locale, string platform = "test")
    {
        ArgumentNullException.ThrowIfNull(question);
        FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
        ChatBotEngine engine = new(new FixedKnowledge(Repository.SeedSnapshot), clock, new EngineSettings(0), search: Search);
        Conversation conversation = new(platform, "user", "place", Locale: locale);
        Reply reply = null!;
        foreach (string turn in question.Split("||", StringSplitOptions.TrimEntries))
        {
            reply = engine.Handle(Utterance.FromText(turn), conversation);
        }

        return reply;
    }
}
