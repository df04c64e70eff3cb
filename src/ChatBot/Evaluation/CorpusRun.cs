using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ChatBot.Core.Conversations;
using ChatBot.Core.Replies;

namespace ChatBot.Evaluation;

/// <summary>How one row fared: the reply as printed, and what it missed or said that it must not.</summary>
public sealed record CorpusResult(CorpusRow Row, string Reply, ImmutableArray<string> Missing, ImmutableArray<string> Forbidden)
{
    public bool Passed => Missing.IsEmpty && Forbidden.IsEmpty;
}

/// <summary>
/// Asks every row of a corpus, in file order and in one conversation (so a follow-up row continues the one before
/// it), and checks the replies as <c>chatbot ask</c> prints them.
/// </summary>
public static class CorpusRun
{
    /// <summary>How many non-empty lines the <c>head</c> scope covers.</summary>
    public const int HeadLines = 3;

    public static async Task<ImmutableArray<CorpusResult>> RunAsync(IChatBotEngine engine, Conversation conversation, IEnumerable<CorpusRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(rows);
        ImmutableArray<CorpusResult>.Builder results = ImmutableArray.CreateBuilder<CorpusResult>();
        foreach (CorpusRow row in rows)
        {
            Reply reply = await engine.HandleAsync(Utterance.FromText(row.Question), conversation, cancellationToken).ConfigureAwait(false);
            results.Add(Check(row, TextReplyRenderer.Render(reply)));
        }

        return results.ToImmutable();
    }

    /// <summary>Checks one printed reply against its row.</summary>
    public static CorpusResult Check(CorpusRow row, string printed)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(printed);
        string head = string.Join('\n', printed.Split('\n').Where(l => l.Trim().Length > 0).Take(HeadLines));
        string scope = row.Scope == CorpusScope.Head ? head : printed;
        ImmutableArray<string> missing = [.. row.Must.Where(p => !Matches(p, scope)).Select(p => p.ToString())];
        ImmutableArray<string> forbidden = [.. row.MustNot.Where(p => Matches(p, printed)).Select(p => p.ToString())];
        return new CorpusResult(row, printed, missing, forbidden);
    }

    /// <summary>A miss as <c>chatbot eval</c> prints it: the row, what was missing or forbidden, and the reply's first lines.</summary>
    public static string Describe(CorpusResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        List<string> lines = [$"MISS {result.Row.Id} (line {result.Row.Line}): {result.Row.Question}"];
        if (result.Row.Reason is { } reason)
        {
            lines.Add($"  why: {reason}");
        }

        lines.AddRange(result.Missing.Select(p => $"  missing{(result.Row.Scope == CorpusScope.Head ? " in the first lines" : string.Empty)}: /{p}/"));
        lines.AddRange(result.Forbidden.Select(p => $"  must not say: /{p}/"));
        lines.AddRange(result.Reply.Split('\n').Where(l => l.Trim().Length > 0).Take(HeadLines + 1).Select(l => "  | " + l));
        return string.Join('\n', lines);
    }

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
