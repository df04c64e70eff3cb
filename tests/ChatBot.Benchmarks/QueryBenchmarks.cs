using BenchmarkDotNet.Attributes;
using ChatBot.Core.Commands;
using ChatBot.Core.Conversations;
using ChatBot.Core.Knowledge;
using ChatBot.Core.Replies;
using ChatBot.Testing;

namespace ChatBot.Benchmarks;

/// <summary>The query engine and the question parser on the shipped knowledge.</summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private readonly Conversation _user = new("bench", "user");
    private ChatBotEngine _engine = null!;
    private ChatBotEngine _cachingEngine = null!;
    private CompanyDirectory _directory = null!;

    [GlobalSetup]
    public void Setup()
    {
        KnowledgeSnapshot snapshot = Repository.ShippedSnapshot;
        _directory = snapshot.Directory;
        _engine = new ChatBotEngine(new FixedKnowledge(snapshot), TimeProvider.System, new EngineSettings(0, CacheAnswers: false));
        _cachingEngine = new ChatBotEngine(new FixedKnowledge(snapshot), TimeProvider.System, new EngineSettings(0));
    }

    [Benchmark(Description = "command: /valuation OpenAI")]
    public Reply ValuationCommand() => _engine.Handle(Utterance.FromText("/valuation OpenAI"), _user);

    [Benchmark(Description = "command: /deals Amazon")]
    public Reply DealsCommand() => _engine.Handle(Utterance.FromText("/deals Amazon"), _user);

    [Benchmark(Description = "command: /investors OpenAI")]
    public Reply InvestorsCommand() => _engine.Handle(Utterance.FromText("/investors OpenAI"), _user);

    [Benchmark(Description = "question: What is OpenAI worth?")]
    public Reply EnglishQuestion() => _engine.Handle(Utterance.FromText("What is OpenAI worth?"), _user);

    [Benchmark(Description = "question: Welke deals heeft Amazon gesloten?")]
    public Reply DutchQuestion() => _engine.Handle(Utterance.FromText("Welke deals heeft Amazon gesloten?"), _user);

    [Benchmark(Description = "repeated question, answer cache on")]
    public Reply CachedQuestion() => _cachingEngine.Handle(Utterance.FromText("What is OpenAI worth?"), _user);

    [Benchmark(Description = "parse only: Who are OpenAI's cloud partners?")]
    public ParseResult ParseOnly() => CommandParser.Parse("Who are OpenAI's cloud partners?", _directory, Repository.ShippedSnapshot.UsesWord);

    [Benchmark(Description = "render: /valuation OpenAI as text")]
    public string RenderText() => TextReplyRenderer.Render(_engine.Handle(Utterance.FromText("/valuation OpenAI"), _user));
}
