using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Tests.Knowledge;

public class AmountsTests
{
    [Theory]
    [InlineData("40 billion USD", "40000000000", "USD", Qualifier.Exact, null, "plain amount with scale")]
    [InlineData("about 10 billion USD", "10000000000", "USD", Qualifier.About, null, "about")]
    [InlineData("up to 100 billion USD", "100000000000", "USD", Qualifier.UpTo, null, "a ceiling")]
    [InlineData("more than 500 billion USD", "500000000000", "USD", Qualifier.MoreThan, null, "a floor")]
    [InlineData("at least 60 billion USD", "60000000000", "USD", Qualifier.AtLeast, null, "an inclusive floor")]
    [InlineData("3.7-4 billion USD", "3700000000", "USD", Qualifier.Range, "4000000000", "a range scales both ends")]
    [InlineData("600 million EUR", "600000000", "EUR", Qualifier.Exact, null, "another currency, kept as is")]
    [InlineData("1.25 trillion USD", "1250000000000", "USD", Qualifier.Exact, null, "trillion with decimals")]
    [InlineData("350000 USD", "350000", "USD", Qualifier.Exact, null, "no scale word")]
    [InlineData("200,000 USD", "200000", "USD", Qualifier.Exact, null, "thousands grouped with commas")]
    [InlineData("1_000 USD", "1000", "USD", Qualifier.Exact, null, "thousands grouped with underscores")]
    [InlineData("About 5 Billion USD", "5000000000", "USD", Qualifier.About, null, "case of words does not matter")]
    public void MoneyTryParse_Valid(string text, string amount, string currency, Qualifier qualifier, string? upper, string why)
    {
        Assert.True(Money.TryParse(text, out Money money, out string error), $"{why}: {error}");
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(currency, money.Currency);
        Assert.Equal(qualifier, money.Qualifier);
        Assert.Equal(upper is null ? null : decimal.Parse(upper, System.Globalization.CultureInfo.InvariantCulture), money.UpperAmount);
    }

    [Theory]
    [InlineData("40 billion", "amount '40 billion' has no currency (write e.g. '10 billion USD')", "unit-less")]
    [InlineData("40 billion BTC", "unknown currency 'BTC' in '40 billion BTC' (expected one of AED, CAD, CHF, CNY, EUR, GBP, INR, JPY, KRW, SAR, USD)", "unknown currency")]
    [InlineData("-5 billion USD", "amount '-5 billion USD' is negative; amounts are never negative (write a loss under 'loss:')", "negative")]
    [InlineData("lots USD", "'lots' in 'lots USD' is not a number", "not a number")]
    [InlineData("4-3 billion USD", "range '4-3 billion USD' must go from low to high", "reversed range")]
    [InlineData("about 3-4 billion USD", "'about 3-4 billion USD' is a range and cannot also be qualified", "qualified range")]
    [InlineData("20,00 USD", "'20,00' in '20,00 USD' is not a number", "a decimal comma is not a thousands group")]
    [InlineData("", "amount is empty", "empty")]
    public void MoneyTryParse_Invalid_SaysWhy(string text, string message, string why)
    {
        Assert.False(Money.TryParse(text, out _, out string error), why);
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("40 billion USD")]
    [InlineData("about 10 billion USD")]
    [InlineData("3.7-4 billion USD")]
    [InlineData("600 million EUR")]
    [InlineData("350000 USD")]
    [InlineData("5.83 billion USD")]
    public void MoneyToString_RoundTrips(string text)
    {
        Assert.True(Money.TryParse(text, out Money money, out _));
        Assert.True(Money.TryParse(money.ToString(), out Money again, out _));
        Assert.Equal(money, again);
        Assert.Equal(text, money.ToString());
    }

    [Theory]
    [InlineData("4.5 GW", "4.5", "GW", "decimal with unit")]
    [InlineData("up to 1 million TPUs", "1000000", "TPUs", "qualifier and scale")]
    [InlineData("166 million shares", "166000000", "shares", "shares")]
    public void QuantityTryParse_Valid(string text, string value, string unit, string why)
    {
        Assert.True(Quantity.TryParse(text, out Quantity quantity, out string error), $"{why}: {error}");
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), quantity.Value);
        Assert.Equal(unit, quantity.Unit);
    }

    [Fact]
    public void QuantityTryParse_WithoutUnit_Fails()
    {
        Assert.False(Quantity.TryParse("4.5", out _, out string error));
        Assert.Equal("quantity '4.5' has no unit (write e.g. '4.5 GW' or '500000 chips')", error);
    }

    [Theory]
    [InlineData("27%", "27", Qualifier.Exact)]
    [InlineData("about 27%", "27", Qualifier.About)]
    [InlineData("2.9%", "2.9", Qualifier.Exact)]
    public void StakeTryParse_Valid(string text, string percent, Qualifier qualifier)
    {
        Assert.True(Stake.TryParse(text, out Stake stake, out _));
        Assert.Equal(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), stake.Percent);
        Assert.Equal(qualifier, stake.Qualifier);
        Assert.Equal(text, stake.ToString());
    }

    [Theory]
    [InlineData("27", "stake '27' must be a percentage such as '27%'", "no percent sign")]
    [InlineData("120%", "stake '120%' must be a single percentage from 0 to 100", "over 100")]
    public void StakeTryParse_Invalid(string text, string message, string why)
    {
        Assert.False(Stake.TryParse(text, out _, out string error), why);
        Assert.Equal(message, error);
    }
}
