using System.Collections.Frozen;

namespace ChatBot.Core.Commands;

/// <summary>The words the question parser knows, in English and Dutch. Data, not logic.</summary>
internal static class Vocabulary
{
    public static readonly FrozenSet<string> EnglishMarkers = Set(
        "what", "what's", "whats", "which", "who", "who's", "how", "much", "many", "worth", "the", "did", "does", "do", "has", "have",
        "make", "made", "this", "last", "year", "since", "lose", "lost", "valuation", "valued", "investors", "and", "tell", "me",
        "show", "are", "were", "was", "with", "their", "its", "spend", "spent", "revenue", "partners'", "backers", "owns",
        "invested", "raised", "between", "versus", "compare", "about", "quarter", "month", "months", "past", "latest", "list",
        "give", "find", "search", "where", "when", "why", "any", "new", "recently", "lately", "of", "is", "a", "an");

    public static readonly FrozenSet<string> DutchMarkers = Set(
        "wat", "welke", "welk", "wie", "hoeveel", "hoe", "waard", "heeft", "hebben", "gesloten", "de", "het", "een", "van",
        "met", "zijn", "sinds", "dit", "vorig", "vorige", "jaar", "waardering", "gewaardeerd", "investeerders", "verlies",
        "verloor", "verloren", "omzet", "uitgaven", "uitgegeven", "vergelijk", "zoek", "hulp", "bedrijf", "deze", "afgelopen",
        "kwartaal", "maand", "maanden", "gaf", "uit", "waarin", "belang", "belangen", "wanneer", "beursgang", "overname",
        "overnames", "recente", "laatste", "en", "niet", "kun", "je", "jij", "u", "zijn", "er", "gedaan", "gemaakt", "geleden",
        "geïnvesteerd", "geinvesteerd", "investeerde", "investeringen", "samenwerkingen", "leveranciers", "vertel", "over",
        "toon", "laat", "zien", "waar", "wordt", "werd", "bij", "aan", "naar", "voor", "ook", "nog", "cijfers", "financiën",
        "winst", "inkomsten", "uitgeven", "opgehaald", "financieringsronde", "financieringsrondes", "rondes", "aandeelhouders",
        "eigenaar", "bezit", "partnerschappen", "onlangs", "nieuwste", "gekocht", "kocht", "overgenomen", "aandeel", "procent");

    public static readonly FrozenSet<string> Valuation = Set(
        "worth", "valuation", "valuations", "valued", "value", "waard", "waardering", "waarderingen", "gewaardeerd", "waarde");

    public static readonly FrozenSet<string> Deals = Set(
        "deal", "deals", "transaction", "transactions", "agreements", "agreement", "transacties", "transactie", "afspraken",
        "contracts", "contracten", "gesloten", "sign", "signed", "ondertekend");

    public static readonly FrozenSet<string> Funding = Set(
        "funding", "round", "rounds", "raise", "raised", "raising", "financing", "financieringsronde", "financieringsrondes",
        "ronde", "rondes", "opgehaald", "ophalen", "financiering");

    public static readonly FrozenSet<string> Acquisitions = Set(
        "acquisition", "acquisitions", "acquired", "acquire", "bought", "buy", "buys", "takeover", "takeovers", "merger",
        "mergers", "overname", "overnames", "gekocht", "kocht", "koopt", "overgenomen", "fusie");

    public static readonly FrozenSet<string> Ipo = Set("ipo", "listing", "beursgang", "beursnotering", "public");

    public static readonly FrozenSet<string> Cloud = Set("cloud", "clouds", "compute", "datacenter", "datacenters", "gpu", "gpus");

    public static readonly FrozenSet<string> Chips = Set("chip", "chips", "accelerators", "accelerator", "tpu", "tpus", "trainium", "semiconductors");

    public static readonly FrozenSet<string> Infrastructure = Set("infrastructure", "infrastructuur", "data-centre", "data-center");

    public static readonly FrozenSet<string> Partners = Set(
        "partner", "partners", "partnership", "partnerships", "supplier", "suppliers", "provider", "providers", "leverancier",
        "leveranciers", "samenwerking", "samenwerkingen", "samen", "samenwerken", "partnerschap", "partnerschappen", "allies");

    public static readonly FrozenSet<string> Investors = Set(
        "investors", "investor", "backers", "backer", "backed", "shareholders", "shareholder", "owners", "owns", "own",
        "investeerders", "investeerder", "aandeelhouders", "aandeelhouder", "geldschieters", "eigenaars", "eigenaar", "bezit", "bezitten");

    public static readonly FrozenSet<string> Invest = Set(
        "invest", "invested", "invests", "investing", "investment", "investments", "stake", "stakes", "investeren",
        "investeerde", "investeert", "geïnvesteerd", "geinvesteerd", "investering", "investeringen", "belang", "belangen");

    public static readonly FrozenSet<string> Portfolio = Set("portfolio", "portefeuille", "holdings", "bets");

    public static readonly FrozenSet<string> Who = Set("who", "who's", "wie");

    public static readonly FrozenSet<string> WhatWhere = Set("what", "which", "where", "wat", "welke", "waarin", "waar", "welk");

    public static readonly FrozenSet<string> Financials = Set(
        "revenue", "revenues", "sales", "lose", "lost", "loses", "loss", "losses", "spend", "spent", "spends", "spending",
        "burn", "burned", "burnt", "profit", "profits", "earnings", "income", "financials", "finances", "cash", "run-rate",
        "omzet", "verlies", "verliezen", "verloor", "verloren", "uitgaven", "uitgegeven", "uitgeven", "gaf", "winst",
        "inkomsten", "financiën", "financien", "cijfers", "kosten", "costs", "cost");

    public static readonly FrozenSet<string> Compare = Set("compare", "comparison", "vs", "vs.", "versus", "vergelijk", "vergelijking", "tegenover");

    public static readonly FrozenSet<string> Search = Set("search", "find", "zoek", "zoeken", "vind");

    public static readonly FrozenSet<string> Help = Set("help", "hulp", "commands", "commando's", "commandos", "?");

    public static readonly FrozenSet<string> About = Set("about", "version", "revision", "versie", "revisie", "fresh", "actueel", "bron", "knowledge", "kennis");

    public static readonly FrozenSet<string> Profile = Set("profile", "profiel", "info", "overview", "overzicht");

    public static readonly FrozenSet<string> Recent = Set("recent", "recently", "latest", "lately", "newest", "recente", "onlangs", "nieuwste", "laatste");

    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["january"] = 1,
        ["jan"] = 1,
        ["januari"] = 1,
        ["february"] = 2,
        ["feb"] = 2,
        ["februari"] = 2,
        ["march"] = 3,
        ["mar"] = 3,
        ["maart"] = 3,
        ["mrt"] = 3,
        ["april"] = 4,
        ["apr"] = 4,
        ["may"] = 5,
        ["mei"] = 5,
        ["june"] = 6,
        ["jun"] = 6,
        ["juni"] = 6,
        ["july"] = 7,
        ["jul"] = 7,
        ["juli"] = 7,
        ["august"] = 8,
        ["aug"] = 8,
        ["augustus"] = 8,
        ["september"] = 9,
        ["sep"] = 9,
        ["sept"] = 9,
        ["october"] = 10,
        ["oct"] = 10,
        ["oktober"] = 10,
        ["okt"] = 10,
        ["november"] = 11,
        ["nov"] = 11,
        ["december"] = 12,
        ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that are never a company name, even with a typo.</summary>
    public static readonly FrozenSet<string> NeverCompanies = Valuation.Concat(Deals).Concat(Funding).Concat(Acquisitions)
        .Concat(Ipo).Concat(Cloud).Concat(Chips).Concat(Infrastructure).Concat(Partners).Concat(Investors).Concat(Invest)
        .Concat(Portfolio).Concat(Financials).Concat(Compare).Concat(Search).Concat(Help).Concat(About).Concat(Profile)
        .Concat(Recent).Concat(EnglishMarkers).Concat(DutchMarkers).Concat(Months.Keys)
        .Concat(["quarter", "today", "tell", "please", "graag", "could", "would", "should", "there", "their", "these", "those",
            "about", "after", "before", "other", "going", "years", "jaren", "between", "tussen", "companies", "bedrijven",
            "company", "questions", "question", "vraag", "answer", "thanks", "bedankt", "hello", "hallo", "world"])
        .ToFrozenSet(StringComparer.Ordinal);

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
