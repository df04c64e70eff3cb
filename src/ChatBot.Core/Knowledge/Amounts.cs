using System.Collections.Frozen;
using System.Globalization;

namespace ChatBot.Core.Knowledge;

/// <summary>
/// Money in its original currency, qualified as a newspaper would (<c>about 10 billion USD</c>,
/// <c>up to 100 billion USD</c>, <c>3.7-4 billion USD</c>). Never converted. Immutable.
/// </summary>
/// <param name="Amount">The amount in whole currency units (the lower bound of a range).</param>
/// <param name="Currency">ISO 4217 code, upper case.</param>
/// <param name="Qualifier">Exact, about, up to, more than, at least, or a range.</param>
/// <param name="UpperAmount">The upper bound of a range; null otherwise.</param>
public readonly record struct Money(decimal Amount, string Currency, Qualifier Qualifier = Qualifier.Exact, decimal? UpperAmount = null)
{
    /// <summary>The currencies the knowledge files may use.</summary>
    public static readonly FrozenSet<string> Currencies =
        new[] { "USD", "EUR", "GBP", "CHF", "CAD", "JPY", "CNY", "INR", "KRW", "AED", "SAR" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Parses the file form. On failure <paramref name="error"/> says why, for the admin.</summary>
    public static bool TryParse(string? text, out Money money, out string error)
    {
        money = default;
        if (!AmountGrammar.TryParse(text, out AmountGrammar.Parsed parsed, out error))
        {
            return false;
        }

        if (parsed.Unit.Length == 0)
        {
            error = $"amount '{text}' has no currency (write e.g. '10 billion USD')";
            return false;
        }

        if (!Currencies.Contains(parsed.Unit))
        {
            error = $"unknown currency '{parsed.Unit}' in '{text}' (expected one of {string.Join(", ", Currencies.Order(StringComparer.Ordinal))})";
            return false;
        }

        money = new Money(parsed.Value, parsed.Unit, parsed.Qualifier, parsed.Upper);
        return true;
    }

    /// <summary>The file form, which <see cref="TryParse"/> reads back.</summary>
    public override string ToString() => AmountGrammar.Format(Qualifier, Amount, UpperAmount, Currency);
}

/// <summary>A non-money quantity with its unit: <c>4.5 GW</c>, <c>up to 1 million TPUs</c>. Immutable.</summary>
public readonly record struct Quantity(decimal Value, string Unit, Qualifier Qualifier = Qualifier.Exact, decimal? Upper = null)
{
    public static bool TryParse(string? text, out Quantity quantity, out string error)
    {
        quantity = default;
        if (!AmountGrammar.TryParse(text, out AmountGrammar.Parsed parsed, out error))
        {
            return false;
        }

        if (parsed.Unit.Length == 0)
        {
            error = $"quantity '{text}' has no unit (write e.g. '4.5 GW' or '500000 chips')";
            return false;
        }

        quantity = new Quantity(parsed.Value, parsed.Unit, parsed.Qualifier, parsed.Upper);
        return true;
    }

    public override string ToString() => AmountGrammar.Format(Qualifier, Value, Upper, Unit);
}

/// <summary>A share of a company in percent: <c>27%</c>, <c>about 4%</c>. Immutable.</summary>
public readonly record struct Stake(decimal Percent, Qualifier Qualifier = Qualifier.Exact)
{
    public static bool TryParse(string? text, out Stake stake, out string error)
    {
        stake = default;
        string trimmed = text?.Trim() ?? string.Empty;
        if (!trimmed.EndsWith('%'))
        {
            error = $"stake '{text}' must be a percentage such as '27%'";
            return false;
        }

        if (!AmountGrammar.TryParse(trimmed[..^1] + " %", out AmountGrammar.Parsed parsed, out error))
        {
            return false;
        }

        if (parsed.Value > 100 || parsed.Upper > 100 || parsed.Qualifier == Qualifier.Range)
        {
            error = $"stake '{text}' must be a single percentage from 0 to 100";
            return false;
        }

        stake = new Stake(parsed.Value, parsed.Qualifier);
        return true;
    }

    public override string ToString() => AmountGrammar.Format(Qualifier, Percent, null, string.Empty).TrimEnd() + "%";
}

/// <summary>The shared grammar of amounts: <c>[qualifier] number[-number] [scale] unit</c>.</summary>
internal static class AmountGrammar
{
    private static readonly (string Word, Qualifier Qualifier)[] Qualifiers =
    [
        ("about ", Qualifier.About),
        ("up to ", Qualifier.UpTo),
        ("more than ", Qualifier.MoreThan),
        ("at least ", Qualifier.AtLeast),
    ];

    private static readonly FrozenDictionary<string, decimal> Scales = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1_000m,
        ["million"] = 1_000_000m,
        ["billion"] = 1_000_000_000m,
        ["trillion"] = 1_000_000_000_000m,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public readonly record struct Parsed(Qualifier Qualifier, decimal Value, decimal? Upper, string Unit);

    public static bool TryParse(string? text, out Parsed parsed, out string error)
    {
        parsed = default;
        error = string.Empty;
        string s = text?.Trim() ?? string.Empty;
        if (s.Length == 0)
        {
            error = "amount is empty";
            return false;
        }

        Qualifier qualifier = Qualifier.Exact;
        foreach ((string word, Qualifier q) in Qualifiers)
        {
            if (s.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                qualifier = q;
                s = s[word.Length..].TrimStart();
                break;
            }
        }

        string[] parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            error = $"'{text}' has no number";
            return false;
        }

        string number = parts[0];
        decimal? upper = null;
        int dash = number.IndexOf('-', 1);
        if (dash > 0)
        {
            if (qualifier != Qualifier.Exact)
            {
                error = $"'{text}' is a range and cannot also be qualified";
                return false;
            }

            if (!TryNumber(number[(dash + 1)..], out decimal high))
            {
                error = $"'{number}' is not a number range such as '3.7-4'";
                return false;
            }

            upper = high;
            number = number[..dash];
            qualifier = Qualifier.Range;
        }

        if (number.StartsWith('-'))
        {
            error = $"amount '{text}' is negative; amounts are never negative (write a loss under 'loss:')";
            return false;
        }

        if (!TryNumber(number, out decimal value))
        {
            error = $"'{parts[0]}' in '{text}' is not a number";
            return false;
        }

        int next = 1;
        if (parts.Length > next && Scales.TryGetValue(parts[next], out decimal scale))
        {
            value *= scale;
            upper *= scale;
            next++;
        }

        if (upper is not null && upper <= value)
        {
            error = $"range '{text}' must go from low to high";
            return false;
        }

        parsed = new Parsed(qualifier, value, upper, string.Join(' ', parts.Skip(next)));
        return true;
    }

    public static string Format(Qualifier qualifier, decimal value, decimal? upper, string unit)
    {
        decimal scaleValue = 1m;
        string scaleWord = string.Empty;
        foreach ((string word, decimal factor) in Scales.Where(p => p.Value >= 1_000_000m).OrderByDescending(p => p.Value))
        {
            if (value >= factor && value % (factor / 1000m) == 0 && (upper is null || upper % (factor / 1000m) == 0))
            {
                scaleValue = factor;
                scaleWord = " " + word;
                break;
            }
        }

        string prefix = qualifier switch
        {
            Qualifier.About => "about ",
            Qualifier.UpTo => "up to ",
            Qualifier.MoreThan => "more than ",
            Qualifier.AtLeast => "at least ",
            _ => string.Empty,
        };
        // Every digit is kept (a scaled value has at most three decimals): the file form must read back exactly.
        const string AllDigits = "0.############################";
        string number = (value / scaleValue).ToString(AllDigits, CultureInfo.InvariantCulture);
        if (upper is { } high)
        {
            number += "-" + (high / scaleValue).ToString(AllDigits, CultureInfo.InvariantCulture);
        }

        return unit.Length == 0 ? $"{prefix}{number}{scaleWord}" : $"{prefix}{number}{scaleWord} {unit}";
    }

    /// <summary>Digits with an optional decimal point; thousands may be grouped as <c>200,000</c> or <c>200_000</c>.</summary>
    private static bool TryNumber(string text, out decimal value)
    {
        value = 0;
        string plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (plain.Contains(',', StringComparison.Ordinal))
        {
            string[] groups = plain.Split('.')[0].Split(',');
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }

            plain = plain.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        return plain.Length > 0 && char.IsAsciiDigit(plain[0])
            && decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
