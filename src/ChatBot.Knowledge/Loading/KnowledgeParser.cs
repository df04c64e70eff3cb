using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Core.Knowledge;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ChatBot.Knowledge.Loading;

/// <summary>
/// Maps YAML nodes to the knowledge records, checking every key and value and remembering where each id and
/// reference was written, so every error names its file, line and column. Collects all errors; never throws
/// for bad input.
/// </summary>
internal sealed partial class KnowledgeParser
{
    private static readonly string[] TopKeys = ["companies", "events"];
    private static readonly string[] CompanyKeys = ["id", "name", "aliases", "kind", "founded", "headquarters", "website", "ticker", "parent", "description", "description_nl"];
    private static readonly string[] EventKeys =
    [
        "id", "type", "date", "announced", "closed", "stage", "certainty", "parties", "others", "amount", "valuation", "round", "stake",
        "quantities", "period", "financials", "term", "summary", "summary_nl", "note", "sources",
    ];

    private static readonly string[] PartyKeys = ["role", "amount", "stake", "valuation"];
    private static readonly string[] ValuationKeys = ["amount", "basis"];
    private static readonly string[] RoundKeys = ["kind", "name"];
    private static readonly string[] TermKeys = ["years", "until"];
    private static readonly string[] SourceKeys = ["publisher", "date", "url", "cites", "title", "reports"];
    private static readonly string[] ReportKeys = ["amount", "valuation", "stake"];
    private static readonly string[] FinancialKeys = ["revenue", "run_rate", "spending", "loss", "profit", "cash_flow", "cash_burn"];

    private readonly List<KnowledgeError> _errors = [];
    private readonly List<(Company Company, Place Place, List<(string Alias, Place Place)> Aliases, (string Id, Place Place)? Parent)> _companies = [];
    private readonly List<(KnowledgeEvent Event, Place Place, List<(string Id, Place Place)> References)> _events = [];
    private string _file = string.Empty;

    /// <summary>Where something was written.</summary>
    private readonly record struct Place(string File, int Line, int Column)
    {
        public override string ToString() => $"{File}:{Line}";
    }

    public void ParseFile(KnowledgeFile file)
    {
        _file = file.Path;
        if (Array.IndexOf(file.Content, (byte)0) >= 0)
        {
            Error(1, 1, "the file is binary, not YAML text");
            return;
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(file.Content);
        }
        catch (DecoderFallbackException)
        {
            Error(1, 1, "the file is not UTF-8 text");
            return;
        }

        try
        {
            ReadTopLevel(new YamlReader(text));
        }
        catch (YamlException ex)
        {
            string message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            Error((int)ex.Start.Line, (int)ex.Start.Column, "YAML syntax error: " + Tidy(message));
        }
    }

    /// <summary>
    /// Reads the file's top mapping and hands each company and event to its parser as soon as it is read, so only
    /// one item's nodes are alive at a time.
    /// </summary>
    private void ReadTopLevel(YamlReader reader)
    {
        reader.Next(); // past StreamStart
        if (reader.Current is not DocumentStart)
        {
            Error(1, 1, "the file is empty (expected 'companies:' and/or 'events:')");
            return;
        }

        reader.Next();
        if (reader.Current is not MappingStart rootStart)
        {
            YamlNode root = reader.ReadNode();
            Error(root, root is YamlScalarNode { Value: null or "" }
                ? "the file is empty (expected 'companies:' and/or 'events:')"
                : "the file must be a mapping with 'companies:' and/or 'events:'");
            return;
        }

        reader.Next();
        HashSet<string> seen = new(StringComparer.Ordinal);
        while (reader.Current is not MappingEnd)
        {
            YamlNode keyNode = reader.ReadNode();
            string key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (Array.IndexOf(TopKeys, key) < 0 || !seen.Add(key))
            {
                string? close = Closest(key, TopKeys);
                Error(keyNode, seen.Contains(key) && Array.IndexOf(TopKeys, key) >= 0
                    ? $"duplicate key '{key}' in file"
                    : $"unknown key '{key}' in file{(close is null ? string.Empty : $" (did you mean '{close}'?)")}");
                reader.ReadNode();
                continue;
            }

            if (reader.Current is not SequenceStart)
            {
                Sequence(reader.ReadNode(), key);
                continue;
            }

            reader.Next();
            while (reader.Current is not SequenceEnd)
            {
                YamlNode item = reader.ReadNode();
                if (key == "companies")
                {
                    ParseCompany(item);
                }
                else
                {
                    ParseEvent(item);
                }
            }

            reader.Next();
        }

        if (seen.Count == 0)
        {
            Error((int)rootStart.Start.Line, (int)rootStart.Start.Column, "the file is empty (expected 'companies:' and/or 'events:')");
        }

        reader.Next(); // past MappingEnd
        reader.Next(); // past DocumentEnd
        if (reader.Current is DocumentStart)
        {
            reader.Next();
            Error(reader.ReadNode(), "a knowledge file holds one YAML document; remove the '---' separator");
        }
    }

    /// <summary>One parser holding what several per-file parsers found, in their order (files parse in parallel).</summary>
    public static KnowledgeParser Merge(IEnumerable<KnowledgeParser> parsers)
    {
        KnowledgeParser merged = new();
        foreach (KnowledgeParser parser in parsers)
        {
            merged._errors.AddRange(parser._errors);
            merged._companies.AddRange(parser._companies);
            merged._events.AddRange(parser._events);
        }

        return merged;
    }

    /// <summary>Cross-file checks: duplicate ids, alias collisions, unknown references.</summary>
    public (KnowledgeContent? Content, ImmutableArray<KnowledgeError> Errors) Finish()
    {
        Dictionary<string, Place> companyIds = new(StringComparer.Ordinal);
        Dictionary<string, (string CompanyId, Place Place)> names = new(StringComparer.Ordinal);
        foreach ((Company company, Place place, List<(string Alias, Place Place)> aliases, _) in _companies)
        {
            if (!companyIds.TryAdd(company.Id, place))
            {
                Error(place, $"duplicate company id '{company.Id}' (first defined at {companyIds[company.Id]})");
                continue;
            }

            IEnumerable<(string Name, Place Place)> all = aliases.Prepend((company.Name, place)).Prepend((company.Id, place));
            foreach ((string name, Place namePlace) in all)
            {
                string key = CompanyDirectory.Normalize(name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (names.TryGetValue(key, out var owner) && owner.CompanyId != company.Id)
                {
                    Error(namePlace, $"the name '{name}' already names company '{owner.CompanyId}' (at {owner.Place}); an alias must name one company");
                }
                else
                {
                    names.TryAdd(key, (company.Id, namePlace));
                }
            }
        }

        foreach ((Company company, _, _, (string Id, Place Place)? parent) in _companies)
        {
            if (parent is { } p && !companyIds.ContainsKey(p.Id))
            {
                Error(p.Place, UnknownCompany(p.Id, companyIds.Keys));
            }
            else if (parent is { } self && self.Id == company.Id)
            {
                Error(self.Place, $"company '{company.Id}' cannot be its own parent");
            }
        }

        Dictionary<string, Place> eventIds = new(StringComparer.Ordinal);
        foreach ((KnowledgeEvent e, Place place, List<(string Id, Place Place)> references) in _events)
        {
            if (!eventIds.TryAdd(e.Id, place))
            {
                Error(place, $"duplicate event id '{e.Id}' (first defined at {eventIds[e.Id]})");
            }

            foreach ((string id, Place refPlace) in references)
            {
                if (!companyIds.ContainsKey(id))
                {
                    Error(refPlace, UnknownCompany(id, companyIds.Keys));
                }
            }
        }

        if (_errors.Count > 0)
        {
            return (null, [.. _errors]);
        }

        KnowledgeContent content = new([.. _companies.Select(c => c.Company)], [.. _events.Select(e => e.Event)]);
        return (content, []);
    }

    private void ParseCompany(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "a company must be a mapping with at least 'id' and 'name'");
            return;
        }

        int before = _errors.Count;
        Dictionary<string, YamlNode> keys = Keys(map, CompanyKeys, ["id", "name"], "company");
        string? id = Slug(keys, "id");
        string? name = Text(keys, "name");
        List<(string, Place)> aliases = [];
        if (keys.TryGetValue("aliases", out YamlNode? aliasNode))
        {
            foreach (YamlNode alias in Sequence(aliasNode, "aliases"))
            {
                if (ScalarText(alias, "alias") is { } a)
                {
                    aliases.Add((a, At(alias)));
                }
            }
        }

        CompanyKind kind = keys.TryGetValue("kind", out YamlNode? kindNode) ? Enum<CompanyKind>(kindNode, "kind") ?? CompanyKind.Other : CompanyKind.Other;
        int? founded = keys.TryGetValue("founded", out YamlNode? foundedNode) ? Year(foundedNode, "founded") : null;
        (string, Place)? parent = keys.TryGetValue("parent", out YamlNode? parentNode) && Slug(keys, "parent") is { } parentId ? (parentId, At(parentNode)) : null;
        string? website = Text(keys, "website");
        if (website is not null && !IsHttpUrl(website))
        {
            Error(keys["website"], $"website '{website}' is not an http(s) URL");
        }

        if (_errors.Count > before || id is null || name is null)
        {
            return;
        }

        Company company = new(id, name, [.. aliases.Select(a => a.Item1)], kind, founded, Text(keys, "headquarters"), website,
            Text(keys, "ticker"), parent?.Item1, Text(keys, "description"), Text(keys, "description_nl"));
        _companies.Add((company, At(map), aliases, parent));
    }

    private void ParseEvent(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "an event must be a mapping (see knowledge/README.md)");
            return;
        }

        int before = _errors.Count;
        Dictionary<string, YamlNode> keys = Keys(map, EventKeys, ["id", "type", "date", "stage", "certainty", "parties", "summary", "sources"], "event");
        string? id = Slug(keys, "id");
        EventType? type = keys.TryGetValue("type", out YamlNode? typeNode) ? Enum<EventType>(typeNode, "type") : null;
        FuzzyDate? date = DateOf(keys, "date");
        FuzzyDate? announced = DateOf(keys, "announced");
        FuzzyDate? closed = DateOf(keys, "closed");
        Stage? stage = keys.TryGetValue("stage", out YamlNode? stageNode) ? Enum<Stage>(stageNode, "stage") : null;
        Certainty? certainty = keys.TryGetValue("certainty", out YamlNode? certaintyNode) ? Enum<Certainty>(certaintyNode, "certainty") : null;
        List<(string Id, Place Place)> references = [];
        ImmutableArray<Party> parties = keys.TryGetValue("parties", out YamlNode? partiesNode) ? Parties(partiesNode, references) : [];
        ImmutableArray<string> others = keys.TryGetValue("others", out YamlNode? othersNode)
            ? [.. Sequence(othersNode, "others").Select(n => ScalarText(n, "other")).OfType<string>()]
            : [];
        Money? amount = keys.TryGetValue("amount", out YamlNode? amountNode) ? MoneyOf(amountNode) : null;
        Valuation? valuation = keys.TryGetValue("valuation", out YamlNode? valuationNode) ? ValuationOf(valuationNode) : null;
        Round? round = keys.TryGetValue("round", out YamlNode? roundNode) ? RoundOf(roundNode) : null;
        Stake? stake = keys.TryGetValue("stake", out YamlNode? stakeNode) ? StakeOf(stakeNode) : null;
        ImmutableArray<Quantity> quantities = keys.TryGetValue("quantities", out YamlNode? quantitiesNode)
            ? [.. Sequence(quantitiesNode, "quantities").Select(QuantityOf).OfType<Quantity>()]
            : [];
        Period? period = null;
        if (keys.TryGetValue("period", out YamlNode? periodNode) && ScalarText(periodNode, "period") is { } periodText)
        {
            if (Period.TryParse(periodText, out Period p))
            {
                period = p;
            }
            else
            {
                Error(periodNode, $"bad period '{periodText}' (expected e.g. 2024, FY2025, 2025-H1, 2025-Q3)");
            }
        }

        ImmutableArray<FinancialFigure> financials = keys.TryGetValue("financials", out YamlNode? financialsNode) ? Financials(financialsNode) : [];
        Term? term = keys.TryGetValue("term", out YamlNode? termNode) ? TermOf(termNode) : null;
        ImmutableArray<Source> sources = keys.TryGetValue("sources", out YamlNode? sourcesNode) ? Sources(sourcesNode) : [];
        string? summary = Text(keys, "summary");

        if (type == EventType.Financials)
        {
            if (period is null && keys.ContainsKey("type"))
            {
                Error(map, "a financials event needs 'period:' (e.g. 2024 or FY2025)");
            }

            if (financials.IsEmpty && !keys.ContainsKey("financials"))
            {
                Error(map, "a financials event needs 'financials:' (revenue, spending, loss…)");
            }
        }

        if (keys.ContainsKey("parties") && parties.IsEmpty && _errors.Count == before)
        {
            Error(partiesNode!, "an event needs at least one party");
        }

        if (keys.ContainsKey("sources") && sources.IsEmpty && _errors.Count == before)
        {
            Error(sourcesNode!, "an event needs at least one source");
        }

        if (_errors.Count > before || id is null || type is null || date is null || stage is null || certainty is null || summary is null)
        {
            return;
        }

        KnowledgeEvent e = new(id, type.Value, date.Value, stage.Value, certainty.Value, parties, summary, sources)
        {
            Announced = announced,
            Closed = closed,
            Others = others,
            Amount = amount,
            Valuation = valuation,
            Round = round,
            Stake = stake,
            Quantities = quantities,
            Period = period,
            Financials = financials,
            Term = term,
            SummaryNl = Text(keys, "summary_nl"),
            Note = Text(keys, "note"),
        };
        _events.Add((e, At(map), references));
    }

    private ImmutableArray<Party> Parties(YamlNode node, List<(string Id, Place Place)> references)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "'parties' must be a mapping of company id to role, e.g. { openai: subject, softbank: lead-investor }");
            return [];
        }

        ImmutableArray<Party>.Builder parties = ImmutableArray.CreateBuilder<Party>();
        foreach ((YamlNode keyNode, YamlNode value) in map.Children)
        {
            if (ScalarText(keyNode, "company id") is not { } companyId)
            {
                continue;
            }

            if (!SlugPattern().IsMatch(companyId))
            {
                Error(keyNode, $"'{companyId}' is not a company id (lower-case letters, digits and '-')");
                continue;
            }

            references.Add((companyId, At(keyNode)));
            if (value is YamlScalarNode)
            {
                if (Enum<Role>(value, "role") is { } role)
                {
                    parties.Add(new Party(companyId, role));
                }

                continue;
            }

            if (value is not YamlMappingNode partyMap)
            {
                Error(value, "a party is a role, or a mapping with 'role' and optional 'amount', 'stake', 'valuation'");
                continue;
            }

            Dictionary<string, YamlNode> keys = Keys(partyMap, PartyKeys, ["role"], "party");
            if (keys.TryGetValue("role", out YamlNode? roleNode) && Enum<Role>(roleNode, "role") is { } partyRole)
            {
                parties.Add(new Party(
                    companyId,
                    partyRole,
                    keys.TryGetValue("amount", out YamlNode? a) ? MoneyOf(a) : null,
                    keys.TryGetValue("stake", out YamlNode? s) ? StakeOf(s) : null,
                    keys.TryGetValue("valuation", out YamlNode? v) ? ValuationOf(v) : null));
            }
        }

        return parties.ToImmutable();
    }

    private ImmutableArray<Source> Sources(YamlNode node)
    {
        ImmutableArray<Source>.Builder sources = ImmutableArray.CreateBuilder<Source>();
        foreach (YamlNode item in Sequence(node, "sources"))
        {
            if (item is not YamlMappingNode map)
            {
                Error(item, "a source must be a mapping with at least 'publisher' and 'date'");
                continue;
            }

            int before = _errors.Count;
            Dictionary<string, YamlNode> keys = Keys(map, SourceKeys, ["publisher", "date"], "source");
            string? publisher = Text(keys, "publisher");
            FuzzyDate? date = DateOf(keys, "date");
            string? url = Text(keys, "url");
            if (url is not null && !IsHttpUrl(url))
            {
                Error(keys["url"], $"url '{url}' is not an http(s) URL");
            }

            SourceReport? report = null;
            if (keys.TryGetValue("reports", out YamlNode? reportNode))
            {
                if (reportNode is YamlMappingNode reportMap)
                {
                    Dictionary<string, YamlNode> r = Keys(reportMap, ReportKeys, [], "reports");
                    report = new SourceReport(
                        r.TryGetValue("amount", out YamlNode? a) ? MoneyOf(a) : null,
                        r.TryGetValue("valuation", out YamlNode? v) ? MoneyOf(v) : null,
                        r.TryGetValue("stake", out YamlNode? s) ? StakeOf(s) : null);
                }
                else
                {
                    Error(reportNode, "'reports' must be a mapping, e.g. { valuation: 50 billion USD }");
                }
            }

            if (_errors.Count == before && publisher is not null && date is not null)
            {
                sources.Add(new Source(publisher, date.Value, url, Text(keys, "cites"), Text(keys, "title"), report));
            }
        }

        return sources.ToImmutable();
    }

    private ImmutableArray<FinancialFigure> Financials(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "'financials' must be a mapping, e.g. { revenue: about 3.7 billion USD, loss: about 5 billion USD }");
            return [];
        }

        Dictionary<string, YamlNode> keys = Keys(map, FinancialKeys, [], "financials");
        ImmutableArray<FinancialFigure>.Builder figures = ImmutableArray.CreateBuilder<FinancialFigure>();
        foreach (string key in FinancialKeys)
        {
            if (keys.TryGetValue(key, out YamlNode? value) && MoneyOf(value) is { } money)
            {
                figures.Add(new FinancialFigure(System.Enum.Parse<FinancialMetric>(key.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true), money));
            }
        }

        if (figures.Count == 0 && keys.Count == 0)
        {
            Error(node, "'financials' needs at least one figure (revenue, run_rate, spending, loss, profit, cash_flow, cash_burn)");
        }

        return figures.ToImmutable();
    }

    private Valuation? ValuationOf(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return MoneyOf(node) is { } money ? new Valuation(money) : null;
        }

        if (node is not YamlMappingNode map)
        {
            Error(node, "'valuation' is an amount or { amount: …, basis: pre-money|post-money }");
            return null;
        }

        Dictionary<string, YamlNode> keys = Keys(map, ValuationKeys, ["amount"], "valuation");
        Money? amount = keys.TryGetValue("amount", out YamlNode? a) ? MoneyOf(a) : null;
        ValuationBasis basis = keys.TryGetValue("basis", out YamlNode? b) ? Enum<ValuationBasis>(b, "basis") ?? ValuationBasis.Unspecified : ValuationBasis.Unspecified;
        return amount is null ? null : new Valuation(amount.Value, basis);
    }

    private Round? RoundOf(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "'round' is a mapping: { kind: primary|secondary, name: Series E }");
            return null;
        }

        Dictionary<string, YamlNode> keys = Keys(map, RoundKeys, ["kind"], "round");
        return keys.TryGetValue("kind", out YamlNode? k) && Enum<RoundKind>(k, "round kind") is { } kind ? new Round(kind, Text(keys, "name")) : null;
    }

    private Term? TermOf(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, "'term' is a mapping: { years: 7, until: 2032 }");
            return null;
        }

        Dictionary<string, YamlNode> keys = Keys(map, TermKeys, [], "term");
        int? years = null;
        if (keys.TryGetValue("years", out YamlNode? y) && ScalarText(y, "years") is { } yearsText)
        {
            if (int.TryParse(yearsText, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 100)
            {
                years = n;
            }
            else
            {
                Error(y, $"term years '{yearsText}' must be a whole number of years from 1 to 100");
            }
        }

        int? until = keys.TryGetValue("until", out YamlNode? u) ? Year(u, "until") : null;
        if (years is null && until is null && keys.Count == 0)
        {
            Error(node, "'term' needs 'years', 'until' or both");
        }

        return years is null && until is null ? null : new Term(years, until);
    }

    private Money? MoneyOf(YamlNode node)
    {
        if (ScalarText(node, "amount") is not { } text)
        {
            return null;
        }

        if (Money.TryParse(text, out Money money, out string error))
        {
            return money;
        }

        Error(node, error);
        return null;
    }

    private Stake? StakeOf(YamlNode node)
    {
        if (ScalarText(node, "stake") is not { } text)
        {
            return null;
        }

        if (Stake.TryParse(text, out Stake stake, out string error))
        {
            return stake;
        }

        Error(node, error);
        return null;
    }

    private Quantity? QuantityOf(YamlNode node)
    {
        if (ScalarText(node, "quantity") is not { } text)
        {
            return null;
        }

        if (Quantity.TryParse(text, out Quantity quantity, out string error))
        {
            return quantity;
        }

        Error(node, error);
        return null;
    }

    private FuzzyDate? DateOf(Dictionary<string, YamlNode> keys, string key)
    {
        if (!keys.TryGetValue(key, out YamlNode? node) || ScalarText(node, key) is not { } text)
        {
            return null;
        }

        if (FuzzyDate.TryParse(text, out FuzzyDate date))
        {
            return date;
        }

        Error(node, $"bad date '{text}' for '{key}' (expected 2025, 2025-Q3, 2025-H2, 2025-10 or 2025-10-02)");
        return null;
    }

    private int? Year(YamlNode node, string what)
    {
        if (ScalarText(node, what) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1800 and <= 2200)
        {
            return year;
        }

        Error(node, $"'{what}' must be a year such as 2032, not '{text}'");
        return null;
    }

    private T? Enum<T>(YamlNode node, string what)
        where T : struct, System.Enum
    {
        if (ScalarText(node, what) is not { } text)
        {
            return null;
        }

        if (EnumNames.TryParse(text, out T value))
        {
            return value;
        }

        IReadOnlyList<string> allowed = EnumNames.All<T>();
        string? close = Closest(text, allowed);
        Error(node, $"unknown {what} '{text}'{(close is null ? string.Empty : $" (did you mean '{close}'?)")} (expected {string.Join(", ", allowed)})");
        return null;
    }

    private string? Slug(Dictionary<string, YamlNode> keys, string key)
    {
        if (Text(keys, key) is not { } text)
        {
            return null;
        }

        if (SlugPattern().IsMatch(text))
        {
            return text;
        }

        Error(keys[key], $"{key} '{text}' must be a lower-case slug: letters a-z, digits and '-'");
        return null;
    }

    private string? Text(Dictionary<string, YamlNode> keys, string key) =>
        keys.TryGetValue(key, out YamlNode? node) ? ScalarText(node, key) : null;

    private string? ScalarText(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar)
        {
            string value = scalar.Value?.Trim() ?? string.Empty;
            if (value.Length == 0 || (scalar.Style == ScalarStyle.Plain && value is "~" or "null"))
            {
                Error(node, $"'{what}' is empty");
                return null;
            }

            return value;
        }

        Error(node, $"'{what}' must be a single value, not a {(node is YamlSequenceNode ? "list" : "mapping")}");
        return null;
    }

    private List<YamlNode> Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children;
        }

        Error(node, $"'{what}' must be a list (items start with '- ')");
        return [];
    }

    /// <summary>The keys of a mapping, reporting unknown ones (with a suggestion), duplicates and missing required ones.</summary>
    private Dictionary<string, YamlNode> Keys(YamlMappingNode map, string[] allowed, string[] required, string what)
    {
        Dictionary<string, YamlNode> keys = new(StringComparer.Ordinal);
        foreach ((YamlNode keyNode, YamlNode value) in map.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (Array.IndexOf(allowed, key) < 0)
            {
                string? close = Closest(key, allowed);
                Error(keyNode, $"unknown key '{key}' in {what}{(close is null ? string.Empty : $" (did you mean '{close}'?)")}");
                continue;
            }

            if (!keys.TryAdd(key, value))
            {
                Error(keyNode, $"duplicate key '{key}' in {what}");
            }
        }

        foreach (string key in required)
        {
            if (!keys.ContainsKey(key))
            {
                string id = keys.TryGetValue("id", out YamlNode? idNode) && idNode is YamlScalarNode { Value: { } idValue } ? $" '{idValue}'" : string.Empty;
                Error(map, $"{what}{id} is missing '{key}'");
            }
        }

        return keys;
    }

    private static string? Closest(string text, IEnumerable<string> options)
    {
        string lower = text.ToLowerInvariant().Replace('_', '-');
        return options
            .Select(o => (Option: o, Distance: EditDistance.Between(lower, o.Replace('_', '-'), 3)))
            .Where(x => x.Distance <= Math.Max(1, Math.Min(3, lower.Length / 3)))
            .OrderBy(x => x.Distance)
            .Select(x => x.Option)
            .FirstOrDefault();
    }

    private static string UnknownCompany(string id, IEnumerable<string> known)
    {
        string? close = Closest(id, known);
        return $"unknown company '{id}'{(close is null ? string.Empty : $" (did you mean '{close}'?)")}; add it under 'companies:' first";
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Tidy(string message)
    {
        int paren = message.IndexOf("):", StringComparison.Ordinal);
        string tidy = message.StartsWith('(') && paren > 0 ? message[(paren + 2)..].Trim() : message;
        return tidy.Length == 0 ? message : char.ToLowerInvariant(tidy[0]) + tidy[1..];
    }

    private Place At(YamlNode node) => new(_file, (int)node.Start.Line, (int)node.Start.Column);

    private void Error(YamlNode node, string message) => Error((int)node.Start.Line, (int)node.Start.Column, message);

    private void Error(Place place, string message) => _errors.Add(new KnowledgeError(place.File, place.Line, place.Column, message));

    private void Error(int line, int column, string message) => _errors.Add(new KnowledgeError(_file, Math.Max(1, line), Math.Max(1, column), message));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
