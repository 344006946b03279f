using DurableLessons.Research.Text;

namespace DurableLessons.Research.Local;

internal sealed record ScoredChunk(CorpusChunk Chunk, double Score);

/// <summary>A search term: its weight scales its BM25 contribution; only required terms can make a match.</summary>
internal sealed record QueryTerm(string Term, double Weight, bool Required);

/// <summary>
/// An Okapi BM25 index over corpus chunks (k1 = 1.2, b = 0.75, idf = ln(1 + (N − df + 0.5) / (df + 0.5))).
/// A chunk's terms are its body, its heading counted twice (it says what the chunk is about; the part before the
/// first heading has the document title as its heading) and its subject folder. The document title is not added
/// to every chunk: it would make all sections of a file look alike and let a broad title ("Verb Tenses") outrank
/// the section that answers the query. Immutable once built, so searches need no locking.
/// </summary>
internal sealed class Bm25Index
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    private readonly CorpusChunk[] _chunks;
    private readonly int[] _lengths;
    private readonly Dictionary<string, List<(int Chunk, int Frequency)>> _postings;
    private readonly double _averageLength;

    private Bm25Index(CorpusChunk[] chunks, int[] lengths, Dictionary<string, List<(int Chunk, int Frequency)>> postings)
    {
        _chunks = chunks;
        _lengths = lengths;
        _postings = postings;
        _averageLength = lengths.Length == 0 ? 0 : lengths.Average();
    }

    public IReadOnlyList<CorpusChunk> Chunks => _chunks;

    public static Bm25Index Build(IEnumerable<CorpusChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var all = chunks.ToArray();
        var lengths = new int[all.Length];
        var postings = new Dictionary<string, List<(int Chunk, int Frequency)>>(StringComparer.Ordinal);
        for (var index = 0; index < all.Length; index++)
        {
            var terms = TermsOf(all[index]);
            lengths[index] = terms.Count;
            foreach (var group in terms.GroupBy(term => term, StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(group.Key, out var list))
                {
                    list = [];
                    postings[group.Key] = list;
                }

                list.Add((index, group.Count()));
            }
        }

        return new Bm25Index(all, lengths, postings);
    }

    /// <summary>
    /// Chunks that contain at least one required term, best first (ties by URL, so results are stable). Each term's
    /// BM25 contribution is multiplied by its weight; optional terms add to the score of a match but do not make one.
    /// </summary>
    public IReadOnlyList<ScoredChunk> Search(IEnumerable<QueryTerm> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scores = new Dictionary<int, double>();
        var matched = new HashSet<int>();
        var terms = query
            .GroupBy(term => term.Term, StringComparer.Ordinal)
            .Select(group => new QueryTerm(group.Key, group.Max(term => term.Weight), group.Any(term => term.Required)));
        foreach (var term in terms)
        {
            if (!_postings.TryGetValue(term.Term, out var list))
            {
                continue;
            }

            var idf = Math.Log(1 + ((_chunks.Length - list.Count + 0.5) / (list.Count + 0.5)));
            foreach (var (chunk, frequency) in list)
            {
                var norm = K1 * (1 - B + (B * _lengths[chunk] / _averageLength));
                scores[chunk] = scores.GetValueOrDefault(chunk) + (term.Weight * idf * frequency * (K1 + 1) / (frequency + norm));
                if (term.Required)
                {
                    matched.Add(chunk);
                }
            }
        }

        return matched
            .Select(index => new ScoredChunk(_chunks[index], scores[index]))
            .OrderByDescending(scored => scored.Score)
            .ThenBy(scored => scored.Chunk.Url, StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> TermsOf(CorpusChunk chunk)
    {
        var heading = TextTokenizer.Tokenize(chunk.Heading);
        var terms = new List<string>(heading);
        terms.AddRange(heading);
        terms.AddRange(TextTokenizer.Tokenize(chunk.Subject));
        terms.AddRange(TextTokenizer.Tokenize(chunk.Text));
        return terms;
    }
}
