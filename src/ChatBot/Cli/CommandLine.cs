using System.Collections.Immutable;

namespace ChatBot.Cli;

/// <summary>
/// The command line split into verb words, our own flags, and configuration overrides
/// (<c>--Knowledge:Path=dir</c>, <c>--knowledge dir</c>, <c>--database file</c>) for the configuration system.
/// </summary>
/// <param name="Words">Verb and arguments: <c>ask What is OpenAI worth?</c>, <c>knowledge validate</c>.</param>
/// <param name="Json">Whether <c>--json</c> was given.</param>
/// <param name="Help">Whether <c>--help</c> was given.</param>
/// <param name="Locale">The conversation locale from <c>--locale</c>, if given.</param>
/// <param name="ConfigurationArgs">Arguments for the configuration system, in <c>--Section:Key=value</c> form.</param>
/// <param name="Error">A usage error, if the command line is malformed.</param>
public sealed record CommandLine(
    ImmutableArray<string> Words,
    bool Json,
    bool Help,
    string? Locale,
    ImmutableArray<string> ConfigurationArgs,
    string? Error)
{
    /// <summary>The day <c>eval</c> takes as today, from <c>--today yyyy-mm-dd</c>, for relative periods.</summary>
    public string? Today { get; init; }

    private static readonly Dictionary<string, string> Shortcuts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--knowledge"] = "Knowledge:Path",
        ["--database"] = "Knowledge:Database",
        ["--urls"] = "Urls",
    };

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        List<string> words = [];
        List<string> config = [];
        bool json = false;
        bool help = false;
        string? locale = null;
        string? today = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            if (arg is "--json")
            {
                json = true;
            }
            else if (arg is "--help" or "-h" or "-?")
            {
                help = true;
            }
            else if (arg == "--")
            {
                words.AddRange(args.Skip(i + 1));
                break;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                string name = arg;
                string? value = null;
                int equals = arg.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    name = arg[..equals];
                    value = arg[(equals + 1)..];
                }

                if (name.Equals("--today", StringComparison.OrdinalIgnoreCase))
                {
                    today = value ?? Next();
                    if (today is null)
                    {
                        return Fail("--today needs a date, e.g. --today 2026-12-04");
                    }
                }
                else if (name.Equals("--locale", StringComparison.OrdinalIgnoreCase))
                {
                    locale = value ?? Next();
                    if (locale is null)
                    {
                        return Fail("--locale needs a value, e.g. --locale nl");
                    }
                }
                else if (Shortcuts.TryGetValue(name, out string? key))
                {
                    value ??= Next();
                    if (value is null)
                    {
                        return Fail($"{name} needs a value");
                    }

                    config.Add($"--{key}={value}");
                }
                else if (name.Contains(':', StringComparison.Ordinal))
                {
                    value ??= Next();
                    if (value is null)
                    {
                        return Fail($"{name} needs a value");
                    }

                    config.Add($"{name}={value}");
                }
                else
                {
                    return Fail($"unknown option {name}");
                }
            }
            else
            {
                words.Add(arg);
            }
        }

        return new CommandLine([.. words], json, help, locale, [.. config], null) { Today = today };

        CommandLine Fail(string error) => new([], false, false, null, [], error);
    }
}
