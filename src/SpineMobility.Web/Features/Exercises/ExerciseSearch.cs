using System.Text;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>
/// Finds exercises by what people type: across name, summary, steps, cues, regions, position and equipment;
/// plural or singular, hyphen or space ("cat cow", "necks"); the everyday words for regions ("neck",
/// "lower back"); name matches first. Built once over the active catalog and searched in memory, so it
/// behaves the same on every database.
/// </summary>
public sealed class ExerciseSearch
{
    // How much a match in each field counts: the name most, then what the exercise is tagged with.
    private const int NameWeight = 8;
    private const int TagWeight = 4;
    private const int SummaryWeight = 2;
    private const int TextWeight = 1;

    /// <summary>Words that mean something the catalog says otherwise: at a desk you sit on a chair.</summary>
    private static readonly Dictionary<string, string[][]> QueryWords = new(StringComparer.Ordinal)
    {
        ["desk"] = [["chair"]],
        ["office"] = [["chair"]],
        ["sit"] = [["seated"]],
        ["sitting"] = [["seated"]],
        ["floor"] = [["mat"]],
    };

    private readonly List<Entry> _entries;

    /// <summary>Every word of the catalog, numbered: fields are kept as word numbers, so a search compares integers.</summary>
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);

    private readonly List<string> _words = [];

    /// <summary>Phrases of more than one word the vocabularies know ("lower back", "on all fours"), longest first.</summary>
    private readonly List<string[]> _phrases;

    public ExerciseSearch(IEnumerable<Exercise> exercises)
    {
        _entries = [.. exercises.Select(e => new Entry(e, this))];
        _phrases = [.. VocabularyWords().Select(Words).Where(w => w.Length > 1).DistinctBy(w => string.Join(' ', w)).OrderByDescending(w => w.Length)];
    }

    /// <summary>The exercises matching every word (or known phrase) of <paramref name="query"/>, best first; none when it has no words.</summary>
    public IReadOnlyList<Exercise> Find(string query, Func<Exercise, bool>? filter = null)
    {
        var terms = Terms(query);
        if (terms.Count == 0)
        {
            return [];
        }

        var found = new List<(Exercise Exercise, int Score)>();
        foreach (var entry in _entries)
        {
            if (filter?.Invoke(entry.Exercise) == false)
            {
                continue;
            }

            var total = 0;
            foreach (var term in terms)
            {
                var score = entry.Score(term);
                if (score == 0)
                {
                    total = 0;
                    break;
                }

                total += score;
            }

            if (total > 0)
            {
                found.Add((entry.Exercise, total));
            }
        }

        return [.. found.OrderByDescending(f => f.Score).ThenBy(f => f.Exercise.SortOrder).Select(f => f.Exercise)];
    }

    /// <summary>The query as terms, each a set of alternative phrases, any of which may match.</summary>
    private List<Phrase[]> Terms(string query)
    {
        var words = Words(query);
        var terms = new List<Phrase[]>();
        for (var i = 0; i < words.Length;)
        {
            var phrase = _phrases.FirstOrDefault(p => i + p.Length <= words.Length && words.AsSpan(i, p.Length).SequenceEqual(p));
            if (phrase is not null)
            {
                terms.Add([Compile(phrase)]);
                i += phrase.Length;
                continue;
            }

            var word = words[i];
            terms.Add(QueryWords.TryGetValue(word, out var means) ? [Compile([word]), .. means.Select(Compile)] : [Compile([word])]);
            i++;
        }

        return terms;
    }

    /// <summary>
    /// A phrase as word numbers; its last word, from three letters on, also matches the catalog's words
    /// that begin with it ("twi" in "twist"), as while typing.
    /// </summary>
    private Phrase Compile(string[] words)
    {
        var ids = words.Select(w => _wordIds.GetValueOrDefault(w, -2)).ToArray();
        var last = words[^1];
        var beginsLast = last.Length < 3
            ? []
            : Enumerable.Range(0, _words.Count).Where(id => _words[id].Length > last.Length && _words[id].StartsWith(last, StringComparison.Ordinal)).ToHashSet();
        return new(ids, beginsLast);
    }

    private int WordId(string word)
    {
        if (!_wordIds.TryGetValue(word, out var id))
        {
            id = _words.Count;
            _wordIds[word] = id;
            _words.Add(word);
        }

        return id;
    }

    private static IEnumerable<string> VocabularyWords() =>
        Enum.GetValues<Region>().SelectMany(r => EverydayWords.For(r))
            .Concat(Enum.GetValues<StartingPosition>().SelectMany(p => EverydayWords.For(p)))
            .Concat(Enum.GetValues<Equipment>().SelectMany(e => EverydayWords.For(e)));

    /// <summary>Lower-case words with hyphens and punctuation as spaces, apostrophes dropped, each in its singular form.</summary>
    internal static string[] Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('\'' or '’'))
            {
                Flush();
            }
        }

        Flush();
        return [.. words];

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(Singular(word.ToString()));
                word.Clear();
            }
        }
    }

    /// <summary>A light English singular: stretches → stretch, circles → circle, hips → hip; press, thoracic and this stay.</summary>
    internal static string Singular(string word) => word switch
    {
        { Length: > 4 } when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        _ when word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal)
               || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) => word[..^2],
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
                             && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

    /// <param name="Ids">The phrase's words as numbers (-2 for a word the catalog does not have).</param>
    /// <param name="BeginsLast">The numbers of the catalog's words that begin with the last word.</param>
    private sealed record Phrase(int[] Ids, HashSet<int> BeginsLast);

    private sealed class Entry
    {
        /// <summary>Separates the parts of a field (two steps, two region words) so a phrase cannot span them.</summary>
        private const int Gap = -1;

        private readonly (int[] Words, int Weight)[] _fields;

        public Entry(Exercise exercise, ExerciseSearch search)
        {
            Exercise = exercise;
            _fields =
            [
                (Join(search, [exercise.Name]), NameWeight),
                (Join(search, [
                    .. exercise.Regions.SelectMany(r => EverydayWords.For(r)),
                    .. EverydayWords.For(exercise.Position),
                    .. EverydayWords.For(exercise.Equipment),
                ]), TagWeight),
                (Join(search, [exercise.Summary]), SummaryWeight),
                (Join(search, [.. exercise.Steps, .. exercise.Cues]), TextWeight),
            ];
        }

        public Exercise Exercise { get; }

        /// <summary>The best a term scores in any field: twice its weight for whole words, its weight when the last word is only begun.</summary>
        public int Score(Phrase[] term)
        {
            var best = 0;
            foreach (var (words, weight) in _fields)
            {
                foreach (var alternative in term)
                {
                    var match = Match(words, alternative);
                    best = Math.Max(best, match switch { Found.Whole => weight * 2, Found.Start => weight, _ => 0 });
                }
            }

            return best;
        }

        private static Found Match(int[] words, Phrase phrase)
        {
            var ids = phrase.Ids;
            var last = ids.Length - 1;
            var found = Found.None;
            for (var i = 0; i + ids.Length <= words.Length; i++)
            {
                var j = 0;
                while (j < last && words[i + j] == ids[j])
                {
                    j++;
                }

                if (j < last)
                {
                    continue;
                }

                var word = words[i + last];
                if (word == ids[last])
                {
                    return Found.Whole;
                }

                if (phrase.BeginsLast.Contains(word))
                {
                    found = Found.Start;
                }
            }

            return found;
        }

        private static int[] Join(ExerciseSearch search, IEnumerable<string> parts) =>
            [.. parts.SelectMany(p => Words(p).Select(search.WordId).Append(Gap))];
    }

    private enum Found { None, Start, Whole }
}
