using System.Globalization;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Commands;

/// <summary>Admin commands, watches and feedback, typed or structured, in English and Dutch. Pure.</summary>
internal static class OperationParser
{
    /// <summary>The operation a verb and its argument make; null for every verb that is not an operation.</summary>
    public static ParseResult? Parse(Intent verb, string rest, Language? language, CompanyDirectory directory)
    {
        string argument = rest.Trim();
        switch (verb)
        {
            case Intent.Admin:
                string[] words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                // "rollback" takes exactly one revision; the other actions ignore what follows them.
                return words.Length > 2 && words[0].ToLowerInvariant() is "rollback" or "terugdraaien"
                    ? ParseResult.Fail(ParseFailure.BadCommand, language, Intent.Admin, detail: "revision")
                    : Admin(words.ElementAtOrDefault(0), words.ElementAtOrDefault(1), language);
            case Intent.Watch or Intent.Unwatch:
                if (argument.Length == 0)
                {
                    return ParseResult.Fail(ParseFailure.MissingCompany, language, verb);
                }

                return directory.Find(argument) is { } company
                    ? ParseResult.Ok(new WatchCommand(new CompanyArg(argument, company.Id), verb == Intent.Watch), language)
                    : ParseResult.Fail(ParseFailure.UnknownCompany, language, verb, unknownName: argument);
            case Intent.Watches:
                return ParseResult.Ok(new WatchesCommand(), language);
            case Intent.Feedback:
                return argument.Length == 0
                    ? ParseResult.Fail(ParseFailure.BadCommand, language, Intent.Feedback, detail: "text")
                    : ParseResult.Ok(new FeedbackCommand(argument.Length > 1000 ? argument[..1000] : argument), language);
            default:
                return null;
        }
    }

    /// <summary>An admin command from its action and, for a rollback, its revision: typed words or a slash command's options alike.</summary>
    public static ParseResult Admin(string? actionText, string? revisionText, Language? language)
    {
        AdminAction? action = string.IsNullOrWhiteSpace(actionText) ? AdminAction.Status : actionText.Trim().ToLowerInvariant() switch
        {
            "status" => AdminAction.Status,
            "reload" or "herlaad" => AdminAction.Reload,
            "history" or "geschiedenis" => AdminAction.History,
            "rollback" or "terugdraaien" => AdminAction.Rollback,
            "unanswered" or "onbeantwoord" => AdminAction.Unanswered,
            "feedback" => AdminAction.Feedback,
            _ => null,
        };
        if (action is null)
        {
            return ParseResult.Fail(ParseFailure.BadCommand, language, Intent.Admin, detail: "action");
        }

        if (action == AdminAction.Rollback)
        {
            return int.TryParse(revisionText?.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out int revision) && revision > 0
                ? ParseResult.Ok(new AdminCommand(AdminAction.Rollback, revision), language)
                : ParseResult.Fail(ParseFailure.BadCommand, language, Intent.Admin, detail: "revision");
        }

        return ParseResult.Ok(new AdminCommand(action.Value), language);
    }
}
