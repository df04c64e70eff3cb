using System.Text.RegularExpressions;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Replies;

public class FormatsTests
{
    [Theory]
    [InlineData("500 billion USD", "$500 billion", "500 miljard dollar", "billions")]
    [InlineData("1 trillion USD", "$1 trillion", "1 biljoen dollar", "a trillion is a Dutch biljoen")]
    [InlineData("up to 1 trillion USD", "up to $1 trillion", "tot 1 biljoen dollar", "a ceiling")]
    [InlineData("about 10 billion USD", "about $10 billion", "ongeveer 10 miljard dollar", "about")]
    [InlineData("more than 500 billion USD", "more than $500 billion", "meer dan 500 miljard dollar", "a floor")]
    [InlineData("at least 60 billion USD", "at least $60 billion", "minstens 60 miljard dollar", "an inclusive floor")]
    [InlineData("11.7 billion EUR", "€11.7 billion", "11,7 miljard euro", "euro, decimal comma in Dutch")]
    [InlineData("6.6 billion USD", "$6.6 billion", "6,6 miljard dollar", "decimals")]
    [InlineData("350 million USD", "$350 million", "350 miljoen dollar", "millions")]
    [InlineData("1.4 trillion USD", "$1.4 trillion", "1,4 biljoen dollar", "decimal trillions")]
    [InlineData("3.7-4 billion USD", "$3.7–4 billion", "3,7 tot 4 miljard dollar", "a range")]
    [InlineData("350000 USD", "$350,000", "350.000 dollar", "below a million: the full number, grouped per culture")]
    [InlineData("2 billion GBP", "£2 billion", "2 miljard pond", "pounds")]
    [InlineData("1 billion CHF", "CHF 1 billion", "1 miljard Zwitserse frank", "a currency without a symbol")]
    public void Money_ReadsLikeANewspaper(string amount, string english, string dutch, string why)
    {
        Money money = Some.Money(amount);

        Assert.True(english == Formats.Money(money, Language.English), why);
        Assert.True(dutch == Formats.Money(money, Language.Dutch), why);
    }

    [Fact]
    public void Money_DoesNotDependOnTheAmbientCulture()
    {
        System.Globalization.CultureInfo saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("$6.6 billion", Formats.Money(Some.Money("6.6 billion USD"), Language.English));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("2025-10-02", "2 Oct 2025", "2 okt 2025")]
    [InlineData("2025-10", "Oct 2025", "okt 2025")]
    [InlineData("2025-03", "Mar 2025", "mrt 2025")]
    [InlineData("2025-Q3", "Q3 2025", "Q3 2025")]
    [InlineData("2025", "2025", "2025")]
    public void Date_AtItsPrecision(string text, string english, string dutch)
    {
        Assert.True(FuzzyDate.TryParse(text, out FuzzyDate date));

        Assert.Equal(english, Formats.Date(date, Language.English));
        Assert.Equal(dutch, Formats.Date(date, Language.Dutch));
    }

    [Theory]
    [InlineData("2025-10-01", "2 months ago", "2 maanden geleden")]
    [InlineData("2025-11-26", "7 days ago", "7 dagen geleden")]
    [InlineData("2024-12-01", "one year ago", "1 jaar geleden")]
    public void Ago_RelativeToTheInjectedToday(string date, string english, string dutch)
    {
        DateOnly today = new(2025, 12, 3);
        DateOnly day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(english, Formats.Ago(day, today, Language.English));
        Assert.Equal(dutch, Formats.Ago(day, today, Language.Dutch));
    }

    [Theory]
    [InlineData(1, "deal", "deal", "1 deal", "1 deal")]
    [InlineData(3, "deal", "deal", "3 deals", "3 deals")]
    [InlineData(2, "company", "bedrijf", "2 companies", "2 bedrijven")]
    [InlineData(1, "company", "bedrijf", "1 company", "1 bedrijf")]
    [InlineData(5, "investor", "investeerder", "5 investors", "5 investeerders")]
    [InlineData(4, "event", "gebeurtenis", "4 events", "4 gebeurtenissen")]
    [InlineData(2, "step", "stap", "2 steps", "2 stappen")]
    [InlineData(3, "match", "treffer", "3 matches", "3 treffers")]
    public void Count_PluralsPerLanguage(int count, string english, string dutch, string expectedEnglish, string expectedDutch)
    {
        Assert.Equal(expectedEnglish, Formats.Count(count, english, dutch, Language.English));
        Assert.Equal(expectedDutch, Formats.Count(count, english, dutch, Language.Dutch));
    }

    [Fact]
    public void Count_EveryDutchNounTheRepliesCount_HasItsPlural()
    {
        // Humanizer has no Dutch plurals: a noun missing from the table would read "twee stap" in a reply.
        Regex call = new(@"Count\([^;]*?, ""(?<en>[a-z]+)"", ""(?<nl>[a-z]+)""\)");
        string[] nouns = [.. Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => call.Matches(File.ReadAllText(f)).Select(m => m.Groups["nl"].Value))
            .Distinct(StringComparer.Ordinal)];

        Assert.Contains("stap", nouns);
        Assert.All(nouns, noun => Assert.NotEqual($"2 {noun}", Formats.Count(2, "thing", noun, Language.Dutch)));
    }

    [Theory]
    [InlineData("27%", "27%", "27%")]
    [InlineData("about 2.9%", "about 2.9%", "ongeveer 2,9%")]
    public void Stake_PerLanguage(string text, string english, string dutch)
    {
        Assert.True(Stake.TryParse(text, out Stake stake, out _));

        Assert.Equal(english, Formats.Stake(stake, Language.English));
        Assert.Equal(dutch, Formats.Stake(stake, Language.Dutch));
    }

    [Fact]
    public void Shorten_CutsWithAnEllipsis()
    {
        string shortened = Formats.Shorten("OpenAI raised forty billion dollars", 20);

        Assert.Equal("OpenAI raised forty…", shortened);
    }
}
