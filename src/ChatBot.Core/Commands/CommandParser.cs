using System.Collections.Immutable;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Questions;

namespace ChatBot.Core.Commands;

/// <summary>
/// Turns what a user said into a <see cref="Command"/>: slash commands (<c>/valuation OpenAI</c>), typed commands
/// (<c>valuation OpenAI</c>, even as <c>valuaton OpenAI</c>), structured commands whose options map straight to a
/// command, and free questions in English and Dutch, which the <see cref="QuestionReader"/> and
/// <see cref="QuestionMapper"/> understand. Pure; never throws on user input.
/// </summary>
public static class CommandParser
{
    /// <summary>Command words in both languages; <c>null</c> stands for <c>ask</c>, whose argument is a question.</summary>
    private static readonly Dictionary<string, Intent?> Verbs = new Dictionary<string, Intent?>(StringComparer.Ordinal)
    {
        ["valuation"] = Intent.Valuation,
        ["value"] = Intent.Valuation,
        ["worth"] = Intent.Valuation,
        ["waardering"] = Intent.Valuation,
        ["deals"] = Intent.Deals,
        ["deal"] = Intent.Deals,
        ["partners"] = Intent.Partners,
        ["investors"] = Intent.Investors,
        ["investeerders"] = Intent.Investors,
        ["portfolio"] = Intent.Portfolio,
        ["portefeuille"] = Intent.Portfolio,
        ["financials"] = Intent.Financials,
        ["financien"] = Intent.Financials,
        ["cijfers"] = Intent.Financials,
        ["company"] = Intent.Company,
        ["profile"] = Intent.Company,
        ["bedrijf"] = Intent.Company,
        ["compare"] = Intent.Compare,
        ["vergelijk"] = Intent.Compare,
        ["search"] = Intent.Search,
        ["zoek"] = Intent.Search,
        ["help"] = Intent.Help,
        ["hulp"] = Intent.Help,
        ["about"] = Intent.About,
        ["over"] = Intent.About,
        ["ask"] = null,
        ["vraag"] = null,
        ["admin"] = Intent.Admin,
        ["beheer"] = Intent.Admin,
        ["watch"] = Intent.Watch,
        ["volg"] = Intent.Watch,
        ["unwatch"] = Intent.Unwatch,
        ["ontvolg"] = Intent.Unwatch,
        ["watches"] = Intent.Watches,
        ["gevolgd"] = Intent.Watches,
        ["feedback"] = Intent.Feedback,
        ["opmerking"] = Intent.Feedback,
    }.ToDictionary(StringComparer.Ordinal);

    /// <summary>Command words that start a typed command without a slash ("valuation OpenAI").</summary>
    private static readonly HashSet<string> BareVerbs = new[]
    {
        "valuation", "deals", "partners", "investors", "portfolio", "financials", "company", "compare", "search", "help", "about",
        "admin", "beheer", "watch", "volg", "unwatch", "ontvolg", "watches", "gevolgd", "feedback", "opmerking", "portefeuille", "investeerders",
    }.ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> OperationVerbs = Verbs
        .Where(p => p.Value is Intent.Admin or Intent.Watch or Intent.Unwatch or Intent.Watches or Intent.Feedback)
        .Select(p => p.Key)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether an utterance may be an operation (admin, watch, feedback): a cheap look at its first word, so the
    /// engine's fast path for questions never parses twice.
    /// </summary>
    public static bool MayBeOperation(Utterance utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        if (utterance.CommandName is { } name)
        {
            return OperationVerbs.Contains(name.Trim().TrimStart('/').ToLowerInvariant());
        }

        ReadOnlySpan<char> text = utterance.Text.AsSpan().TrimStart().TrimStart("/!");
        int end = text.IndexOfAny(' ', '\t');
        string first = (end < 0 ? text : text[..end]).ToString().ToLowerInvariant();
        return OperationVerbs.Contains(first);
    }

    /// <summary>Parses an utterance against a snapshot: its companies, and the words its events use.</summary>
    public static ParseResult Parse(Utterance utterance, KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(snapshot);
        return utterance.CommandName is { } name
            ? StructuredCommands.Parse(name, utterance.Options, snapshot.Directory)
            : Parse(utterance.Text, snapshot.Directory, snapshot.UsesWord);
    }

    /// <summary>Parses an utterance against the companies of a snapshot.</summary>
    public static ParseResult Parse(Utterance utterance, CompanyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(directory);
        return utterance.CommandName is { } name
            ? StructuredCommands.Parse(name, utterance.Options, directory)
            : Parse(utterance.Text, directory);
    }

    /// <summary>Parses free text or a typed command.</summary>
    /// <param name="text">What was said.</param>
    /// <param name="directory">The companies we know.</param>
    /// <param name="usedWord">Whether the events use a word (<see cref="KnowledgeSnapshot.UsesWord"/>), if known.</param>
    public static ParseResult Parse(string? text, CompanyDirectory directory, Func<string, bool>? usedWord = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string input = Tokenizer.Clean(text);
        if (input.Length == 0)
        {
            return ParseResult.Fail(ParseFailure.Empty, null);
        }

        ImmutableArray<Token> tokens = Tokenizer.Tokenize(input);
        bool slash = input[0] is '/' or '!';
        string first = tokens.Length > 0 ? tokens[0].Lower.TrimStart('/', '!') : string.Empty;
        if (!Verbs.ContainsKey(first) && (slash || tokens.Length <= 3) && Lexicon.Correct(first) is { } corrected && Verbs.ContainsKey(corrected))
        {
            first = corrected;
        }

        if (Verbs.TryGetValue(first, out Intent? verb) && (slash || BareVerbs.Contains(first) || tokens.Length == 1 || Lexicon.Correct(tokens[0].Lower) == first))
        {
            string rest = RestAfterFirstWord(input);
            if (verb is null)
            {
                return Parse(rest, directory, usedWord);
            }

            Language? language = LanguageDetector.Detect(tokens.Skip(1));
            return OperationParser.Parse(verb.Value, rest, language, directory) ?? TypedCommands.Parse(verb.Value, rest, language, directory);
        }

        if (slash)
        {
            return ParseResult.Fail(ParseFailure.BadCommand, LanguageDetector.Detect(tokens), detail: first);
        }

        return QuestionMapper.Map(QuestionReader.Read(input, directory, usedWord));
    }

    /// <summary>Looks up a command word; null for one we do not know or for <c>ask</c>.</summary>
    internal static Intent? IntentOf(string verb) => Verbs.GetValueOrDefault(verb.Trim().TrimStart('/').ToLowerInvariant());

    /// <summary>Whether the word is a command word (<c>ask</c> included).</summary>
    internal static bool IsVerb(string verb) => Verbs.ContainsKey(verb.Trim().TrimStart('/').ToLowerInvariant());

    private static string RestAfterFirstWord(string input)
    {
        int space = input.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? string.Empty : input[(space + 1)..].Trim();
    }
}
