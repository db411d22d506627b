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

    /// <summary>Separates the parts of a field (two steps, two region words) so a phrase cannot span them.</summary>
    private const string Gap = "|";

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

    /// <summary>Phrases of more than one word the vocabularies know ("lower back", "on all fours"), longest first.</summary>
    private readonly List<string[]> _phrases;

    public ExerciseSearch(IEnumerable<Exercise> exercises)
    {
        _entries = [.. exercises.Select(e => new Entry(e))];
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

    /// <summary>The query as terms, each a set of alternative word sequences, any of which may match.</summary>
    private List<string[][]> Terms(string query)
    {
        var words = Words(query);
        var terms = new List<string[][]>();
        for (var i = 0; i < words.Length;)
        {
            var phrase = _phrases.FirstOrDefault(p => i + p.Length <= words.Length && words.AsSpan(i, p.Length).SequenceEqual(p));
            if (phrase is not null)
            {
                terms.Add([phrase]);
                i += phrase.Length;
                continue;
            }

            var word = words[i];
            terms.Add(QueryWords.TryGetValue(word, out var means) ? [[word], .. means] : [[word]]);
            i++;
        }

        return terms;
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

    private sealed class Entry(Exercise exercise)
    {
        public Exercise Exercise { get; } = exercise;

        private readonly (string[] Words, int Weight)[] _fields =
        [
            (Join([exercise.Name]), NameWeight),
            (Join([
                .. exercise.Regions.SelectMany(r => EverydayWords.For(r)),
                .. EverydayWords.For(exercise.Position),
                .. EverydayWords.For(exercise.Equipment),
            ]), TagWeight),
            (Join([exercise.Summary]), SummaryWeight),
            (Join([.. exercise.Steps, .. exercise.Cues]), TextWeight),
        ];

        /// <summary>The best a term scores in any field: its weight for whole words, half for a word that only begins like the term ("twi" in "twist").</summary>
        public int Score(string[][] term)
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

        private static Found Match(string[] words, string[] phrase)
        {
            var found = Found.None;
            for (var i = 0; i + phrase.Length <= words.Length; i++)
            {
                var whole = true;
                var start = true;
                for (var j = 0; j < phrase.Length && start; j++)
                {
                    var word = words[i + j];
                    whole &= word == phrase[j];

                    // Only the last word of a phrase may be unfinished, and only from three letters on.
                    start = word == phrase[j] || (j == phrase.Length - 1 && phrase[j].Length >= 3 && word.StartsWith(phrase[j], StringComparison.Ordinal));
                }

                if (whole && start)
                {
                    return Found.Whole;
                }

                if (start)
                {
                    found = Found.Start;
                }
            }

            return found;
        }

        private static string[] Join(IEnumerable<string> parts) => [.. parts.SelectMany(p => Words(p).Append(Gap))];
    }

    private enum Found { None, Start, Whole }
}
