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
}

/// <summary>A span of days, both ends included.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>
/// A period as the user named it ("this year", "in 2024", "since October", "last quarter", "recent"). Explicit
/// periods are resolved against the injected clock; "recent" against the knowledge's newest event.
/// </summary>
public sealed record TimeFrame(TimeFrameKind Kind, int Year = 0, int Month = 0, int Count = 0)
{
    public static readonly TimeFrame Recent = new(TimeFrameKind.Recent);

    /// <summary>The days the period covers.</summary>
    /// <param name="today">Today, from the injected clock.</param>
    /// <param name="newestEvent">The newest event's date in the knowledge (for "recent"); today when there is none.</param>
    public DateRange Resolve(DateOnly today, DateOnly? newestEvent)
    {
        int quarterStartMonth = ((today.Month - 1) / 3 * 3) + 1;
        DateOnly thisQuarter = new(today.Year, quarterStartMonth, 1);
        DateOnly thisMonth = new(today.Year, today.Month, 1);
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
            _ => new DateRange(DateOnly.MinValue, today),
        };
    }

    private static DateRange LastTwelveMonths(DateOnly end) => new(end.AddMonths(-12).AddDays(1), end);

    private DateOnly SinceStart(DateOnly today)
    {
        if (Month == 0)
        {
            return new DateOnly(Year, 1, 1);
        }

        // "since October" without a year means the latest October that is not in the future.
        int year = Year != 0 ? Year : (Month <= today.Month ? today.Year : today.Year - 1);
        return new DateOnly(year, Month, 1);
    }
}
