using System.Globalization;
using System.Text;

namespace ChatBot.Testing;

/// <summary>
/// Writes a large, valid knowledge set (companies and events over several files) for scale tests and benchmarks.
/// Deterministic for a given seed.
/// </summary>
public static class KnowledgeGenerator
{
    private static readonly string[] Types = ["funding-round", "investment", "cloud-deal", "chip-deal", "partnership", "acquisition", "valuation", "stake"];
    private static readonly string[] Stages = ["talks", "announced", "agreed", "completed", "completed", "completed"];
    private static readonly string[] Certainties = ["confirmed", "confirmed", "reported", "estimate"];
    private static readonly string[] Publishers = ["Reuters", "Bloomberg", "Financial Times", "The Information", "CNBC"];

    /// <summary>Writes <paramref name="events"/> events about <paramref name="companies"/> companies into <paramref name="files"/> files.</summary>
    public static void Write(string directory, int events, int companies = 2000, int files = 10, int seed = 42)
    {
        Directory.CreateDirectory(directory);
        Random random = new(seed);
        StringBuilder companyFile = new("companies:\n");
        for (int c = 0; c < companies; c++)
        {
            companyFile.Append(CultureInfo.InvariantCulture, $"  - id: company-{c}\n    name: Company {c}\n    aliases: [Co{c} Labs]\n    kind: ai-lab\n");
        }

        File.WriteAllText(Path.Combine(directory, "companies.yaml"), companyFile.ToString());
        int perFile = (events + files - 1) / files;
        for (int f = 0; f < files; f++)
        {
            StringBuilder text = new("events:\n");
            for (int e = f * perFile; e < Math.Min(events, (f + 1) * perFile); e++)
            {
                string type = Types[random.Next(Types.Length)];
                int subject = random.Next(companies);
                int other = (subject + 1 + random.Next(companies - 1)) % companies;
                DateOnly date = new DateOnly(2015, 1, 1).AddDays(random.Next(4000));
                string role = type switch
                {
                    "cloud-deal" or "chip-deal" => "provider",
                    "partnership" => "partner",
                    "acquisition" => "acquirer",
                    _ => "lead-investor",
                };
                string subjectRole = type == "acquisition" ? "target" : "subject";
                text.Append(CultureInfo.InvariantCulture, $"""
                      - id: event-{e}
                        type: {type}
                        date: {date:yyyy-MM-dd}
                        stage: {Stages[random.Next(Stages.Length)]}
                        certainty: {Certainties[random.Next(Certainties.Length)]}
                        parties: {"{"} company-{subject}: {subjectRole}, company-{other}: {role} {"}"}
                        amount: about {random.Next(1, 900)} million USD
                        valuation: {"{"} amount: {random.Next(1, 500)} billion USD, basis: post-money {"}"}
                        summary: Company {other} and Company {subject} signed a {type.Replace('-', ' ')}.
                        summary_nl: Company {other} en Company {subject} sloten een deal.
                        sources:
                          - {"{"} publisher: {Publishers[random.Next(Publishers.Length)]}, date: {date:yyyy-MM-dd} {"}"}

                    """);
            }

            File.WriteAllText(Path.Combine(directory, $"events-{f:D2}.yaml"), text.ToString());
        }
    }
}
