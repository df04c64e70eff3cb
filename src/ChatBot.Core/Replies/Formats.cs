using System.Collections.Frozen;
using System.Globalization;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using Humanizer;

namespace ChatBot.Core.Replies;

/// <summary>
/// Numbers, money, dates and plurals as a newspaper writes them, in English or Dutch. Humanizer does the
/// relative dates and English plurals; money scale words and Dutch plurals are small tables of our own.
/// </summary>
public static class Formats
{
    private static readonly FrozenDictionary<string, string> EnglishSymbols = new Dictionary<string, string>
    {
        ["USD"] = "$",
        ["EUR"] = "€",
        ["GBP"] = "£",
        ["JPY"] = "¥",
        ["CNY"] = "CN¥",
        ["INR"] = "₹",
        ["KRW"] = "₩",
        ["CAD"] = "C$",
        ["CHF"] = "CHF ",
        ["AED"] = "AED ",
        ["SAR"] = "SAR ",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> DutchCurrencyNames = new Dictionary<string, string>
    {
        ["USD"] = "dollar",
        ["EUR"] = "euro",
        ["GBP"] = "pond",
        ["JPY"] = "yen",
        ["CNY"] = "yuan",
        ["INR"] = "roepie",
        ["KRW"] = "won",
        ["CAD"] = "Canadese dollar",
        ["CHF"] = "Zwitserse frank",
        ["AED"] = "dirham",
        ["SAR"] = "riyal",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly (decimal Factor, string English, string Dutch)[] Scales =
    [
        (1_000_000_000_000m, "trillion", "biljoen"),
        (1_000_000_000m, "billion", "miljard"),
        (1_000_000m, "million", "miljoen"),
    ];

    private static readonly string[] EnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] DutchMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    private static readonly FrozenDictionary<string, string> DutchPlurals = new Dictionary<string, string>
    {
        ["deal"] = "deals",
        ["bedrijf"] = "bedrijven",
        ["gebeurtenis"] = "gebeurtenissen",
        ["feit"] = "feiten",
        ["bron"] = "bronnen",
        ["investeerder"] = "investeerders",
        ["partner"] = "partners",
        ["ronde"] = "rondes",
        ["belang"] = "belangen",
        ["investering"] = "investeringen",
        ["vraag"] = "vragen",
        ["maand"] = "maanden",
        ["stap"] = "stappen",
        ["treffer"] = "treffers",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Money as a newspaper writes it.</summary>
    /// <example>
    /// Money(500e9, USD) in English => "$500 billion"; about 10e9 USD => "about $10 billion";
    /// in Dutch => "500 miljard dollar", "ongeveer 10 miljard dollar", 11.7e9 EUR => "11,7 miljard euro"
    /// </example>
    public static string Money(Money money, Language language)
    {
        CultureInfo culture = language.Culture();
        (decimal factor, string english, string dutch) = Scale(money.Amount);
        string number = Number(money.Amount / factor, culture);
        if (money.UpperAmount is { } upper)
        {
            number = language == Language.Dutch
                ? $"{number} tot {Number(upper / factor, culture)}"
                : $"{number}–{Number(upper / factor, culture)}";
        }

        string scale = language == Language.Dutch ? dutch : english;
        string body;
        if (language == Language.Dutch)
        {
            string currency = DutchCurrencyNames.GetValueOrDefault(money.Currency, money.Currency);
            body = scale.Length == 0 ? $"{number} {currency}" : $"{number} {scale} {currency}";
        }
        else
        {
            string symbol = EnglishSymbols.GetValueOrDefault(money.Currency, money.Currency + " ");
            body = scale.Length == 0 ? $"{symbol}{number}" : $"{symbol}{number} {scale}";
        }

        return Qualified(money.Qualifier, body, language);
    }

    /// <summary>A quantity with its unit: "4.5 GW", "up to 1 million TPUs"; Dutch "4,5 GW".</summary>
    public static string Quantity(Quantity quantity, Language language)
    {
        CultureInfo culture = language.Culture();
        (decimal factor, string english, string dutch) = Scale(quantity.Value);
        string number = Number(quantity.Value / factor, culture);
        if (quantity.Upper is { } upper)
        {
            number += (language == Language.Dutch ? " tot " : "–") + Number(upper / factor, culture);
        }

        string scale = language == Language.Dutch ? dutch : english;
        string body = scale.Length == 0 ? $"{number} {quantity.Unit}" : $"{number} {scale} {quantity.Unit}";
        return Qualified(quantity.Qualifier, body, language);
    }

    /// <summary>A stake: "27%", "about 4%"; Dutch "ongeveer 2,9%".</summary>
    public static string Stake(Stake stake, Language language) =>
        Qualified(stake.Qualifier, Number(stake.Percent, language.Culture()) + "%", language);

    /// <summary>A number with at most two decimals, trailing zeros dropped, in the language's notation.</summary>
    public static string Number(decimal value, CultureInfo culture) =>
        Math.Round(value, 2).ToString(value >= 1000 ? "#,##0.##" : "0.##", culture);

    /// <summary>A date at its own precision: "2 Oct 2025", "Oct 2025", "Q3 2025", "2025"; Dutch "2 okt 2025".</summary>
    public static string Date(FuzzyDate date, Language language)
    {
        string[] months = language == Language.Dutch ? DutchMonths : EnglishMonths;
        DateOnly start = date.Start;
        return date.Precision switch
        {
            DatePrecision.Day => $"{start.Day} {months[start.Month - 1]} {start.Year}",
            DatePrecision.Month => $"{months[start.Month - 1]} {start.Year}",
            DatePrecision.Quarter => $"Q{((start.Month - 1) / 3) + 1} {start.Year}",
            DatePrecision.Half => $"H{(start.Month == 1 ? 1 : 2)} {start.Year}",
            _ => start.Year.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A day: "17 Dec 2025"; Dutch "17 dec 2025".</summary>
    public static string Day(DateOnly day, Language language) => Date(FuzzyDate.OfDay(day), language);

    /// <summary>How long ago, relative to the injected today: "2 months ago", "2 maanden geleden".</summary>
    public static string Ago(DateOnly date, DateOnly today, Language language) =>
        date.Humanize(today, language.Culture());

    /// <summary>A count with its noun: "3 deals", "1 company"; Dutch from a small table: "3 bedrijven".</summary>
    public static string Count(int count, string englishNoun, string dutchNoun, Language language)
    {
        if (language == Language.English)
        {
            return englishNoun.ToQuantity(count);
        }

        string noun = count == 1 ? dutchNoun : DutchPlurals.GetValueOrDefault(dutchNoun, dutchNoun);
        return string.Create(CultureInfo.InvariantCulture, $"{count} {noun}");
    }

    /// <summary>A small number in words: "three", Dutch "drie".</summary>
    public static string Words(int count, Language language) => count.ToWords(language.Culture());

    /// <summary>A period of financial figures: "2024", "FY2025", "H1 2025"; Dutch "boekjaar 2025", "1e helft 2025".</summary>
    public static string Period(Knowledge.Period period, Language language) => period.Kind switch
    {
        PeriodKind.FiscalYear => language == Language.Dutch ? $"boekjaar {period.Year}" : $"FY{period.Year}",
        PeriodKind.Half => language == Language.Dutch ? $"{period.Part}e helft {period.Year}" : $"H{period.Part} {period.Year}",
        PeriodKind.Quarter => $"Q{period.Part} {period.Year}",
        _ => period.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Fits text into <paramref name="length"/> characters, cutting at a word boundary with an ellipsis, for platform limits.</summary>
    /// <example>Shorten("OpenAI raised forty billion dollars", 20) => "OpenAI raised forty…"</example>
    public static string Shorten(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= length)
        {
            return text;
        }

        string cut = text.Truncate(length, "…", Truncator.FixedLength);
        if (char.IsWhiteSpace(text[length - 1]))
        {
            return cut[..^1].TrimEnd(',', ';', ':', '—', '-', ' ') + "…";
        }

        int space = cut.LastIndexOf(' ', cut.Length - 2);
        return space > length / 2 ? cut[..space].TrimEnd(',', ';', ':', '—', '-', ' ') + "…" : cut;
    }

    private static string Qualified(Qualifier qualifier, string body, Language language) => (qualifier, language) switch
    {
        (Qualifier.About, Language.Dutch) => "ongeveer " + body,
        (Qualifier.UpTo, Language.Dutch) => "tot " + body,
        (Qualifier.MoreThan, Language.Dutch) => "meer dan " + body,
        (Qualifier.AtLeast, Language.Dutch) => "minstens " + body,
        (Qualifier.About, _) => "about " + body,
        (Qualifier.UpTo, _) => "up to " + body,
        (Qualifier.MoreThan, _) => "more than " + body,
        (Qualifier.AtLeast, _) => "at least " + body,
        _ => body,
    };

    private static (decimal Factor, string English, string Dutch) Scale(decimal amount)
    {
        foreach ((decimal factor, string english, string dutch) scale in Scales)
        {
            if (amount >= scale.factor)
            {
                return scale;
            }
        }

        return (1m, string.Empty, string.Empty);
    }
}
