using System.Collections.Immutable;
using System.Globalization;
using ChatBot.Core.Commands;

namespace ChatBot.Core.Questions;

/// <summary>A period found in a question, and the words it used.</summary>
public sealed record PeriodReading(TimeFrame Frame, ImmutableArray<int> Used);

/// <summary>
/// Reads the period of a question: "this year", "in 2024", "since October", "last quarter", "the last 6 months",
/// "Q1 2026", "first half of 2025", "March 2026", "recent" — and their Dutch forms ("dit jaar", "sinds oktober",
/// "eerste kwartaal", "eerste helft van 2025", "maart 2026", "afgelopen 6 maanden"). Pure.
/// </summary>
public static class PeriodReader
{
    public static PeriodReading? Read(ImmutableArray<Token> words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            if (At(words, i) is { } reading)
            {
                return reading;
            }
        }

        foreach (Token word in words)
        {
            if (Lexicon.Recent.Contains(word.Lower))
            {
                return new PeriodReading(TimeFrame.Recent, [word.Index]);
            }
        }

        return null;
    }

    private static PeriodReading? At(ImmutableArray<Token> words, int i)
    {
        string w = words[i].Lower;
        string next = Word(words, i + 1);
        string next2 = Word(words, i + 2);
        switch (w)
        {
            case "this" or "dit" or "deze" or "current" or "huidige":
                return next switch
                {
                    "year" or "jaar" => Found(new TimeFrame(TimeFrameKind.ThisYear), i, i + 1),
                    "quarter" or "kwartaal" => Found(new TimeFrame(TimeFrameKind.ThisQuarter), i, i + 1),
                    "month" or "maand" => Found(new TimeFrame(TimeFrameKind.ThisMonth), i, i + 1),
                    _ => null,
                };
            case "last" or "vorig" or "vorige" or "past" or "previous" or "afgelopen":
                if (int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 120 && next2 is "months" or "maanden" or "month" or "maand")
                {
                    return Found(new TimeFrame(TimeFrameKind.LastMonths, Count: n), i, i + 2);
                }

                return next switch
                {
                    "year" or "jaar" => Found(w is "past" or "afgelopen" ? new TimeFrame(TimeFrameKind.LastMonths, Count: 12) : new TimeFrame(TimeFrameKind.LastYear), i, i + 1),
                    "quarter" or "kwartaal" => Found(new TimeFrame(TimeFrameKind.LastQuarter), i, i + 1),
                    "month" or "maand" => Found(new TimeFrame(TimeFrameKind.LastMonth), i, i + 1),
                    _ => null,
                };
            case "since" or "sinds" or "from" or "vanaf":
                if (Lexicon.Months.TryGetValue(next, out int sinceMonth))
                {
                    return Year(words, i + 2) is { } monthYear
                        ? Found(new TimeFrame(TimeFrameKind.Since, monthYear, sinceMonth), i, i + 2)
                        : Found(new TimeFrame(TimeFrameKind.Since, 0, sinceMonth), i, i + 1);
                }

                return Year(words, i + 1) is { } sinceYear ? Found(new TimeFrame(TimeFrameKind.Since, sinceYear), i, i + 1) : null;
        }

        // "begin 2023", "early 2023", "eind 2025", "end of 2025": the first or second half.
        if (w is "begin" or "early" or "start" or "eind" or "end" or "late" or "einde" && (Year(words, i + 1) ?? (Word(words, i + 1) is "of" or "van" ? Year(words, i + 2) : null)) is { } edgeYear)
        {
            int half = w is "begin" or "early" or "start" ? 1 : 2;
            return Found(new TimeFrame(TimeFrameKind.Half, edgeYear, Part: half), i, Year(words, i + 1) is null ? i + 2 : i + 1);
        }

        if (QuarterOrHalf(w) is { } tagged)
        {
            // "Q1 2026", "2026-Q1", "H1 2025", "Q3" (this year).
            int year = tagged.Year != 0 ? tagged.Year : Year(words, i + 1) ?? Year(words, i - 1) ?? 0;
            int last = tagged.Year == 0 && Year(words, i + 1) is not null ? i + 1 : i;
            int first = tagged.Year == 0 && last == i && Year(words, i - 1) is not null ? i - 1 : i;
            return Found(new TimeFrame(tagged.Kind, year, Part: tagged.Part), first, last);
        }

        if (Ordinal(w) is { } part && next is "quarter" or "kwartaal" or "half" or "helft")
        {
            // "first quarter of 2026", "eerste helft van 2025", "the second half".
            bool half = next is "half" or "helft";
            if (half && part > 2)
            {
                return null;
            }

            int at = i + 2;
            if (Word(words, at) is "of" or "van")
            {
                at++;
            }

            int? year = Year(words, at);
            return Found(new TimeFrame(half ? TimeFrameKind.Half : TimeFrameKind.Quarter, year ?? 0, Part: part), i, year is null ? i + 1 : at);
        }

        if (Lexicon.Months.TryGetValue(w, out int month) && IsMonth(words, i))
        {
            int? year = Year(words, i + 1);
            int first = i > 0 && Word(words, i - 1) is "in" ? i - 1 : i;
            return Found(new TimeFrame(TimeFrameKind.Month, year ?? 0, month), first, year is null ? i : i + 1);
        }

        if (words[i].Year is { } bare && Word(words, i - 1) is not ("since" or "sinds" or "from" or "vanaf" or "until" or "till" or "through" or "tot" or "to" or "t/m"))
        {
            return Found(new TimeFrame(TimeFrameKind.Year, bare), i, i);
        }

        return null;
    }

    /// <summary>A month word is a month when a year follows, "in"/"since" stands before it, or it cannot be an ordinary word.</summary>
    private static bool IsMonth(ImmutableArray<Token> words, int i)
    {
        string w = words[i].Lower;
        if (Year(words, i + 1) is not null || Word(words, i - 1) is "in" or "since" or "sinds" or "during" or "tijdens")
        {
            return true;
        }

        return w is not ("may" or "mar" or "jan" or "sep" or "dec" or "nov" or "aug" or "jun" or "jul" or "apr" or "feb" or "oct" or "okt" or "mrt");
    }

    private static (TimeFrameKind Kind, int Part, int Year)? QuarterOrHalf(string word)
    {
        ReadOnlySpan<char> w = word;
        int year = 0;
        if (w.Length == 7 && w[4] == '-' && int.TryParse(w[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int leading))
        {
            year = leading;
            w = w[5..];
        }
        else if (w.Length == 7 && w[2] == '-' && int.TryParse(w[3..], NumberStyles.None, CultureInfo.InvariantCulture, out int trailing))
        {
            year = trailing;
            w = w[..2];
        }

        if (w.Length != 2 || !char.IsDigit(w[1]))
        {
            return null;
        }

        int part = w[1] - '0';
        return w[0] switch
        {
            'q' when part is >= 1 and <= 4 => (TimeFrameKind.Quarter, part, year),
            'h' when part is 1 or 2 => (TimeFrameKind.Half, part, year),
            _ => null,
        };
    }

    private static int? Ordinal(string word) => word switch
    {
        "first" or "1st" or "eerste" or "1e" => 1,
        "second" or "2nd" or "tweede" or "2e" => 2,
        "third" or "3rd" or "derde" or "3e" => 3,
        "fourth" or "4th" or "vierde" or "4e" or "last" or "laatste" => 4,
        _ => null,
    };

    private static int? Year(ImmutableArray<Token> words, int i) => i >= 0 && i < words.Length ? words[i].Year : null;

    private static string Word(ImmutableArray<Token> words, int i) => i >= 0 && i < words.Length ? words[i].Lower : string.Empty;

    private static PeriodReading Found(TimeFrame frame, int first, int last) => new(frame, [.. Enumerable.Range(first, last - first + 1)]);
}
