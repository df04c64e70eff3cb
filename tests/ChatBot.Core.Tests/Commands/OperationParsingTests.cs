using ChatBot.Core.Commands;
using ChatBot.Core.Conversations;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Commands;

public class OperationParsingTests
{
    public static TheoryData<string, string, string> Rows() => new()
    {
        { "/admin status", "AdminCommand Status -", "slash admin status" },
        { "admin", "AdminCommand Status -", "admin alone is the status" },
        { "/admin rollback 3", "AdminCommand Rollback 3", "rollback with a revision" },
        { "/admin rollback #3", "AdminCommand Rollback 3", "a revision written as #3" },
        { "beheer herlaad", "AdminCommand Reload -", "Dutch: beheer herlaad" },
        { "/admin onbeantwoord", "AdminCommand Unanswered -", "Dutch action name" },
        { "/watch OpenAI", "WatchCommand openai True", "watch a company" },
        { "volg open ai", "WatchCommand openai True", "Dutch verb, alias spacing" },
        { "/unwatch OpenAI", "WatchCommand openai False", "unwatch" },
        { "/watches", "WatchesCommand", "the channel's watches" },
        { "/feedback the valuation is outdated", "FeedbackCommand the valuation is outdated", "feedback keeps the text" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Operations_Parse(string text, string expected, string why)
    {
        ParseResult parsed = CommandParser.Parse(text, Repository.SeedSnapshot.Directory);

        string actual = parsed.Command switch
        {
            AdminCommand a => $"AdminCommand {a.Action} {a.Revision?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}",
            WatchCommand w => $"WatchCommand {w.Company.Id} {w.Subscribe}",
            WatchesCommand => "WatchesCommand",
            FeedbackCommand f => $"FeedbackCommand {f.Text}",
            { } c => c.ToString(),
            null => "failed: " + parsed.Failure,
        };
        Assert.True(actual == expected, $"{why}: {actual}");
    }

    [Theory]
    [InlineData("rollback", "3", "Rollback 3", "the revision option is the rollback's revision")]
    [InlineData("rollback", "#7", "Rollback 7", "a revision option written as #7")]
    [InlineData("history", null, "History -", "an action without a revision")]
    [InlineData(null, null, "Status -", "no action option is the status")]
    [InlineData("rollback", null, "failed: revision", "a rollback without its revision option")]
    [InlineData("rollback", "three", "failed: revision", "a revision option that is not a number")]
    [InlineData("explode", null, "failed: action", "an unknown action option")]
    public void StructuredAdmin_OptionsMapStraightToTheCommand(string? action, string? revision, string expected, string why)
    {
        Dictionary<string, string> options = [];
        if (action is not null)
        {
            options["action"] = action;
        }

        if (revision is not null)
        {
            options["revision"] = revision;
        }

        ParseResult parsed = CommandParser.Parse(Utterance.FromCommand("admin", options), Repository.SeedSnapshot.Directory);

        string actual = parsed.Command is AdminCommand a
            ? $"{a.Action} {a.Revision?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"
            : $"failed: {parsed.Detail}";
        Assert.True(actual == expected, $"{why}: {actual}");
    }

    [Theory]
    [InlineData("/admin rollback 3 4", "revision", "a rollback takes one revision")]
    [InlineData("/admin blah", "action", "an unknown admin action")]
    [InlineData("/admin rollback", "revision", "a rollback without a revision")]
    [InlineData("/admin rollback zero", "revision", "a revision that is not a number")]
    [InlineData("/feedback", "text", "feedback without text")]
    public void BadOperations_FailWithWhatIsMissing(string text, string detail, string why)
    {
        ParseResult parsed = CommandParser.Parse(text, Repository.SeedSnapshot.Directory);

        Assert.True(parsed.Failure == ParseFailure.BadCommand && parsed.Detail == detail, why);
    }

    [Theory]
    [InlineData("/watch Zorblax", ParseFailure.UnknownCompany, "an unknown company is not watched")]
    [InlineData("/watch", ParseFailure.MissingCompany, "watch needs a company")]
    public void Watch_NeedsAKnownCompany(string text, ParseFailure failure, string why)
    {
        Assert.True(CommandParser.Parse(text, Repository.SeedSnapshot.Directory).Failure == failure, why);
    }

    [Theory]
    [InlineData("admin status", true, "an admin verb")]
    [InlineData("/watch OpenAI", true, "a slash watch")]
    [InlineData("What is OpenAI worth?", false, "a question is never parsed twice")]
    [InlineData("/valuation OpenAI", false, "a query command")]
    public void MayBeOperation_LooksOnlyAtTheFirstWord(string text, bool expected, string why)
    {
        Assert.True(CommandParser.MayBeOperation(Utterance.FromText(text)) == expected, why);
    }
}
