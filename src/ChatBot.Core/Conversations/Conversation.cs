using System.Collections.Immutable;
using System.Globalization;

namespace ChatBot.Core.Conversations;

/// <summary>The languages the bot answers in.</summary>
public enum Language
{
    English,
    Dutch,
}

/// <summary>Culture helpers for <see cref="Language"/>: formatting always goes through these, never the ambient culture.</summary>
public static class Languages
{
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo DutchCulture = CultureInfo.GetCultureInfo("nl-NL");

    public static CultureInfo Culture(this Language language) => language == Language.Dutch ? DutchCulture : EnglishCulture;

    /// <summary>The language of a locale tag such as <c>nl</c>, <c>nl-BE</c> or <c>en-GB</c>; English for anything else.</summary>
    public static Language FromLocale(string? locale) =>
        locale is not null && (locale.Equals("nl", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("nl-", StringComparison.OrdinalIgnoreCase))
            ? Language.Dutch
            : Language.English;
}

/// <summary>
/// Who asked and where: platform, user, place, locale and whether the user is an admin. Adapters fill it in;
/// the core never looks at platform types.
/// </summary>
/// <param name="Platform">A short platform name: <c>console</c>, <c>discord</c>, <c>teams</c>.</param>
/// <param name="UserId">The platform's user id; the per-user rate limit is keyed on it.</param>
/// <param name="PlaceId">Guild/channel or team/conversation id, if any.</param>
/// <param name="Locale">The conversation's locale (<c>nl</c>, <c>en-US</c>), used when the text gives no language cue.</param>
/// <param name="IsAdmin">Whether the user may run admin commands.</param>
public sealed record Conversation(string Platform, string UserId, string? PlaceId = null, string? Locale = null, bool IsAdmin = false)
{
    public Language Language => Languages.FromLocale(Locale);
}

/// <summary>
/// What a user said: free text (<c>/valuation OpenAI</c>, <c>what is OpenAI worth?</c>) or a structured command
/// with typed options (a Discord slash command). Both become the same command.
/// </summary>
public sealed record Utterance
{
    private Utterance(string text, string? commandName, ImmutableDictionary<string, string> options)
    {
        Text = text;
        CommandName = commandName;
        Options = options;
    }

    public string Text { get; }

    /// <summary>The command name of a structured utterance; null for free text.</summary>
    public string? CommandName { get; }

    /// <summary>The typed options of a structured utterance (<c>company</c>, <c>period</c>, <c>type</c>…).</summary>
    public ImmutableDictionary<string, string> Options { get; }

    public static Utterance FromText(string text) =>
        new(text ?? string.Empty, null, ImmutableDictionary<string, string>.Empty);

    public static Utterance FromCommand(string name, IReadOnlyDictionary<string, string>? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ImmutableDictionary<string, string> opts = options?.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase)
            ?? ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
        string text = "/" + name + string.Concat(opts.Values.Select(v => " " + v));
        return new Utterance(text, name, opts);
    }
}
