using ChatBot.Core.Knowledge;
using ChatBot.Testing;

namespace ChatBot.Knowledge.Tests.Loading;

/// <summary>The knowledge files in <c>knowledge/</c> are the product's data: CI is the gate for every human edit.</summary>
public class ShippedKnowledgeTests
{
    private static KnowledgeContent Content => Repository.ShippedKnowledge.Content!.Content;

    [Fact]
    public void ShippedFiles_Validate() =>
        Assert.True(Repository.ShippedKnowledge.IsValid, string.Join('\n', Repository.ShippedKnowledge.Errors));

    [Fact]
    public void ShippedFiles_AreBroad()
    {
        Assert.True(Content.Companies.Length >= 25, $"{Content.Companies.Length} companies");
        Assert.True(Content.Events.Length >= 100, $"{Content.Events.Length} events");
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("xai")]
    [InlineData("mistral-ai")]
    [InlineData("alphabet")]
    [InlineData("microsoft")]
    [InlineData("amazon")]
    [InlineData("nvidia")]
    [InlineData("oracle")]
    [InlineData("coreweave")]
    [InlineData("softbank")]
    [InlineData("stargate")]
    [InlineData("meta")]
    [InlineData("scale-ai")]
    [InlineData("perplexity")]
    [InlineData("databricks")]
    [InlineData("ssi")]
    [InlineData("thinking-machines")]
    [InlineData("cohere")]
    public void MajorCompanies_HaveEvents(string id) =>
        Assert.NotEmpty(Repository.ShippedSnapshot.EventsOf(id));

    /// <summary>The seed article's facts, with the status the article gives them (talks / reported / estimate / confirmed).</summary>
    [Theory]
    [InlineData("openai-amazon-investment-talks-2025-12", EventType.Investment, Stage.Talks, Certainty.Reported, "Amazon considering about $10 billion")]
    [InlineData("openai-valuation-amazon-talks-2025-12", EventType.Valuation, Stage.Talks, Certainty.Reported, "more than $500 billion if Amazon invests")]
    [InlineData("openai-aws-cloud-deal-2025-11", EventType.CloudDeal, Stage.Completed, Certainty.Confirmed, "the $38 billion AWS deal until 2032")]
    [InlineData("openai-trainium-talks-2025-12", EventType.ChipDeal, Stage.Talks, Certainty.Reported, "considering Trainium, The Information first")]
    [InlineData("amazon-annapurna-acquisition-2015", EventType.Acquisition, Stage.Completed, Certainty.Confirmed, "Annapurna Labs, 2015")]
    [InlineData("microsoft-openai-stake-2025-10", EventType.Stake, Stage.Completed, Certainty.Confirmed, "Microsoft's 27%")]
    [InlineData("openai-financials-2024", EventType.Financials, Stage.Completed, Certainty.Estimate, "spent about $9 billion, lost about $5 billion in 2024")]
    [InlineData("openai-secondary-sale-2025-10", EventType.FundingRound, Stage.Completed, Certainty.Confirmed, "$500 billion after a $6.6 billion share sale")]
    [InlineData("openai-funding-round-2025-03", EventType.FundingRound, Stage.Completed, Certainty.Confirmed, "$40 billion led by SoftBank")]
    [InlineData("openai-ipo-plan-2025-10", EventType.IpoPlan, Stage.Talks, Certainty.Reported, "IPO at up to $1 trillion, Reuters")]
    [InlineData("openai-cloud-partner-microsoft", EventType.Partnership, Stage.Completed, Certainty.Confirmed, "Microsoft, long the primary cloud")]
    [InlineData("openai-oracle-cloud-deal-2025-09", EventType.CloudDeal, Stage.Agreed, Certainty.Reported, "Oracle")]
    [InlineData("openai-coreweave-2025-03", EventType.CloudDeal, Stage.Completed, Certainty.Confirmed, "CoreWeave, the neocloud")]
    public void SeedFacts_ArePresentWithTheirStatus(string id, EventType type, Stage stage, Certainty certainty, string fact)
    {
        KnowledgeEvent? e = Repository.ShippedSnapshot.FindEvent(id);

        Assert.True(e is not null, $"missing seed fact: {fact}");
        Assert.Equal((type, stage, certainty), (e.Type, e.Stage, e.Certainty));
    }

    [Theory]
    [InlineData("openai-amazon-investment-talks-2025-12", "about 10 billion USD", null)]
    [InlineData("openai-aws-cloud-deal-2025-11", "38 billion USD", null)]
    [InlineData("openai-secondary-sale-2025-10", "6.6 billion USD", "500 billion USD")]
    [InlineData("openai-funding-round-2025-03", "40 billion USD", "300 billion USD")]
    public void SeedFacts_CarryTheArticlesFigures(string id, string amount, string? valuation)
    {
        KnowledgeEvent e = Repository.ShippedSnapshot.FindEvent(id)!;

        Assert.Equal(amount, e.Amount.ToString());
        Assert.Equal(valuation, e.Valuation?.Amount.ToString());
    }

    [Fact]
    public void SeedArticle_IsCitedAsTheSourceOfItsFacts()
    {
        string[] cited = ["openai-amazon-investment-talks-2025-12", "openai-trainium-talks-2025-12", "openai-valuation-amazon-talks-2025-12"];

        Assert.All(cited, id => Assert.Contains(Repository.ShippedSnapshot.FindEvent(id)!.Sources, s => s.Publisher == "Techzine" && s.Date.ToString() == "2025-12-17"));
    }

    [Fact]
    public void EverySource_HasPublisherAndDate_AndUrlsAreTheOutletsOwn()
    {
        // Reprint and aggregator sites from the research notes must never be cited: the original outlet is.
        string[] reprints =
        [
            "particle.news", "tekedia", "republicworld", "aktienmagazin", "techbuzz", "yourstory", "ciol.com", "usaemall", "ombre",
            "vbngtv", "inbvnews", "emploi1", "legalparivar", "hindustantimes", "businesstoday", "verdict.co.uk", "scmp", "headliner",
            "windowsreport", "nairametrics", "cdomagazine", "thedailyscout", "crypto-observer", "reportify", "ndtv", "mgrowtech",
            "mobileappdaily", "marketscreener", "theoutpost", "gogoai", "cirrkus", "clubdeal", "theglobalpractice", "aimetrix",
            "newser", "digitalmarketreports", "arynews", "wyomingstarnews", "awnewsday", "imdhmi", "mezha", "benzinga", "nextunicorn",
            "bnnbloomberg", "nbcphiladelphia", "phonearena", "allmind", "bisnow", "techfundingnews", "247wallst", "lincolndailynews",
            "techdigest", "phoneworld", "newsbeep", "dcpulse", "metalandbattlefields",
            "businesslive", "winbuzzer", "blacknewsdaily", "techeconomy", "hothardware", "ventureindet", "digidai", "crypto-economy",
            "naveegator", "neuronad", "clarus", "benefitsandpensionsmonitor", "rivista", "bitgetapp", "libproxy", "galtzhu",
            "democraticunderground", "mailinator", "nie-podam", "particlenews",
        ];
        foreach (KnowledgeEvent e in Content.Events)
        {
            Assert.NotEmpty(e.Sources);
            foreach (Source source in e.Sources)
            {
                Assert.False(string.IsNullOrWhiteSpace(source.Publisher), e.Id);
                string? reprint = reprints.FirstOrDefault(r => source.Url?.Contains(r, StringComparison.OrdinalIgnoreCase) == true);
                Assert.True(reprint is null, $"{e.Id} cites a reprint site: {source.Url}");
            }
        }
    }

    [Fact]
    public void EveryEvent_HasADutchSummary() =>
        Assert.All(Content.Events, e => Assert.False(string.IsNullOrWhiteSpace(e.SummaryNl), e.Id));
}
