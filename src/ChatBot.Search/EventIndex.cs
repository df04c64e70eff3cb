using ChatBot.Core.Knowledge;
using ChatBot.Core.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneTerm = Lucene.Net.Index.Term;

namespace ChatBot.Search;

/// <summary>
/// The Lucene index of one snapshot: a document per event with an English field (summary, note, kind of event, round
/// name), a Dutch field (the Dutch summary, or the English one) and a names field (the companies by name and alias, the
/// other participants). A query word matches a field through that field's analyzer; an event's coverage is the share
/// of the query's words it matches in any field.
/// </summary>
internal sealed class EventIndex
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string English = "en";
    private const string Dutch = "nl";
    private const string Names = "names";

    // Analyzers are safe to share: each thread gets its own token stream components. The index and the queries use the same ones.
    private static readonly (string Field, Analyzer Analyzer)[] FieldAnalyzers =
    [
        (English, new EnglishAnalyzer(Version)),
        (Dutch, new DutchAnalyzer(Version)),
        (Names, new StandardAnalyzer(Version)),
    ];

    private readonly IndexSearcher _searcher;
    private readonly KnowledgeEvent[] _events;
    private readonly HashSet<string>[] _terms;

    private EventIndex(IndexSearcher searcher, KnowledgeEvent[] events, HashSet<string>[] terms)
    {
        _searcher = searcher;
        _events = events;
        _terms = terms;
    }

    public static EventIndex Build(KnowledgeSnapshot snapshot)
    {
        KnowledgeEvent[] events = [.. snapshot.Content.Events];
        RAMDirectory directory = new();
        Analyzer analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(Version), FieldAnalyzers.ToDictionary(f => f.Field, f => f.Analyzer));
        HashSet<string>[] terms = new HashSet<string>[events.Length];
        using (IndexWriter writer = new(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE }))
        {
            for (int i = 0; i < events.Length; i++)
            {
                KnowledgeEvent e = events[i];
                (string english, string dutch, string names) = Texts(e, snapshot);
                Document document =
                [
                    new StoredField("n", i),
                    new TextField(English, english, Field.Store.NO),
                    new TextField(Dutch, dutch, Field.Store.NO),
                    new TextField(Names, names, Field.Store.NO),
                ];
                writer.AddDocument(document);
                terms[i] = [.. Analyze(analyzer, English, english).Select(t => English + ":" + t)
                    .Concat(Analyze(analyzer, Dutch, dutch).Select(t => Dutch + ":" + t))
                    .Concat(Analyze(analyzer, Names, names).Select(t => Names + ":" + t))];
            }

            writer.Commit();
        }

        return new EventIndex(new IndexSearcher(DirectoryReader.Open(directory)), events, terms);
    }

    public IReadOnlyList<EventMatch> Find(IReadOnlyList<string> words, int max)
    {
        // Each word is one clause: its English, Dutch or name form may match, so a word counts once whatever the language.
        BooleanQuery query = [];
        List<string[]> forms = [];
        foreach (string word in words)
        {
            string[] keys = [.. Forms(word)];
            if (keys.Length == 0)
            {
                continue;
            }

            forms.Add(keys);
            BooleanQuery clause = [];
            foreach (string key in keys)
            {
                clause.Add(new TermQuery(TermOf(key)) { Boost = key.StartsWith(Names, StringComparison.Ordinal) ? 1.5f : 1f }, Occur.SHOULD);
            }

            query.Add(clause, Occur.SHOULD);
        }

        // Words no event uses ("weather", "allemaal") cannot be matched by any: they do not count against coverage.
        int[] frequency = [.. forms.Select(keys => keys.Max(DocumentFrequency))];
        int indexed = frequency.Count(f => f > 0);
        if (indexed == 0)
        {
            return [];
        }

        int rare = Math.Max(3, _events.Length / 20);
        TopDocs top = _searcher.Search(query, max);
        List<EventMatch> matches = new(top.ScoreDocs.Length);
        foreach (ScoreDoc hit in top.ScoreDocs)
        {
            int n = _searcher.Doc(hit.Doc).GetField("n").GetInt32Value()!.Value;
            HashSet<string> terms = _terms[n];
            int matched = 0;
            bool specific = false;
            for (int i = 0; i < forms.Count; i++)
            {
                if (forms[i].Any(terms.Contains))
                {
                    matched++;
                    specific |= frequency[i] <= rare;
                }
            }

            matches.Add(new EventMatch(_events[n], hit.Score, (double)matched / indexed, specific));
        }

        return matches;
    }

    private int DocumentFrequency(string key) => _searcher.IndexReader.DocFreq(TermOf(key));

    /// <summary>"en:fund" → the term <c>fund</c> of the field <c>en</c>.</summary>
    private static LuceneTerm TermOf(string key)
    {
        int colon = key.IndexOf(':', StringComparison.Ordinal);
        return new LuceneTerm(key[..colon], key[(colon + 1)..]);
    }

    /// <summary>A query word in each field's analysed form ("funded" → en:fund, nl:funded, names:funded); none for a stop word.</summary>
    private static IEnumerable<string> Forms(string word)
    {
        foreach ((string field, Analyzer analyzer) in FieldAnalyzers)
        {
            foreach (string term in Analyze(analyzer, field, word))
            {
                yield return field + ":" + term;
            }
        }
    }

    private static (string English, string Dutch, string Names) Texts(KnowledgeEvent e, KnowledgeSnapshot snapshot)
    {
        string kind = e.Type.ToString();
        string english = string.Join(' ', e.Summary, e.Note, e.Round?.Name, kind, string.Join(' ', e.Quantities.Select(q => q.Unit)), string.Join(' ', e.Sources.Select(s => s.Title)));
        string dutch = string.Join(' ', e.SummaryNl ?? e.Summary, e.Round?.Name, string.Join(' ', e.Sources.Select(s => s.Title)));
        IEnumerable<string> names = e.Parties.Select(p => snapshot.FindCompany(p.CompanyId)).OfType<Company>().SelectMany(CompanyDirectory.NamesOf).Concat(e.Others);
        return (english, dutch, string.Join(' ', names));
    }

    private static List<string> Analyze(Analyzer analyzer, string field, string text)
    {
        List<string> terms = [];
        using TokenStream stream = analyzer.GetTokenStream(field, new StringReader(text));
        ICharTermAttribute term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
