using BenchmarkDotNet.Attributes;
using ChatBot.Core.Commands;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Knowledge.Loading;
using ChatBot.Search;
using ChatBot.Testing;

namespace ChatBot.Benchmarks;

/// <summary>
/// Questions understood and answered, the answer cache off, on the shipped knowledge and on 10,000 generated events:
/// a relation between two companies, a Dutch yes/no, a superlative over a year, a follow-up, and parsing alone.
/// Targets: a parsed question answered in ≤ 100 µs median on the shipped knowledge, ≤ 200 µs at 10,000 events.
/// </summary>
[MemoryDiagnoser]
public class QuestionBenchmarks
{
    private readonly Conversation _user = new("bench", "user", "place");
    private ChatBotEngine _engine = null!;
    private KnowledgeSnapshot _snapshot = null!;
    private string _relation = null!;
    private string _yesNo = null!;
    private string _single = null!;

    [Params("shipped", "10k")]
    public string Knowledge { get; set; } = "shipped";

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = Knowledge == "shipped" ? Repository.ShippedSnapshot : Generated(10_000);
        _engine = new ChatBotEngine(new FixedKnowledge(_snapshot), TimeProvider.System, new EngineSettings(0, CacheAnswers: false), search: new LuceneEventSearch());
        if (Knowledge == "shipped")
        {
            (_relation, _yesNo, _single) = ("How much did Microsoft invest in Anthropic?", "Heeft Microsoft in Anthropic geïnvesteerd?", "What is OpenAI worth?");
        }
        else
        {
            // A pair the generated knowledge links by an investment, named as users would.
            KnowledgeEvent e = _snapshot.Content.Events.First(x => x.Type == EventType.Investment);
            string investor = _snapshot.GetCompany(e.Parties.First(p => p.Role == Role.LeadInvestor).CompanyId).Name;
            string subject = _snapshot.GetCompany(e.Subject!.CompanyId).Name;
            (_relation, _yesNo, _single) = ($"How much did {investor} invest in {subject}?", $"Heeft {investor} in {subject} geïnvesteerd?", $"What is {subject} worth?");
        }
    }

    public static KnowledgeSnapshot Generated(int events)
    {
        using TempDirectory temp = new();
        KnowledgeGenerator.Write(temp.File("knowledge"), events);
        KnowledgeLoadResult loaded = KnowledgeFileReader.Load(temp.File("knowledge"), 262_144_000);
        return new KnowledgeSnapshot(loaded.Content!.Content, new RevisionInfo(1, loaded.Content.ContentHash, DateTimeOffset.UnixEpoch));
    }

    [Benchmark(Description = "relation: how much did X invest in Y")]
    public Reply Relation() => _engine.Handle(Utterance.FromText(_relation), _user);

    [Benchmark(Description = "yes/no, Dutch: heeft X in Y geïnvesteerd")]
    public Reply YesNo() => _engine.Handle(Utterance.FromText(_yesNo), _user);

    [Benchmark(Description = "one company: what is X worth")]
    public Reply OneCompany() => _engine.Handle(Utterance.FromText(_single), _user);

    [Benchmark(Description = "superlative over a year: biggest deals of 2025")]
    public Reply Biggest() => _engine.Handle(Utterance.FromText("biggest deals of 2025"), _user);

    [Benchmark(Description = "follow-up: and in 2024?")]
    public Reply FollowUp()
    {
        _engine.Handle(Utterance.FromText(_relation), _user);
        return _engine.Handle(Utterance.FromText("and in 2024?"), _user);
    }

    [Benchmark(Description = "parse only: the relation question")]
    public ParseResult ParseOnly() => CommandParser.Parse(_relation, _snapshot.Directory, _snapshot.UsesWord);
}
