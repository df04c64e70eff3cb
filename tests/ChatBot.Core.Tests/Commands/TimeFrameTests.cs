using ChatBot.Core.Commands;

namespace ChatBot.Core.Tests.Commands;

public class TimeFrameTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateOnly Newest = new(2025, 12, 17);

    public static TheoryData<TimeFrame, string, string, string> Frames => new()
    {
        { TimeFrame.Recent, "2024-12-18", "2025-12-17", "recent: the 12 months ending at the newest event, not today" },
        { new TimeFrame(TimeFrameKind.ThisYear), "2026-01-01", "2026-11-26", "this year: up to today" },
        { new TimeFrame(TimeFrameKind.LastYear), "2025-01-01", "2025-12-31", "last year: the whole previous year" },
        { new TimeFrame(TimeFrameKind.Year, 2024), "2024-01-01", "2024-12-31", "an explicit year" },
        { new TimeFrame(TimeFrameKind.Since, 0, 10), "2026-10-01", "2026-11-26", "since October: this year's October, already past" },
        { new TimeFrame(TimeFrameKind.Since, 0, 12), "2025-12-01", "2026-11-26", "since December: last year's, this year's is in the future" },
        { new TimeFrame(TimeFrameKind.Since, 2025, 3), "2025-03-01", "2026-11-26", "since a month and year" },
        { new TimeFrame(TimeFrameKind.ThisQuarter), "2026-10-01", "2026-11-26", "this quarter" },
        { new TimeFrame(TimeFrameKind.LastQuarter), "2026-07-01", "2026-09-30", "last quarter" },
        { new TimeFrame(TimeFrameKind.LastMonth), "2026-10-01", "2026-10-31", "last month" },
        { new TimeFrame(TimeFrameKind.LastMonths, Count: 6), "2026-05-27", "2026-11-26", "the last 6 months" },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Resolve_AgainstClockAndKnowledge(TimeFrame frame, string from, string to, string why)
    {
        DateRange range = frame.Resolve(Today, Newest);

        Assert.True(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture) == range.From, $"{why}: from {range.From}");
        Assert.True(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) == range.To, $"{why}: to {range.To}");
    }
}
