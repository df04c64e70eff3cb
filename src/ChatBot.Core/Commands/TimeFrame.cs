namespace ChatBot.Core.Commands;

/// <summary>The kinds of period a user can name.</summary>
public enum TimeFrameKind
{
    /// <summary>The 12 months ending at the knowledge's newest event.</summary>
    Recent,
    ThisYear,
    LastYear,
    Year,
    Since,
    ThisQuarter,
    LastQuarter,
    ThisMonth,
    LastMonth,
    LastMonths,

    /// <summary>A named quarter: <c>Q1 2026</c>, <c>eerste kwartaal 2026</c>.</summary>
    Quarter,

    /// <summary>A named half: <c>H1 2025</c>, <c>first half of 2025</c>.</summary>
    Half,

    /// <summary>A named month: <c>March 2026</c>, <c>in maart</c> (the latest one that is not in the future).</summary>
    Month,
}

/// <summary>A span of days, both ends included.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>Whether the two spans share at least one day.</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => from <= To && to >= From;

    /// <summary>Whole months from a first day: <c>Months(1 Apr 2026, 3)</c> is Q2 2026.</summary>
    public static DateRange Months(DateOnly start, int count) => new(start, start.AddMonths(count).AddDays(-1));
}

/// <summary>
/// A period as the user named it ("this year", "in 2024", "since October", "last quarter", "Q1 2026", "first half
/// of 2025", "March 2026", "recent"). Explicit periods are resolved against the injected clock; "recent" against
/// the knowledge's newest event.
/// </summary>
/// <param name="Kind">What kind of period.</param>
/// <param name="Year">The year of <see cref="TimeFrameKind.Year"/>, <see cref="TimeFrameKind.Quarter"/>, <see cref="TimeFrameKind.Half"/>, <see cref="TimeFrameKind.Month"/> and <see cref="TimeFrameKind.Since"/>; 0 when the user named none.</param>
/// <param name="Month">The month of <see cref="TimeFrameKind.Since"/> and <see cref="TimeFrameKind.Month"/>.</param>
/// <param name="Count">How many months <see cref="TimeFrameKind.LastMonths"/> covers.</param>
/// <param name="Part">The quarter (1–4) or half (1–2).</param>
public sealed record TimeFrame(TimeFrameKind Kind, int Year = 0, int Month = 0, int Count = 0, int Part = 0)
{
    public static readonly TimeFrame Recent = new(TimeFrameKind.Recent);

    /// <summary>Whether the period is one calendar year (<c>2024</c>, <c>last year</c>): the full-year figure answers it.</summary>
    public bool IsWholeYear => Kind is TimeFrameKind.Year or TimeFrameKind.LastYear;

    /// <summary>The days the period covers.</summary>
    /// <param name="today">Today, from the injected clock.</param>
    /// <param name="newestEvent">The newest event's date in the knowledge (for "recent"); today when there is none.</param>
    public DateRange Resolve(DateOnly today, DateOnly? newestEvent)
    {
        int quarterStartMonth = ((today.Month - 1) / 3 * 3) + 1;
        DateOnly thisQuarter = new(today.Year, quarterStartMonth, 1);
        DateOnly thisMonth = new(today.Year, today.Month, 1);
        int year = Year != 0 ? Year : today.Year;
        return Kind switch
        {
            TimeFrameKind.Recent => LastTwelveMonths(newestEvent ?? today),
            TimeFrameKind.ThisYear => new DateRange(new DateOnly(today.Year, 1, 1), today),
            TimeFrameKind.LastYear => new DateRange(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
            TimeFrameKind.Year => new DateRange(new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31)),
            TimeFrameKind.Since => new DateRange(SinceStart(today), today),
            TimeFrameKind.ThisQuarter => new DateRange(thisQuarter, today),
            TimeFrameKind.LastQuarter => new DateRange(thisQuarter.AddMonths(-3), thisQuarter.AddDays(-1)),
            TimeFrameKind.ThisMonth => new DateRange(thisMonth, today),
            TimeFrameKind.LastMonth => new DateRange(thisMonth.AddMonths(-1), thisMonth.AddDays(-1)),
            TimeFrameKind.LastMonths => new DateRange(today.AddMonths(-Count).AddDays(1), today),
            TimeFrameKind.Quarter => DateRange.Months(new DateOnly(year, ((Part - 1) * 3) + 1, 1), 3),
            TimeFrameKind.Half => DateRange.Months(new DateOnly(year, Part == 1 ? 1 : 7, 1), 6),
            TimeFrameKind.Month => DateRange.Months(new DateOnly(Year != 0 ? Year : LatestYearOf(Month, today), Month, 1), 1),
            _ => new DateRange(DateOnly.MinValue, today),
        };
    }

    private static DateRange LastTwelveMonths(DateOnly end) => new(end.AddMonths(-12).AddDays(1), end);

    /// <summary>"March" without a year: the latest March that is not in the future.</summary>
    private static int LatestYearOf(int month, DateOnly today) => month <= today.Month ? today.Year : today.Year - 1;

    private DateOnly SinceStart(DateOnly today)
    {
        if (Month == 0)
        {
            return new DateOnly(Year, 1, 1);
        }

        // "since October" without a year means the latest October that is not in the future.
        return new DateOnly(Year != 0 ? Year : LatestYearOf(Month, today), Month, 1);
    }
}
