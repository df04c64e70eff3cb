using System.Text.RegularExpressions;

namespace ChatBot.Terminal;

/// <summary>
/// Turns the text renderer's light Markdown into terminal styles (bold titles, dim "as of" lines) when the output
/// is a terminal; redirected output and <c>NO_COLOR</c> keep the plain text.
/// </summary>
public static partial class TerminalStyle
{
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Reset = "\u001b[0m";

    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string bold = BoldPattern().Replace(text, $"{Bold}$1{Reset}");
        return DimLinePattern().Replace(bold, $"{Dim}$1{Reset}");
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"(?m)^_(.+)_$", RegexOptions.CultureInvariant)]
    private static partial Regex DimLinePattern();
}
