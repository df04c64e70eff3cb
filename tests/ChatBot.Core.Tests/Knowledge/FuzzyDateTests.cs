using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Knowledge;

public class FuzzyDateTests
{
    [Theory]
    [InlineData("2025", DatePrecision.Year, "2025-01-01", "2025-12-31", "a year")]
    [InlineData("2025-H2", DatePrecision.Half, "2025-07-01", "2025-12-31", "a half year")]
    [InlineData("2025-Q3", DatePrecision.Quarter, "2025-07-01", "2025-09-30", "a quarter")]
    [InlineData("2025-02", DatePrecision.Month, "2025-02-01", "2025-02-28", "a month, February of a common year")]
    [InlineData("2024-02", DatePrecision.Month, "2024-02-01", "2024-02-29", "February of a leap year")]
    [InlineData("2025-10-02", DatePrecision.Day, "2025-10-02", "2025-10-02", "a day")]
    public void TryParse_Valid(string text, DatePrecision precision, string start, string end, string why)
    {
        Assert.True(FuzzyDate.TryParse(text, out FuzzyDate date), why);
        Assert.Equal(precision, date.Precision);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), date.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), date.End);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2025-13", "month 13")]
    [InlineData("2025-02-30", "30 February")]
    [InlineData("2025-Q5", "quarter 5")]
    [InlineData("25-10-02", "two-digit year")]
    [InlineData("October 2025", "words")]
    [InlineData("", "empty")]
    [InlineData("0999", "a year out of range")]
    public void TryParse_Invalid(string text, string why) => Assert.False(FuzzyDate.TryParse(text, out _), why);

    [Fact]
    public void CompareTo_SameStart_CoarserFirst()
    {
        Assert.True(FuzzyDate.TryParse("2025-10", out FuzzyDate month));
        Assert.True(FuzzyDate.TryParse("2025-10-01", out FuzzyDate day));

        Assert.True(month < day);
    }

    [Theory]
    [InlineData("2024", PeriodKind.CalendarYear, 0)]
    [InlineData("FY2025", PeriodKind.FiscalYear, 0)]
    [InlineData("2025-H1", PeriodKind.Half, 1)]
    [InlineData("2025-Q3", PeriodKind.Quarter, 3)]
    public void PeriodTryParse_Valid(string text, PeriodKind kind, int part)
    {
        Assert.True(Period.TryParse(text, out Period period));
        Assert.Equal(kind, period.Kind);
        Assert.Equal(part, period.Part);
        Assert.Equal(text, period.ToString());
    }

    [Fact]
    public void PeriodTryParse_Month_IsNotAPeriod() => Assert.False(Period.TryParse("2025-03", out _));
}
