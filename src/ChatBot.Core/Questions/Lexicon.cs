using ChatBot.Core.Commands;
using ChatBot.Core.Knowledge;

namespace ChatBot.Core.Questions;

/// <summary>The words the question reader knows, in English and Dutch. Data, not logic.</summary>
internal static class Lexicon
{
    public static readonly IReadOnlySet<string> EnglishMarkers = Set(
        "what", "what's", "whats", "which", "who", "who's", "how", "much", "many", "worth", "the", "did", "does", "do", "has", "have",
        "make", "made", "this", "last", "year", "since", "lose", "lost", "valuation", "valued", "investors", "and", "tell", "me",
        "show", "are", "were", "was", "with", "their", "its", "spend", "spent", "revenue", "partners'", "backers", "owns",
        "invested", "raised", "between", "versus", "compare", "about", "quarter", "month", "months", "past", "latest", "list",
        "give", "find", "search", "where", "when", "why", "any", "new", "recently", "lately", "of", "is", "a", "an", "invest",
        "pay", "paid", "buy", "bought", "still", "from", "for", "into", "stake", "own", "long", "until", "first", "half", "biggest",
        "largest", "led", "get", "got", "deal", "contract", "agreed", "supply", "supplies", "it", "they", "that", "what's", "over",
        "taking", "take", "took", "selling", "sold", "sell", "happened", "funding", "round", "rounds");

    public static readonly IReadOnlySet<string> DutchMarkers = Set(
        "wat", "welke", "welk", "wie", "hoeveel", "hoe", "waard", "heeft", "hebben", "gesloten", "de", "het", "een", "van",
        "met", "zijn", "sinds", "dit", "vorig", "vorige", "jaar", "waardering", "gewaardeerd", "investeerders", "verlies",
        "verloor", "verloren", "omzet", "uitgaven", "uitgegeven", "vergelijk", "zoek", "hulp", "bedrijf", "deze", "afgelopen",
        "kwartaal", "maand", "maanden", "gaf", "uit", "waarin", "belang", "belangen", "wanneer", "beursgang", "overname",
        "overnames", "recente", "laatste", "en", "niet", "kun", "je", "jij", "u", "er", "gedaan", "gemaakt", "geleden",
        "geïnvesteerd", "geinvesteerd", "investeerde", "investeringen", "samenwerkingen", "leveranciers", "vertel", "over",
        "toon", "laat", "zien", "waar", "wordt", "werd", "bij", "aan", "naar", "voor", "ook", "nog", "cijfers", "financiën",
        "winst", "inkomsten", "uitgeven", "opgehaald", "financieringsronde", "financieringsrondes", "rondes", "aandeelhouders",
        "eigenaar", "bezit", "partnerschappen", "onlangs", "nieuwste", "gekocht", "kocht", "overgenomen", "aandeel", "procent",
        "investeert", "betaalde", "betaalt", "koopt", "levert", "leverde", "kreeg", "tot", "lang", "loopt", "eerste", "helft",
        "grootste", "leidde", "steeds", "afgesproken", "leed", "leden", "nam", "neemt", "ze", "hun", "dat", "die", "gaat", "waren",
        "om", "te", "ongeveer", "miljard", "miljoen", "investeren", "overweegt", "bedrag", "heel", "januari", "februari", "maart",
        "mei", "juni", "juli", "augustus", "oktober", "geld", "gebeurde", "gebeurd", "wil", "willen", "zou", "zal", "verwacht",
        "verwachte", "verwachtte", "kwam", "komt", "werd", "worden", "gesprek", "gesprekken", "nog", "alle", "welk", "beurs",
        "aangevraagd", "afgeblazen", "ingestapt", "stapt", "krijgt", "verkocht", "verkoopt", "dan", "maar", "zijn", "wordt", "is",
        "datacenter", "datacenters", "aandelen", "werknemers", "investeerder", "klopt", "overwoog", "gebeurt", "allemaal", "winstgevend",
        "verkochten", "gebruikt", "uitgeven", "optie", "recht", "zitten");

    public static readonly IReadOnlySet<string> Valuation = Set(
        "worth", "valuation", "valuations", "valued", "value", "waard", "waardering", "waarderingen", "gewaardeerd", "waarde", "valuing");

    public static readonly IReadOnlySet<string> Deals = Set(
        "deal", "deals", "transaction", "transactions", "agreements", "agreement", "transacties", "transactie", "afspraken",
        "contracts", "contracten", "contract", "gesloten", "sign", "signed", "ondertekend", "overeenkomst", "overeenkomsten", "akkoord",
        "afspraak", "agreed", "afgesproken", "overeengekomen", "pact", "arrangement");

    public static readonly IReadOnlySet<string> Funding = Set(
        "funding", "round", "rounds", "raise", "raised", "raising", "financing", "financieringsronde", "financieringsrondes",
        "ronde", "rondes", "opgehaald", "ophalen", "financiering", "haalde", "series", "seed", "seedronde", "serie");

    public static readonly IReadOnlySet<string> Acquisitions = Set(
        "acquisition", "acquisitions", "acquired", "acquire", "acquires", "bought", "buy", "buys", "takeover", "takeovers", "merger",
        "mergers", "overname", "overnames", "gekocht", "kocht", "koopt", "overgenomen", "fusie", "purchase", "purchased");

    public static readonly IReadOnlySet<string> Ipo = Set("ipo", "ipos", "listing", "beursgang", "beursnotering", "public", "s-1", "flotation", "beurs", "beursintroductie",
        "beursplan", "beursplannen", "beursgangen", "listed", "genoteerd", "beursgenoteerd");

    public static readonly IReadOnlySet<string> Cloud = Set("cloud", "clouds", "compute", "gpu", "gpus", "capacity", "capaciteit", "rekenkracht");

    /// <summary>Company names that are clouds ("Azure", "AWS", "Google Cloud"): a question naming one is about capacity.</summary>
    public static readonly IReadOnlySet<string> CloudNames = Set("azure", "aws", "gcp", "cloud");

    /// <summary>Words of a commitment: with a cloud or chips it is spending ("Anthropic's Google Cloud commitment"), not an investment.</summary>
    public static readonly IReadOnlySet<string> CommitWords = Set("commit", "commits", "committed", "commitment", "commitments", "toegezegd", "toezegging", "verplicht", "verplichting");

    public static readonly IReadOnlySet<string> Chips = Set("chip", "chips", "accelerators", "accelerator", "tpu", "tpus", "trainium", "semiconductors", "processors", "memory");

    public static readonly IReadOnlySet<string> Infrastructure = Set("infrastructure", "infrastructuur", "data-centre", "data-center", "datacentre", "datacentrum", "datacenter", "datacenters", "campus", "site");

    public static readonly IReadOnlySet<string> Partners = Set(
        "partner", "partners", "partnership", "partnerships", "supplier", "suppliers", "provider", "providers", "leverancier",
        "leveranciers", "samenwerking", "samenwerkingen", "samen", "samenwerken", "partnerschap", "partnerschappen", "allies");

    public static readonly IReadOnlySet<string> Investors = Set(
        "investors", "investor", "backers", "backer", "backed", "shareholders", "shareholder", "owners", "owns", "own", "owned",
        "investeerders", "investeerder", "aandeelhouders", "aandeelhouder", "geldschieters", "eigenaars", "eigenaar", "bezit", "bezitten");

    public static readonly IReadOnlySet<string> Invest = Set(
        "invest", "invested", "invests", "investing", "investment", "investments", "stake", "stakes", "investeren",
        "investeerde", "investeert", "geïnvesteerd", "geinvesteerd", "investering", "investeringen", "belang", "belangen",
        "fund", "funds", "funded", "backs", "back", "steunt", "steunde", "gesteund", "financiert", "financierde", "gefinancierd");

    public static readonly IReadOnlySet<string> Portfolio = Set("portfolio", "portefeuille", "holdings", "bets");

    public static readonly IReadOnlySet<string> Who = Set("who", "who's", "whom", "wie");

    public static readonly IReadOnlySet<string> WhatWhere = Set("what", "which", "where", "wat", "welke", "waarin", "waar", "welk");

    public static readonly IReadOnlySet<string> Financials = Set(
        "revenue", "revenues", "sales", "lose", "lost", "loses", "loss", "losses", "spend", "spent", "spends", "spending",
        "burn", "burned", "burnt", "profit", "profits", "earnings", "income", "financials", "finances", "cash", "run-rate",
        "omzet", "verlies", "verliezen", "verloor", "verloren", "uitgaven", "uitgegeven", "uitgeven", "gaf", "winst",
        "inkomsten", "financiën", "financien", "cijfers", "kosten", "costs", "cost", "capex", "leed", "geleden", "runrate",
        "capital", "expenditure", "investeringsuitgaven", "kasstroom", "profitable", "winstgevend");

    public static readonly IReadOnlySet<string> Compare = Set("compare", "comparison", "vs", "vs.", "versus", "vergelijk", "vergelijking", "tegenover", "compared");

    public static readonly IReadOnlySet<string> Search = Set("search", "find", "zoek", "zoeken", "vind");

    public static readonly IReadOnlySet<string> Help = Set("help", "hulp", "commands", "commando's", "commandos", "?");

    public static readonly IReadOnlySet<string> About = Set("about", "version", "revision", "versie", "revisie", "fresh", "actueel", "bron", "knowledge", "kennis");

    public static readonly IReadOnlySet<string> Profile = Set("profile", "profiel", "info", "overview", "overzicht");

    public static readonly IReadOnlySet<string> Recent = Set("recent", "recently", "lately", "onlangs", "recente");

    /// <summary>The second halves of the Dutch compounds the tokenizer splits ("cloudpartners", "chipdeals").</summary>
    public static readonly IReadOnlySet<string> CompoundTails = Set(
        "partner", "partners", "partnership", "partnerships", "supplier", "suppliers", "provider", "providers", "leverancier",
        "deal", "deals", "contract", "contracten", "aanbieder", "aanbieders", "klant", "klanten", "capaciteit");

    // ------------------------------------------------------------------ relations

    /// <summary>Verbs and nouns that name a relation, with it.</summary>
    public static readonly IReadOnlyDictionary<string, Relation> RelationWords = Build(
        (Relation.Invests, [
            "invest", "invests", "invested", "investing", "investment", "investments", "put", "puts", "putting", "back", "backs",
            "backed", "backing", "fund", "funds", "funded", "funding", "finance", "finances", "financed", "financing", "inject",
            "injected", "commit", "commits", "committed", "commitment", "pledged", "pledge", "investeren", "investeert", "investeerde",
            "investeerden", "geïnvesteerd", "geinvesteerd", "investering", "investeringen", "steunt", "steunde", "gesteund",
            "financiert", "financierde", "gefinancierd", "financiering", "stak", "gestoken", "steken", "steekt", "legt", "leggen",
            "ingelegd", "inleggen", "inlegt", "raise", "raised",
            "raising", "opgehaald", "haalde", "backer", "backers", "investor", "investors", "investeerder", "investeerders"]),
        (Relation.Owns, [
            "own", "owns", "owned", "owning", "stake", "stakes", "share", "shares", "holding", "holdings", "hold", "holds", "held",
            "percent", "percentage", "%", "ownership", "bezit", "bezitten", "bezat", "belang", "belangen", "aandeel", "aandelen", "procent",
            "eigenaar", "eigendom", "owner", "owners", "shareholder", "shareholders", "aandeelhouder", "aandeelhouders"]),
        (Relation.Buys, [
            "buy", "buys", "bought", "buying", "acquire", "acquires", "acquired", "acquiring", "acquisition", "acquisitions",
            "takeover", "takeovers", "purchase", "purchased", "purchases", "merge", "merged", "merger", "koop", "koopt", "kocht",
            "gekocht", "kopen", "overname", "overnemen", "overgenomen", "fusie", "bod", "offer", "offered", "bid", "bids", "licensed",
            "licence", "license", "licensing"]),
        (Relation.Pays, [
            "pay", "pays", "paid", "paying", "payment", "payments", "spend", "spends", "spent", "spending", "price", "cost", "costs",
            "betaal", "betaalt", "betaalde", "betaald", "betalen", "prijs", "kosten", "kostte", "uitgeven", "uitgegeven",
            "get", "gets", "got", "receive", "receives", "received", "krijgt", "kreeg", "gekregen", "ontving", "ontvangen"]),
        (Relation.Supplies, [
            "supply", "supplies", "supplied", "supplying", "supplier", "suppliers", "provide", "provides", "provided", "providing",
            "provider", "providers", "deliver", "delivers", "delivered", "levert", "leverde", "geleverd", "leveren", "leverancier",
            "leveranciers", "rent", "rents", "rented", "lease", "leases", "leased", "huurt", "huurde", "use", "uses", "used",
            "gebruikt", "gebruikte", "afnemen", "neemt", "customer", "customers", "klant", "klanten", "capacity", "compute",
            "capaciteit", "rekenkracht"]),
        (Relation.Sells, [
            "sell", "sells", "sold", "selling", "sale", "divest", "divests", "divested", "divestment", "exit", "exited", "dump",
            "dumped", "offload", "offloaded", "verkoop", "verkoopt", "verkocht", "verkopen", "verkochte"]),
        (Relation.Partners, [
            "partner", "partners", "partnered", "partnering", "partnership", "partnerships", "collaborate", "collaborates",
            "collaboration", "cooperate", "cooperation", "alliance", "samenwerking", "samenwerkingen", "samenwerken", "werkt",
            "werken", "partnerschap", "allies", "team", "teamed"]),
        (Relation.Any, [
            "deal", "deals", "contract", "contracts", "agreement", "agreements", "agreed", "agree", "sign", "signed", "signs",
            "pact", "arrangement", "afspraak", "afspraken", "overeenkomst", "overeenkomsten", "akkoord", "overeengekomen",
            "afgesproken", "gesloten", "sloot", "sluit", "tekende", "getekend", "contracten", "transaction", "transactions",
            "relationship", "relation", "relatie", "link", "links", "ties", "banden", "between", "tussen", "with", "met"]));

    /// <summary>Verbs whose subject receives: "How much did Groq get from Nvidia?" — the giver follows <c>from</c>.</summary>
    public static readonly IReadOnlySet<string> ReceiverVerbs = Set(
        "get", "gets", "got", "receive", "receives", "received", "raise", "raised", "raising", "krijgt", "kreeg", "gekregen",
        "ontving", "ontvangen", "opgehaald", "haalde", "rent", "rents", "rented", "lease", "leases", "leased", "huurt", "huurde",
        "use", "uses", "used", "gebruikt", "gebruikte");

    /// <summary>Before a company: it is the giver, holder or doer ("from Nvidia", "by Amazon", "door Amazon").</summary>
    public static readonly IReadOnlySet<string> GiverMarkers = Set("from", "by", "door", "bij");

    /// <summary>Before a company: it receives or is the object ("in Anthropic", "for Groq", "to OpenAI", "aan OpenAI").</summary>
    public static readonly IReadOnlySet<string> ObjectMarkers = Set("in", "into", "for", "to", "on", "aan", "voor", "naar");

    /// <summary>Before a company: the relation has no direction ("with Broadcom", "and Anthropic", "met Broadcom").</summary>
    public static readonly IReadOnlySet<string> SymmetricMarkers = Set("with", "and", "between", "&", "met", "en", "tussen", "versus", "vs", "vs.");

    /// <summary>Words that may stand between a marker and the company it marks ("in the OpenAI deal", "for its Intel shares").</summary>
    public static readonly IReadOnlySet<string> Determiners = Set(
        "the", "a", "an", "its", "their", "his", "her", "de", "het", "een", "zijn", "haar", "hun", "z'n", "this", "that", "dit", "dat");

    // ------------------------------------------------------------------ what is asked

    public static readonly IReadOnlySet<string> AmountWords = Set("amount", "size", "bedrag", "omvang", "total", "totaal", "sum", "much", "hoeveel", "worth");

    public static readonly IReadOnlySet<string> StakeWords = Set("stake", "stakes", "share", "percent", "percentage", "%", "belang", "aandeel", "procent", "ownership");

    /// <summary>What is bought when shares of a company are bought, not the company: "a stake", "shares", "aandelen", "stock".</summary>
    public static readonly IReadOnlySet<string> HoldingWords = Set([.. StakeWords, "shares", "aandelen", "stock"]);

    public static readonly IReadOnlySet<string> PriceWords = Set("pay", "paid", "pays", "price", "cost", "costs", "betaalde", "betaalt", "betaald", "prijs", "kostte", "kosten");

    public static readonly IReadOnlySet<string> DateWords = Set("when", "wanneer", "date", "datum");

    public static readonly IReadOnlySet<string> TermWords = Set(
        "term", "duration", "looptijd", "expire", "expires", "end", "ends", "ending", "einddatum", "hoelang", "through", "runs", "run", "loopt", "lopen", "duurt");

    public static readonly IReadOnlySet<string> LeadWords = Set("led", "lead", "leads", "leading", "leidde", "leiding", "geleid", "hoofdinvesteerder", "anchored");

    public static readonly IReadOnlySet<string> StageWords = Set(
        "done", "closed", "completed", "complete", "final", "finalised", "finalized",
        "doorgegaan", "doorgaan", "afgerond", "rond", "definitief", "gepland", "cancelled", "canceled", "afgeblazen", "status");

    public static readonly IReadOnlySet<string> CountWords = Set("many", "number", "aantal", "count");

    public static readonly IReadOnlySet<string> LatestWords = Set("latest", "newest", "last", "laatste", "nieuwste", "recentste", "most-recent");

    public static readonly IReadOnlySet<string> FirstWords = Set("first", "earliest", "eerste", "vroegste", "initial");

    public static readonly IReadOnlySet<string> BiggestWords = Set(
        "biggest", "largest", "largest-ever", "record", "grootste", "top", "major", "highest", "hoogste", "most", "meeste");

    /// <summary>Words that start a yes/no question in English.</summary>
    public static readonly IReadOnlySet<string> EnglishYesNoStarters = Set(
        "did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "isn't", "didn't", "hasn't");

    /// <summary>Words that start a yes/no question in Dutch: Dutch puts the finite verb first.</summary>
    public static readonly IReadOnlySet<string> DutchYesNoStarters = Set(
        "heeft", "hebben", "had", "hadden", "is", "zijn", "was", "waren", "wordt", "werd", "doet", "deed", "gaat", "ging", "kan",
        "zal", "zou", "investeert", "investeerde", "koopt", "kocht", "neemt", "nam", "bezit", "bezat", "betaalt", "betaalde", "klopt",
        "overwoog", "overweegt", "staat", "stond",
        "levert", "leverde", "steunt", "steunde", "financiert", "financierde", "werkt", "werkte", "krijgt", "kreeg", "huurt", "loopt");

    /// <summary>Words of what is expected or planned: "will", "expects", "verwacht", "wil".</summary>
    public static readonly IReadOnlySet<string> FutureWords = Set(
        "will", "expect", "expects", "expected", "expecting", "plan", "plans", "planned", "planning", "guidance", "forecast",
        "forecasts", "projected", "projection", "projections", "going", "wil", "willen", "gaat", "verwacht", "verwachte",
        "verwachtte", "verwachting", "prognose", "plant", "zal", "zullen");

    /// <summary>Words of forecasts: figures, not deals ("Anthropic's 2028 projections").</summary>
    public static readonly IReadOnlySet<string> ProjectionWords = Set(
        "projection", "projections", "projected", "forecast", "forecasts", "guidance", "outlook", "prognose", "prognoses", "verwachting", "verwachtingen");

    /// <summary>Words of talks: a question about them is answered Yes by talks ("Did Amazon consider investing?").</summary>
    public static readonly IReadOnlySet<string> TalksWords = Set(
        "consider", "considered", "considering", "considers", "talks", "talking", "negotiate", "negotiated", "negotiating", "discuss",
        "discussed", "overweegt", "overwoog", "overwogen", "gesprek", "gesprekken", "onderhandelt", "onderhandelde", "praatte", "praat");

    /// <summary>Words of a takeover in the strict sense: an acquisition or merger, not a licence or a share purchase.</summary>
    public static readonly IReadOnlySet<string> TakeoverWords = Set(
        "acquire", "acquires", "acquired", "acquiring", "acquisition", "takeover", "merge", "merged", "merger", "overname", "overnemen",
        "overgenomen", "fusie", "overnam");

    /// <summary>Verbs with which Dutch "bij" names the giver ("ophalen bij", "kopen bij", "afnemen bij"); else it names the receiver.</summary>
    public static readonly IReadOnlySet<string> FromVerbs = Set(
        "haalt", "haalde", "ophalen", "opgehaald", "koopt", "kocht", "kopen", "gekocht", "neemt", "nam", "afnemen", "afgenomen",
        "huurt", "huurde", "huren", "leent", "leende", "lenen", "krijgt", "kreeg", "gekregen", "gebruikt");

    /// <summary>Words of what may happen: "would", "could", "zou", "kunnen".</summary>
    public static readonly IReadOnlySet<string> ConditionalWords = Set("would", "could", "might", "may", "zou", "zouden", "kunnen", "kan", "mogelijk", "possible", "possibly");

    public static readonly IReadOnlySet<string> StillWords = Set("still", "nog", "anymore", "steeds", "currently", "momenteel", "now", "nu");

    /// <summary>Words that open a follow-up ("and Anthropic?", "what about their investors?", "en Mistral?").</summary>
    public static readonly IReadOnlySet<string> FollowUpOpeners = Set("and", "en", "also", "ook", "same", "hetzelfde", "then", "dan");

    /// <summary>Words that point back at the last answer's fact or company.</summary>
    public static readonly IReadOnlySet<string> PointingWords = Set(
        "it", "that", "this", "they", "them", "their", "its", "those", "het", "dat", "ze", "zij", "hun");

    public static readonly IReadOnlyDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.Ordinal)
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
    };

    /// <summary>Words of periods: "this year", "Q1", "eerste helft", "since".</summary>
    public static readonly IReadOnlySet<string> PeriodWords = Set(
        "this", "last", "year", "years", "since", "in", "quarter", "month", "months", "past", "previous", "current", "half", "first",
        "second", "third", "fourth", "dit", "vorig", "vorige", "jaar", "sinds", "kwartaal", "maand", "maanden", "afgelopen", "deze",
        "huidige", "helft", "eerste", "tweede", "derde", "vierde", "from", "vanaf", "of", "van", "h1", "h2", "q1", "q2", "q3", "q4");

    /// <summary>Common words that carry no topic: kept out of topic terms and unknown company names.</summary>
    public static readonly IReadOnlySet<string> FunctionWords = Set(
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "and", "or", "is", "are", "was", "were", "be", "been", "it",
        "its", "their", "they", "them", "this", "that", "these", "those", "there", "do", "does", "did", "has", "have", "had", "what",
        "which", "who", "whom", "how", "when", "where", "why", "much", "many", "me", "my", "i", "you", "your", "we", "our", "us",
        "tell", "show", "give", "list", "please", "about", "any", "all", "some", "so", "far", "by", "from", "into", "than", "then",
        "will", "would", "can", "could", "should", "not", "no", "yes", "also", "just", "ever", "more", "most", "up", "out", "over",
        "de", "het", "een", "van", "in", "op", "aan", "voor", "met", "en", "of", "is", "zijn", "was", "waren", "wat", "welke", "welk",
        "wie", "hoe", "hoeveel", "wanneer", "waar", "waarom", "er", "ook", "nog", "al", "heeft", "hebben", "had", "dat", "die", "dit",
        "deze", "ze", "zij", "hun", "haar", "je", "jij", "u", "ik", "mij", "me", "we", "wij", "ons", "onze", "kun", "kunt", "vertel",
        "toon", "laat", "zien", "graag", "alsjeblieft", "over", "bij", "naar", "door", "om", "te", "tot", "uit", "wordt", "werd",
        "worden", "geen", "niet", "wel", "maar", "dan", "als", "nu", "meer", "veel", "gaat", "ging", "doet", "deed", "s", "going",
        "know", "known", "weet", "bekend", "happened", "gebeurd", "latest", "news", "nieuws", "company", "companies", "bedrijf",
        "bedrijven", "firm", "firms", "make", "made", "still", "steeds", "get", "got", "one", "two", "three", "een", "twee", "drie",
        "sb", "inc", "ltd", "llc", "corp", "part", "deel", "piece", "portion", "stuk", "via", "per", "through", "door");

    /// <summary>The words that name an intent or a kind of deal: they choose the query, so they never rank its facts.</summary>
    public static readonly IReadOnlySet<string> IntentWords = Valuation.Concat(Deals).Concat(Funding).Concat(Acquisitions).Concat(Ipo)
        .Concat(Investors).Concat(Invest).Concat(Portfolio).Concat(Financials).Concat(Partners).Concat(Profile).Concat(Recent)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Words that are never a company name, even with a typo.</summary>
    public static readonly IReadOnlySet<string> NeverCompanies = Valuation.Concat(Deals).Concat(Funding).Concat(Acquisitions)
        .Concat(Ipo).Concat(Cloud).Concat(Chips).Concat(Infrastructure).Concat(Partners).Concat(Investors).Concat(Invest)
        .Concat(Portfolio).Concat(Financials).Concat(Compare).Concat(Search).Concat(Help).Concat(About).Concat(Profile)
        .Concat(Recent).Concat(EnglishMarkers).Concat(DutchMarkers).Concat(Months.Keys).Concat(RelationWords.Keys)
        .Concat(FunctionWords).Concat(PeriodWords).Concat(TermWords).Concat(StageWords).Concat(LeadWords).Concat(BiggestWords)
        .Concat(LatestWords).Concat(FirstWords).Concat(StillWords)
        .Concat(["quarter", "today", "tell", "please", "graag", "could", "would", "should", "there", "their", "these", "those",
            "about", "after", "before", "other", "going", "years", "jaren", "between", "tussen", "companies", "bedrijven",
            "company", "questions", "question", "vraag", "answer", "thanks", "bedankt", "hello", "hallo", "world", "billion",
            "million", "trillion", "miljard", "miljoen", "biljoen", "dollar", "dollars", "euro", "euros", "data", "centre", "center",
            "plan", "plans", "planned", "money", "geld", "cash", "ai", "lab", "labs", "model", "models", "startup", "start-up"])
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every word with a role in a question, which a typo may stand for ("portfolo" → "portfolio"); built when first needed.</summary>
    private static readonly Lazy<string[]> CorrectableWords = new(() => [.. Valuation.Concat(Deals).Concat(Funding).Concat(Acquisitions).Concat(Ipo)
        .Concat(Partners).Concat(Investors).Concat(Invest).Concat(Portfolio).Concat(Financials).Concat(Compare).Concat(Profile)
        .Concat(RelationWords.Keys).Concat(Months.Keys).Concat(LeadWords).Concat(TermWords).Concat(BiggestWords).Concat(LatestWords)
        .Concat(Cloud).Concat(Chips).Concat(Infrastructure)
        .Where(w => w.Length >= 6)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)]);

    /// <summary>Whether the word has a meaning in questions (not a name).</summary>
    public static bool IsKnownWord(string lower) => NeverCompanies.Contains(lower);

    /// <summary>
    /// The word a typo stands for: an unknown word of six letters or more one edit away from exactly one word we know
    /// (two edits from ten letters). Null when there is none or more than one.
    /// </summary>
    public static string? Correct(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        if (lower.Length < 6 || IsKnownWord(lower) || !lower.All(char.IsLetter))
        {
            return null;
        }

        int allowed = lower.Length >= 10 ? 2 : 1;
        string? best = null;
        int bestDistance = int.MaxValue;
        bool tie = false;
        foreach (string word in CorrectableWords.Value)
        {
            if (Math.Abs(word.Length - lower.Length) > allowed)
            {
                continue;
            }

            int distance = EditDistance.Between(lower, word, allowed);
            if (distance > allowed)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (word, distance, false);
            }
            else if (distance == bestDistance && !SameStem(best!, word))
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    /// <summary>The kind of deal a word names, if any.</summary>
    public static DealType? DealTypeOf(string lower) =>
        Funding.Contains(lower) ? DealType.Funding
        : Acquisitions.Contains(lower) ? DealType.Acquisition
        : Chips.Contains(lower) ? DealType.Chips
        : Cloud.Contains(lower) ? DealType.Cloud
        : Infrastructure.Contains(lower) ? DealType.Infrastructure
        : lower is "partnership" or "partnerships" or "partnerschappen" or "samenwerkingen" or "samenwerking" ? DealType.Partnership
        : lower is "investments" or "investeringen" ? DealType.Investment
        : null;

    /// <summary>The financial figure a word names: "lost" → loss, "omzet" → revenue.</summary>
    public static FinancialMetric? MetricOf(string lower) => lower switch
    {
        "lose" or "lost" or "loses" or "loss" or "losses" or "verlies" or "verliezen" or "verloor" or "verloren" or "leed" => FinancialMetric.Loss,
        "spend" or "spent" or "spends" or "spending" or "uitgaven" or "uitgegeven" or "uitgeven" or "gaf" or "costs" or "cost" or "kosten" or "capex" or "expenditure" or "investeringsuitgaven" => FinancialMetric.Spending,
        "revenue" or "revenues" or "sales" or "omzet" or "inkomsten" or "income" => FinancialMetric.Revenue,
        "profit" or "profits" or "profitable" or "winst" or "winstgevend" or "break-even" => FinancialMetric.Profit,
        "burn" or "burned" or "burnt" => FinancialMetric.CashBurn,
        "run-rate" or "runrate" => FinancialMetric.RunRate,
        "kasstroom" => FinancialMetric.CashFlow,
        _ => null,
    };

    private static bool SameStem(string a, string b) => a.Length >= 6 && b.Length >= 6 && a.AsSpan(0, 6).SequenceEqual(b.AsSpan(0, 6));

    // Hash sets, not frozen ones: freezing analyses every key, which a one-off `ask` pays for at start-up.
    private static HashSet<string> Set(params string[] words) => words.ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, Relation> Build(params (Relation Relation, string[] Words)[] groups)
    {
        Dictionary<string, Relation> words = new(StringComparer.Ordinal);
        foreach ((Relation relation, string[] list) in groups)
        {
            foreach (string word in list)
            {
                words.TryAdd(word, relation);
            }
        }

        return words;
    }
}
