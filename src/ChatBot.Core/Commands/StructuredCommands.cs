using System.Collections.Immutable;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Questions;

namespace ChatBot.Core.Commands;

/// <summary>
/// Structured commands (a Discord slash command with typed options): each option maps straight to the command's
/// field — the company option is looked up as a name, the period option read as a period — never glued back into
/// text and parsed again. Pure.
/// </summary>
internal static class StructuredCommands
{
    public static ParseResult Parse(string name, ImmutableDictionary<string, string> options, CompanyDirectory directory)
    {
        string verbText = name.Trim().TrimStart('/').ToLowerInvariant();
        if (!CommandParser.IsVerb(verbText))
        {
            return ParseResult.Fail(ParseFailure.BadCommand, null, detail: name);
        }

        if (CommandParser.IntentOf(verbText) is not { } verb)
        {
            // /ask question:… is the one command whose option is a question.
            return CommandParser.Parse(options.GetValueOrDefault("question") ?? options.GetValueOrDefault("text") ?? string.Empty, directory);
        }

        if (verb == Intent.Admin)
        {
            return OperationParser.Admin(options.GetValueOrDefault("action"), options.GetValueOrDefault("revision"), null);
        }

        string operationText = verb switch
        {
            Intent.Watch or Intent.Unwatch => options.GetValueOrDefault("company") ?? string.Empty,
            Intent.Feedback => options.GetValueOrDefault("text") ?? string.Empty,
            _ => string.Empty,
        };
        if (OperationParser.Parse(verb, operationText, null, directory) is { } operation)
        {
            return operation;
        }

        CompanyArg? company = Resolve(options.GetValueOrDefault("company") ?? options.GetValueOrDefault("investor"), directory);
        TimeFrame? period = null;
        if (options.TryGetValue("period", out string? periodText) && !string.IsNullOrWhiteSpace(periodText))
        {
            period = PeriodReader.Read(Tokenizer.Tokenize(Tokenizer.Clean(periodText)))?.Frame;
            if (period is null)
            {
                return ParseResult.Fail(ParseFailure.BadCommand, null, verb, detail: "period");
            }
        }

        DealType? type = null;
        if (options.TryGetValue("type", out string? typeText) && !string.IsNullOrWhiteSpace(typeText))
        {
            type = Enum.TryParse(typeText.Trim(), ignoreCase: true, out DealType parsed) && Enum.IsDefined(parsed)
                ? parsed
                : Tokenizer.Tokenize(Tokenizer.Clean(typeText)).Select(t => Lexicon.DealTypeOf(t.Lower) ?? (Lexicon.Ipo.Contains(t.Lower) ? DealType.Ipo : null)).FirstOrDefault(t => t is not null);
            if (type is null)
            {
                return ParseResult.Fail(ParseFailure.BadCommand, null, verb, detail: "type");
            }
        }

        switch (verb)
        {
            case Intent.Deals:
                return company is { IsKnown: false }
                    ? ParseResult.Fail(ParseFailure.UnknownCompany, null, verb, company.Text)
                    : ParseResult.Ok(new DealsCommand(company, period, type), null);
            case Intent.Compare:
                CompanyArg? other = Resolve(options.GetValueOrDefault("other") ?? options.GetValueOrDefault("company2"), directory);
                if (company is null || other is null)
                {
                    return ParseResult.Fail(ParseFailure.MissingCompany, null, verb);
                }

                return !company.IsKnown ? ParseResult.Fail(ParseFailure.UnknownCompany, null, verb, company.Text)
                    : !other.IsKnown ? ParseResult.Fail(ParseFailure.UnknownCompany, null, verb, other.Text)
                    : ParseResult.Ok(new CompareCommand(company, other), null);
            case Intent.Search:
                string text = (options.GetValueOrDefault("text") ?? options.GetValueOrDefault("query") ?? string.Empty).Trim();
                return text.Length == 0 ? ParseResult.Fail(ParseFailure.BadCommand, null, verb, detail: "text") : ParseResult.Ok(new SearchCommand(text), null);
            case Intent.Help:
                return ParseResult.Ok(new HelpCommand(options.GetValueOrDefault("command") ?? options.GetValueOrDefault("topic")), null);
            case Intent.About:
                return ParseResult.Ok(new AboutCommand(), null);
            case Intent.Partners:
                PartnerKind kind = options.GetValueOrDefault("kind")?.Trim().ToLowerInvariant() switch
                {
                    "cloud" => PartnerKind.Cloud,
                    "chips" or "chip" => PartnerKind.Chips,
                    _ => PartnerKind.All,
                };
                return TypedCommands.Build(verb, company, period, type, null, null, kind);
            default:
                return TypedCommands.Build(verb, company, period, type, null, null);
        }
    }

    private static CompanyArg? Resolve(string? text, CompanyDirectory directory)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string trimmed = text.Trim();
        return new CompanyArg(trimmed, directory.Find(trimmed)?.Id);
    }
}
