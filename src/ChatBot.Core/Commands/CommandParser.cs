using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Commands;

/// <summary>
/// Turns what a user said into a <see cref="Command"/>: slash commands (<c>/valuation OpenAI</c>), typed
/// commands (<c>valuation OpenAI</c>), structured commands with options, and free questions in English and
/// Dutch (<c>What is OpenAI worth?</c>, <c>Hoeveel is OpenAI waard?</c>). Pure; never throws on user input.
/// </summary>
public static class CommandParser
{
    private static readonly ImmutableDictionary<string, string> VerbAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["valuation"] = "valuation",
        ["value"] = "valuation",
        ["worth"] = "valuation",
        ["waardering"] = "valuation",
        ["deals"] = "deals",
        ["deal"] = "deals",
        ["partners"] = "partners",
        ["investors"] = "investors",
        ["investeerders"] = "investors",
        ["portfolio"] = "portfolio",
        ["portefeuille"] = "portfolio",
        ["financials"] = "financials",
        ["financien"] = "financials",
        ["cijfers"] = "financials",
        ["company"] = "company",
        ["profile"] = "company",
        ["bedrijf"] = "company",
        ["compare"] = "compare",
        ["vergelijk"] = "compare",
        ["search"] = "search",
        ["zoek"] = "search",
        ["help"] = "help",
        ["hulp"] = "help",
        ["about"] = "about",
        ["ask"] = "ask",
        ["vraag"] = "ask",
        ["admin"] = "admin",
        ["beheer"] = "admin",
        ["watch"] = "watch",
        ["volg"] = "watch",
        ["unwatch"] = "unwatch",
        ["ontvolg"] = "unwatch",
        ["watches"] = "watches",
        ["gevolgd"] = "watches",
        ["feedback"] = "feedback",
        ["opmerking"] = "feedback",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The operation verbs (admin, watches, feedback), in both languages.</summary>
    private static readonly FrozenSet<string> OperationVerbs = VerbAliases
        .Where(p => p.Value is "admin" or "watch" or "unwatch" or "watches" or "feedback")
        .Select(p => p.Key)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether an utterance may be an operation (admin, watch, feedback): a cheap look at its first word, so the
    /// engine's fast path for questions never parses twice.
    /// </summary>
    public static bool MayBeOperation(Utterance utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        if (utterance.CommandName is { } name)
        {
            return OperationVerbs.Contains(name.Trim().TrimStart('/').ToLowerInvariant());
        }

        ReadOnlySpan<char> text = utterance.Text.AsSpan().TrimStart().TrimStart("/!");
        int end = text.IndexOfAny(' ', '\t');
        string first = (end < 0 ? text : text[..end]).ToString().ToLowerInvariant();
        return OperationVerbs.Contains(first);
    }

    /// <summary>Parses an utterance against the companies of a snapshot.</summary>
    public static ParseResult Parse(Utterance utterance, CompanyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        ArgumentNullException.ThrowIfNull(directory);
        return utterance.CommandName is { } name
            ? ParseStructured(name, utterance.Options, directory)
            : Parse(utterance.Text, directory);
    }

    /// <summary>Parses free text or a typed command.</summary>
    public static ParseResult Parse(string? text, CompanyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string input = Clean(text);
        if (input.Length == 0)
        {
            return ParseResult.Fail(ParseFailure.Empty, null);
        }

        List<Token> tokens = Tokenize(input);
        Language? language = DetectLanguage(tokens);
        bool slash = input[0] is '/' or '!';
        string first = tokens.Count > 0 ? tokens[0].Lower.TrimStart('/', '!') : string.Empty;
        if (VerbAliases.TryGetValue(first, out string? verb) && (slash || IsEnglishVerb(first) || tokens.Count == 1 || OperationVerbs.Contains(first)))
        {
            string rest = RestAfterFirstWord(input);
            if (ParseOperation(verb, rest, language, directory) is { } operation)
            {
                return operation;
            }

            language = DetectLanguage(tokens.Skip(1).ToList());
            return verb == "ask" ? Parse(rest, directory) : ParseVerb(verb, rest, tokens.Skip(1).ToList(), language, directory);
        }

        if (slash)
        {
            return ParseResult.Fail(ParseFailure.BadCommand, language, detail: first);
        }

        return ParseQuestion(tokens, language, directory);
    }

    /// <summary>Admin commands, watches and feedback; null for every other verb.</summary>
    private static ParseResult? ParseOperation(string verb, string rest, Language? language, CompanyDirectory directory)
    {
        string argument = rest.Trim();
        switch (verb)
        {
            case "admin":
                string[] words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                AdminAction? action = words.Length == 0 ? AdminAction.Status : words[0].ToLowerInvariant() switch
                {
                    "status" => AdminAction.Status,
                    "reload" or "herlaad" => AdminAction.Reload,
                    "history" or "geschiedenis" => AdminAction.History,
                    "rollback" or "terugdraaien" => AdminAction.Rollback,
                    "unanswered" or "onbeantwoord" => AdminAction.Unanswered,
                    "feedback" => AdminAction.Feedback,
                    _ => null,
                };
                if (action is null)
                {
                    return ParseResult.Fail(ParseFailure.BadCommand, language, "admin", detail: "action");
                }

                if (action == AdminAction.Rollback)
                {
                    return words.Length == 2 && int.TryParse(words[1].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out int revision) && revision > 0
                        ? ParseResult.Ok(new AdminCommand(AdminAction.Rollback, revision), language)
                        : ParseResult.Fail(ParseFailure.BadCommand, language, "admin", detail: "revision");
                }

                return ParseResult.Ok(new AdminCommand(action.Value), language);
            case "watch" or "unwatch":
                if (argument.Length == 0)
                {
                    return ParseResult.Fail(ParseFailure.MissingCompany, language, verb);
                }

                CompanyArg? company = Resolve(argument, directory);
                return company?.Id is null
                    ? ParseResult.Fail(ParseFailure.UnknownCompany, language, verb, unknownName: argument)
                    : ParseResult.Ok(new WatchCommand(company, verb == "watch"), language);
            case "watches":
                return ParseResult.Ok(new WatchesCommand(), language);
            case "feedback":
                return argument.Length == 0
                    ? ParseResult.Fail(ParseFailure.BadCommand, language, "feedback", detail: "text")
                    : ParseResult.Ok(new FeedbackCommand(argument.Length > 1000 ? argument[..1000] : argument), language);
            default:
                return null;
        }
    }

    private static bool IsEnglishVerb(string word) =>
        word is "valuation" or "deals" or "partners" or "investors" or "portfolio" or "financials" or "company"
            or "compare" or "search" or "help" or "about";

    private static ParseResult ParseStructured(string name, ImmutableDictionary<string, string> options, CompanyDirectory directory)
    {
        string verb = name.Trim().TrimStart('/').ToLowerInvariant();
        if (verb == "ask")
        {
            return Parse(options.GetValueOrDefault("question") ?? options.GetValueOrDefault("text") ?? string.Empty, directory);
        }

        if (!VerbAliases.TryGetValue(verb, out string? intent))
        {
            return ParseResult.Fail(ParseFailure.BadCommand, null, detail: name);
        }

        string operationText = intent switch
        {
            "admin" => $"{options.GetValueOrDefault("action")} {options.GetValueOrDefault("revision")}",
            "watch" or "unwatch" => options.GetValueOrDefault("company") ?? string.Empty,
            "feedback" => options.GetValueOrDefault("text") ?? string.Empty,
            _ => string.Empty,
        };
        if (ParseOperation(intent, operationText, null, directory) is { } structured)
        {
            return structured;
        }

        CompanyArg? company = Resolve(options.GetValueOrDefault("company") ?? options.GetValueOrDefault("investor"), directory);
        TimeFrame? period = null;
        if (options.TryGetValue("period", out string? periodText) && !string.IsNullOrWhiteSpace(periodText))
        {
            period = ParsePeriod(Tokenize(Clean(periodText)));
            if (period is null)
            {
                return ParseResult.Fail(ParseFailure.BadCommand, null, intent, detail: "period");
            }
        }

        DealType? type = null;
        if (options.TryGetValue("type", out string? typeText) && !string.IsNullOrWhiteSpace(typeText))
        {
            type = ParseDealType(Tokenize(Clean(typeText)));
            if (type is null && !Enum.TryParse(typeText, ignoreCase: true, out DealType parsed))
            {
                return ParseResult.Fail(ParseFailure.BadCommand, null, intent, detail: "type");
            }

            type ??= Enum.Parse<DealType>(typeText, ignoreCase: true);
        }

        return intent switch
        {
            "deals" => ParseResult.Ok(new DealsCommand(company, period, type), null),
            "compare" => Build(intent, [company, Resolve(options.GetValueOrDefault("other") ?? options.GetValueOrDefault("company2"), directory)], null, period, type, null),
            "search" => ParseResult.Ok(new SearchCommand((options.GetValueOrDefault("text") ?? options.GetValueOrDefault("query") ?? string.Empty).Trim()), null),
            "help" => ParseResult.Ok(new HelpCommand(options.GetValueOrDefault("command") ?? options.GetValueOrDefault("topic")), null),
            "about" => ParseResult.Ok(new AboutCommand(), null),
            "partners" => Build(intent, [company], null, period, type, null, ParsePartnerKind(options.GetValueOrDefault("kind"))),
            _ => Build(intent, [company], null, period, type, null),
        };
    }

    private static ParseResult ParseVerb(string verb, string rest, List<Token> tokens, Language? language, CompanyDirectory directory)
    {
        switch (verb)
        {
            case "help":
                string topic = rest.Trim().TrimStart('/');
                return ParseResult.Ok(new HelpCommand(topic.Length == 0 ? null : topic.ToLowerInvariant()), language);
            case "about":
                return ParseResult.Ok(new AboutCommand(), language);
            case "search":
                return rest.Trim().Length == 0
                    ? ParseResult.Fail(ParseFailure.BadCommand, language, verb, detail: "text")
                    : ParseResult.Ok(new SearchCommand(rest.Trim()), language);
        }

        Mentions mentions = FindCompanies(tokens, directory);
        TimeFrame? period = ParsePeriod(tokens);
        DealType? type = ParseDealType(tokens);
        PartnerKind kind = tokens.Any(t => Vocabulary.Cloud.Contains(t.Lower)) ? PartnerKind.Cloud
            : tokens.Any(t => Vocabulary.Chips.Contains(t.Lower)) ? PartnerKind.Chips : PartnerKind.All;
        List<CompanyArg?> companies = [.. mentions.Companies];
        if (verb != "compare")
        {
            // A typed command's argument is one company name: "OpenAI Labs Inc" is not OpenAI. Words we know
            // (periods, deal types, "please") may stand beside the name; anything else makes it a name we don't know.
            string name = Leftover(tokens, []);
            string unknown = string.Join(' ', tokens.Where(t => !mentions.UsedTokens.Contains(t.Index) && !IsPeriodOrTypeWord(t.Lower) && !Vocabulary.NeverCompanies.Contains(t.Lower)).Select(t => t.Text));
            if (name.Length > 0 && (companies.Count != 1 || unknown.Length > 0))
            {
                Company? whole = directory.Find(name);
                companies = [new CompanyArg(name, whole?.Id)];
            }
        }

        return Build(verb, companies, language, period, type, Focus(tokens), kind);
    }

    private static ParseResult ParseQuestion(List<Token> tokens, Language? language, CompanyDirectory directory)
    {
        Mentions mentions = FindCompanies(tokens, directory);
        ImmutableArray<CompanyArg> companies = mentions.Companies;
        TimeFrame? period = ParsePeriod(tokens);
        DealType? type = ParseDealType(tokens);
        bool Has(IReadOnlySet<string> words) => tokens.Any(t => words.Contains(t.Lower));

        string? intent = null;
        if (Has(Vocabulary.Help) && companies.IsEmpty)
        {
            intent = "help";
        }
        else if (Has(Vocabulary.Compare) || (companies.Length >= 2 && tokens.Any(t => t.Lower is "or" or "of") && Has(Vocabulary.Valuation) is false && Has(Vocabulary.Deals) is false))
        {
            intent = companies.Length >= 2 || Has(Vocabulary.Compare) ? "compare" : null;
        }

        if (intent is null)
        {
            if (Has(Vocabulary.Financials) && !Has(Vocabulary.Funding))
            {
                intent = "financials";
            }
            else if (Has(Vocabulary.Valuation) && !Has(Vocabulary.Deals))
            {
                intent = "valuation";
            }
            else if (Has(Vocabulary.Partners) || (Has(Vocabulary.Cloud) && !Has(Vocabulary.Deals) && !Has(Vocabulary.Invest)) || (Has(Vocabulary.Chips) && !Has(Vocabulary.Deals) && !Has(Vocabulary.Invest)))
            {
                intent = "partners";
            }
            else if (Has(Vocabulary.Investors) || (Has(Vocabulary.Invest) && Has(Vocabulary.Who)) || Has(Vocabulary.Portfolio) || Has(Vocabulary.Invest))
            {
                intent = Has(Vocabulary.Portfolio) || (!Has(Vocabulary.Investors) && !Has(Vocabulary.Who) && InvestorIsSubject(tokens, mentions))
                    ? "portfolio"
                    : "investors";
            }
            else if (Has(Vocabulary.Deals) || type is not null || (Has(Vocabulary.Recent) && companies.IsEmpty) || (period is not null && Has(Vocabulary.Ipo)))
            {
                intent = "deals";
            }
            else if (Has(Vocabulary.Search))
            {
                string text = string.Join(' ', tokens.Where(t => !Vocabulary.Search.Contains(t.Lower)).Select(t => t.Text));
                return text.Length == 0
                    ? ParseResult.Fail(ParseFailure.BadCommand, language, "search", detail: "text")
                    : ParseResult.Ok(new SearchCommand(text), language);
            }
            else if (Has(Vocabulary.About) && companies.IsEmpty && tokens.Count <= 4)
            {
                intent = "about";
            }
            else if (!companies.IsEmpty)
            {
                intent = period is not null ? "deals" : "company";
            }
        }

        if (intent is null)
        {
            return ParseResult.Fail(ParseFailure.UnknownIntent, language);
        }

        if (intent is "help")
        {
            return ParseResult.Ok(new HelpCommand(null), language);
        }

        if (intent is "about")
        {
            return ParseResult.Ok(new AboutCommand(), language);
        }

        List<CompanyArg?> args = [.. companies];
        if (args.Count == 0 && intent != "deals")
        {
            string leftover = CandidateName(tokens, mentions.UsedTokens);
            if (leftover.Length > 0)
            {
                args.Add(new CompanyArg(leftover, null));
            }
        }

        PartnerKind kind = Has(Vocabulary.Cloud) ? PartnerKind.Cloud : Has(Vocabulary.Chips) ? PartnerKind.Chips : PartnerKind.All;
        return Build(intent, args, language, period, type, Focus(tokens), kind);
    }

    /// <summary>"What did Nvidia invest in?": the named company is the investor, not the one invested in.</summary>
    private static bool InvestorIsSubject(List<Token> tokens, Mentions mentions)
    {
        if (mentions.Companies.IsEmpty)
        {
            return false;
        }

        bool asksWhat = tokens.Any(t => Vocabulary.WhatWhere.Contains(t.Lower));
        bool endsWithIn = tokens.Count > 0 && tokens[^1].Lower is "in";
        bool inBeforeCompany = tokens.Any(t => t.Lower == "in" && mentions.UsedTokens.Contains(t.Index + 1));
        return asksWhat && (endsWithIn || !inBeforeCompany);
    }

    private static ParseResult Build(string intent, List<CompanyArg?> companies, Language? language, TimeFrame? period, DealType? type, FinancialMetric? focus, PartnerKind kind = PartnerKind.All)
    {
        CompanyArg? first = companies.Count > 0 ? companies[0] : null;
        if (intent == "deals")
        {
            return first is { IsKnown: false }
                ? ParseResult.Fail(ParseFailure.UnknownCompany, language, intent, first.Text)
                : ParseResult.Ok(new DealsCommand(first, period, type), language);
        }

        if (first is null)
        {
            return ParseResult.Fail(ParseFailure.MissingCompany, language, intent);
        }

        if (!first.IsKnown)
        {
            return ParseResult.Fail(ParseFailure.UnknownCompany, language, intent, first.Text);
        }

        if (intent == "compare")
        {
            CompanyArg? second = companies.Count > 1 ? companies[1] : null;
            if (second is null)
            {
                return ParseResult.Fail(ParseFailure.MissingCompany, language, intent);
            }

            return second.IsKnown
                ? ParseResult.Ok(new CompareCommand(first, second), language)
                : ParseResult.Fail(ParseFailure.UnknownCompany, language, intent, second.Text);
        }

        Command command = intent switch
        {
            "valuation" => new ValuationCommand(first),
            "partners" => new PartnersCommand(first, kind),
            "investors" => new InvestorsCommand(first),
            "portfolio" => new PortfolioCommand(first),
            "financials" => new FinancialsCommand(first, period, focus),
            _ => new CompanyCommand(first),
        };
        return ParseResult.Ok(command, language);
    }

    private static CompanyArg? Resolve(string? text, CompanyDirectory directory)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string trimmed = text.Trim();
        return new CompanyArg(trimmed, directory.Find(trimmed)?.Id);
    }

    /// <summary>Finds company names in the tokens: longest phrases first, exact names, then single words with a typo.</summary>
    internal static Mentions FindCompanies(List<Token> tokens, CompanyDirectory directory)
    {
        List<(int Position, CompanyArg Arg)> found = [];
        HashSet<int> used = [];
        int longest = Math.Min(4, Math.Max(1, directory.LongestKeyWords));
        for (int length = longest; length >= 1; length--)
        {
            for (int start = 0; start + length <= tokens.Count; start++)
            {
                if (Enumerable.Range(start, length).Any(used.Contains))
                {
                    continue;
                }

                string phrase = string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Text));
                if (length == 1 && Vocabulary.NeverCompanies.Contains(tokens[start].Lower))
                {
                    continue;
                }

                Company? company = directory.FindExact(phrase);
                if (company is not null)
                {
                    found.Add((start, new CompanyArg(phrase, company.Id)));
                    used.UnionWith(Enumerable.Range(start, length));
                }
            }
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            Token token = tokens[i];
            if (used.Contains(i) || Vocabulary.NeverCompanies.Contains(token.Lower) || CompanyDirectory.Normalize(token.Text).Length < 5)
            {
                continue;
            }

            Company? company = directory.Find(token.Text);
            if (company is not null)
            {
                found.Add((i, new CompanyArg(token.Text, company.Id)));
                used.Add(i);
            }
        }

        ImmutableArray<CompanyArg> ordered = [.. found
            .OrderBy(f => f.Position)
            .Select(f => f.Arg)
            .DistinctBy(a => a.Id)];
        return new Mentions(ordered, [.. used]);
    }

    /// <summary>The words of a question that may be an unknown company's name ("What is Foobar worth?" → Foobar).</summary>
    private static string CandidateName(List<Token> tokens, ImmutableHashSet<int> used)
    {
        IEnumerable<Token> candidates = tokens.Where(t => !used.Contains(t.Index)
            && !Vocabulary.NeverCompanies.Contains(t.Lower)
            && !IsNumber(t.Lower)
            && t.Lower.Any(char.IsLetter));
        return string.Join(' ', candidates.Select(t => t.Text.TrimEnd('\'', 's').Length > 1 && t.Text.EndsWith("'s", StringComparison.Ordinal) ? t.Text[..^2] : t.Text));
    }

    private static string Leftover(List<Token> tokens, ImmutableHashSet<int> used) =>
        string.Join(' ', tokens.Where(t => !used.Contains(t.Index) && !IsPeriodOrTypeWord(t.Lower)).Select(t => t.Text));

    private static bool IsPeriodOrTypeWord(string word) =>
        Vocabulary.Months.ContainsKey(word) || IsNumber(word) || Vocabulary.Recent.Contains(word)
        || word is "this" or "last" or "year" or "since" or "in" or "quarter" or "month" or "months" or "past"
            or "dit" or "vorig" or "vorige" or "jaar" or "sinds" or "kwartaal" or "maand" or "maanden" or "afgelopen" or "deze"
        || Vocabulary.Funding.Contains(word) || Vocabulary.Acquisitions.Contains(word) || Vocabulary.Cloud.Contains(word)
        || Vocabulary.Chips.Contains(word) || Vocabulary.Ipo.Contains(word) || Vocabulary.Partners.Contains(word)
        || Vocabulary.Invest.Contains(word) || Vocabulary.Infrastructure.Contains(word);

    private static FinancialMetric? Focus(List<Token> tokens)
    {
        foreach (Token t in tokens)
        {
            switch (t.Lower)
            {
                case "lose" or "lost" or "loses" or "loss" or "losses" or "verlies" or "verliezen" or "verloor" or "verloren":
                    return FinancialMetric.Loss;
                case "spend" or "spent" or "spends" or "spending" or "uitgaven" or "uitgegeven" or "uitgeven" or "gaf" or "costs" or "cost" or "kosten":
                    return FinancialMetric.Spending;
                case "revenue" or "revenues" or "sales" or "omzet" or "inkomsten" or "income":
                    return FinancialMetric.Revenue;
                case "profit" or "profits" or "winst":
                    return FinancialMetric.Profit;
                case "burn" or "burned" or "burnt":
                    return FinancialMetric.CashBurn;
                case "run-rate":
                    return FinancialMetric.RunRate;
            }
        }

        return null;
    }

    private static PartnerKind ParsePartnerKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "cloud" => PartnerKind.Cloud,
        "chips" or "chip" => PartnerKind.Chips,
        _ => PartnerKind.All,
    };

    internal static DealType? ParseDealType(List<Token> tokens)
    {
        bool Has(IReadOnlySet<string> words) => tokens.Any(t => words.Contains(t.Lower));
        if (Has(Vocabulary.Ipo) && !tokens.Any(t => t.Lower == "public" && tokens.All(u => u.Lower is not ("go" or "going" or "went"))))
        {
            return DealType.Ipo;
        }

        if (Has(Vocabulary.Funding))
        {
            return DealType.Funding;
        }

        if (Has(Vocabulary.Acquisitions))
        {
            return DealType.Acquisition;
        }

        if (Has(Vocabulary.Chips))
        {
            return DealType.Chips;
        }

        if (Has(Vocabulary.Cloud))
        {
            return DealType.Cloud;
        }

        if (Has(Vocabulary.Infrastructure))
        {
            return DealType.Infrastructure;
        }

        if (tokens.Any(t => t.Lower is "partnership" or "partnerships" or "partnerschappen" or "samenwerkingen"))
        {
            return DealType.Partnership;
        }

        if (tokens.Any(t => t.Lower is "investments" or "investeringen"))
        {
            return DealType.Investment;
        }

        return null;
    }

    /// <summary>Reads a period: "this year", "in 2024", "since October", "last quarter", "afgelopen 6 maanden", "recent".</summary>
    internal static TimeFrame? ParsePeriod(List<Token> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            string w = tokens[i].Lower;
            string next = i + 1 < tokens.Count ? tokens[i + 1].Lower : string.Empty;
            string next2 = i + 2 < tokens.Count ? tokens[i + 2].Lower : string.Empty;
            switch (w)
            {
                case "this" or "dit" or "deze" or "current" or "huidige":
                    if (next is "year" or "jaar")
                    {
                        return new TimeFrame(TimeFrameKind.ThisYear);
                    }

                    if (next is "quarter" or "kwartaal")
                    {
                        return new TimeFrame(TimeFrameKind.ThisQuarter);
                    }

                    if (next is "month" or "maand")
                    {
                        return new TimeFrame(TimeFrameKind.ThisMonth);
                    }

                    break;
                case "last" or "vorig" or "vorige" or "past" or "previous" or "afgelopen":
                    if (int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 120 && next2 is "months" or "maanden" or "month" or "maand")
                    {
                        return new TimeFrame(TimeFrameKind.LastMonths, Count: n);
                    }

                    if (next is "year" or "jaar")
                    {
                        return w is "past" or "afgelopen" ? new TimeFrame(TimeFrameKind.LastMonths, Count: 12) : new TimeFrame(TimeFrameKind.LastYear);
                    }

                    if (next is "quarter" or "kwartaal")
                    {
                        return new TimeFrame(TimeFrameKind.LastQuarter);
                    }

                    if (next is "month" or "maand")
                    {
                        return new TimeFrame(TimeFrameKind.LastMonth);
                    }

                    if (next is "12" && next2 is "months" or "maanden")
                    {
                        return new TimeFrame(TimeFrameKind.LastMonths, Count: 12);
                    }

                    break;
                case "since" or "sinds" or "from" or "vanaf":
                    if (Vocabulary.Months.TryGetValue(next, out int month))
                    {
                        int year = TryYear(next2) ?? 0;
                        return new TimeFrame(TimeFrameKind.Since, year, month);
                    }

                    if (TryYear(next) is { } sinceYear)
                    {
                        return new TimeFrame(TimeFrameKind.Since, sinceYear);
                    }

                    break;
            }

            if (TryYear(w) is { } bare && (i == 0 || tokens[i - 1].Lower is not ("since" or "sinds" or "from" or "vanaf")))
            {
                return new TimeFrame(TimeFrameKind.Year, bare);
            }
        }

        return tokens.Any(t => Vocabulary.Recent.Contains(t.Lower)) ? TimeFrame.Recent : null;
    }

    private static int? TryYear(string word) =>
        word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1990 and <= 2100 ? year : null;

    private static bool IsNumber(string word) => word.All(c => char.IsDigit(c) || c is '.' or ',');

    /// <summary>English or Dutch by marker words; null when the text gives no cue (<c>/valuation OpenAI</c>).</summary>
    internal static Language? DetectLanguage(List<Token> tokens)
    {
        int english = 0;
        int dutch = 0;
        foreach (Token token in tokens)
        {
            bool en = Vocabulary.EnglishMarkers.Contains(token.Lower);
            bool nl = Vocabulary.DutchMarkers.Contains(token.Lower);
            if (en && !nl)
            {
                english++;
            }
            else if (nl && !en)
            {
                dutch++;
            }
        }

        return dutch > english ? Language.Dutch : english > dutch ? Language.English : null;
    }

    private static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        StringBuilder builder = new(text.Length);
        foreach (char c in text.Trim())
        {
            builder.Append(c switch
            {
                '’' or '‘' or '`' => '\'',
                '“' or '”' => '"',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }

        return builder.ToString().Trim();
    }

    private static string RestAfterFirstWord(string input)
    {
        int space = input.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? string.Empty : input[(space + 1)..].Trim();
    }

    /// <summary>Splits into words, keeping inner apostrophes, dots and hyphens (<c>OpenAI's</c>, <c>X.AI</c>, <c>run-rate</c>).</summary>
    internal static List<Token> Tokenize(string input)
    {
        List<Token> tokens = [];
        void Add(string word) => tokens.Add(new Token(word, word.ToLowerInvariant(), tokens.Count));

        foreach (string raw in input.Split([' ', '\t', ',', ';', '?', '!', '(', ')', '"', ':', '&', '+'], StringSplitOptions.RemoveEmptyEntries))
        {
            string word = raw.Trim('.', '\'', '-');
            if (raw.StartsWith('/') || raw.StartsWith('!'))
            {
                word = raw;
            }

            if (word.Length == 0)
            {
                continue;
            }

            // Dutch compounds: "cloudpartners" → "cloud partners", "chipleveranciers" → "chip leveranciers".
            string lower = word.ToLowerInvariant();
            string? head = lower.StartsWith("cloud", StringComparison.Ordinal) ? "cloud" : lower.StartsWith("chip", StringComparison.Ordinal) ? "chip" : null;
            if (head is not null && lower.Length > head.Length + 4 && Vocabulary.Partners.Contains(lower[head.Length..]))
            {
                Add(word[..head.Length]);
                Add(word[head.Length..]);
                continue;
            }

            Add(word);
        }

        return tokens;
    }
}
