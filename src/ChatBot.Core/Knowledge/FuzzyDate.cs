using System.Globalization;

namespace ChatBot.Core.Knowledge;

/// <summary>How precisely a date is known.</summary>
public enum DatePrecision
{
    Year,
    Half,
    Quarter,
    Month,
    Day,
}

/// <summary>
/// A date known to a year, half, quarter, month or day, as news reports it: <c>2025</c>, <c>2025-H2</c>,
/// <c>2025-Q3</c>, <c>2025-10</c>, <c>2025-10-02</c>. Immutable.
/// </summary>
public readonly record struct FuzzyDate : IComparable<FuzzyDate>
{
    private FuzzyDate(DateOnly start, DatePrecision precision)
    {
        Start = start;
        Precision = precision;
    }

    /// <summary>The first day the date can mean; events sort and filter by it.</summary>
    public DateOnly Start { get; }

    public DatePrecision Precision { get; }

    public int Year => Start.Year;

    /// <summary>The last day the date can mean.</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Year => new DateOnly(Start.Year, 12, 31),
        DatePrecision.Half => Start.AddMonths(6).AddDays(-1),
        DatePrecision.Quarter => Start.AddMonths(3).AddDays(-1),
        DatePrecision.Month => Start.AddMonths(1).AddDays(-1),
        _ => Start,
    };

    public static FuzzyDate OfDay(DateOnly day) => new(day, DatePrecision.Day);

    /// <summary>A date from its first day and precision, as stored; the start must be the first day of its period.</summary>
    public static FuzzyDate FromStart(DateOnly start, DatePrecision precision) => new(start, precision);

    public static FuzzyDate OfMonth(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);

    public static FuzzyDate OfYear(int year) => new(new DateOnly(year, 1, 1), DatePrecision.Year);

    /// <summary>Parses the file form; never throws.</summary>
    /// <example>FuzzyDate.TryParse("2025-Q3", out var d) => true, d.Start == 2025-07-01</example>
    public static bool TryParse(string? text, out FuzzyDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = text.Trim();
        CultureInfo inv = CultureInfo.InvariantCulture;
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, inv, out int year) && ValidYear(year))
        {
            date = OfYear(year);
            return true;
        }

        if (s.Length == 7 && s[4] == '-' && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, inv, out year) && ValidYear(year))
        {
            char tag = char.ToUpperInvariant(s[5]);
            int part = s[6] - '0';
            if (tag == 'Q' && part is >= 1 and <= 4)
            {
                date = new FuzzyDate(new DateOnly(year, ((part - 1) * 3) + 1, 1), DatePrecision.Quarter);
                return true;
            }

            if (tag == 'H' && part is 1 or 2)
            {
                date = new FuzzyDate(new DateOnly(year, part == 1 ? 1 : 7, 1), DatePrecision.Half);
                return true;
            }

            if (int.TryParse(s.AsSpan(5, 2), NumberStyles.None, inv, out int month) && month is >= 1 and <= 12)
            {
                date = OfMonth(year, month);
                return true;
            }

            return false;
        }

        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, DateTimeStyles.None, out DateOnly day) && ValidYear(day.Year))
        {
            date = OfDay(day);
            return true;
        }

        return false;
    }

    public int CompareTo(FuzzyDate other)
    {
        int byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : Precision.CompareTo(other.Precision);
    }

    /// <summary>The file form, which <see cref="TryParse"/> reads back.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Start.Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Half => $"{Start.Year:D4}-H{(Start.Month == 1 ? 1 : 2)}",
        DatePrecision.Quarter => $"{Start.Year:D4}-Q{((Start.Month - 1) / 3) + 1}",
        DatePrecision.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static bool operator <(FuzzyDate left, FuzzyDate right) => left.CompareTo(right) < 0;

    public static bool operator >(FuzzyDate left, FuzzyDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(FuzzyDate left, FuzzyDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FuzzyDate left, FuzzyDate right) => left.CompareTo(right) >= 0;

    private static bool ValidYear(int year) => year is >= 1800 and <= 2200;
}
