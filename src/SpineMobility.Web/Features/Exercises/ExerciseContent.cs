using System.Globalization;
using System.Text.Json;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>
/// Reads and validates exercises: the catalog file at start-up, or one exercise (from a form) later.
/// The rules are the JSON Schema's (<see cref="ExerciseSchema"/>); this class adds only what a schema
/// cannot say: unique slugs, a hold's minimum not above its maximum, and drawings that exist and are safe.
/// Every problem is reported at once, each naming its file, entry and field.
/// </summary>
public static class ExerciseContent
{
    public sealed record Result(IReadOnlyList<Exercise> Exercises, IReadOnlyList<ContentProblem> Problems)
    {
        public bool IsValid => Problems.Count == 0;
    }

    /// <summary>
    /// The largest catalog file read: 1,000 exercises at their longest texts fit in about 6 MB, and
    /// anything larger is refused before it is parsed into memory.
    /// </summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    public static async Task<Result> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Failed(path, "", "", "the file does not exist (set Content:ExercisesPath to the catalog's path)");
        }

        if (info.Length > MaxFileBytes)
        {
            return Failed(path, "", "", $"the file is {info.Length / (1024 * 1024.0):0.#} MB; a catalog may be at most {MaxFileBytes / (1024 * 1024)} MB");
        }

        var json = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(path, json, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Validates a whole catalog file's text.</summary>
    /// <param name="contentDirectory">Where the illustrations' files are looked for; null checks how they are named but not the files.</param>
    public static Result Parse(string file, string json, string? contentDirectory = null)
    {
        if (!TryParse(file, json, out var document, out var malformed))
        {
            return malformed;
        }

        using (document)
        {
            var root = document.RootElement;
            var entries = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("exercises", out var e) && e.ValueKind == JsonValueKind.Array
                ? [.. e.EnumerateArray()]
                : new List<JsonElement>();
            var checks = entries.Select((entry, index) => new EntryCheck(file, $"exercises[{index}]", entry, contentDirectory)).ToList();
            var problems = new List<ContentProblem>();

            foreach (var failure in ExerciseSchema.CheckCatalog(root))
            {
                if (failure.Location is ["exercises", var i, ..] && int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < checks.Count)
                {
                    checks[index].Add([.. failure.Location.Skip(2)], failure.Message);
                }
                else
                {
                    problems.Add(new(file, "", FieldName(failure.Location), failure.Message));
                }
            }

            var firstIndexOfSlug = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var index = 0; index < checks.Count; index++)
            {
                var check = checks[index];
                check.CheckWhatTheSchemaCannot();
                if (check.Slug is { } slug && !firstIndexOfSlug.TryAdd(slug, index))
                {
                    check.Add(["slug"], $"duplicate slug '{slug}': exercises[{firstIndexOfSlug[slug]}] already uses it");
                }

                problems.AddRange(check.Problems);
            }

            if (problems.Count > 0)
            {
                return new([], problems);
            }

            var exercises = checks.Select(c => c.Read()).ToList();
            for (var index = 0; index < exercises.Count; index++)
            {
                exercises[index].SortOrder = index;
            }

            return new(exercises, []);
        }
    }

    /// <summary>
    /// Validates one exercise object, such as a user's own exercise from a form, with the catalog's rules
    /// and messages. Problems name <paramref name="source"/> and the field; the entry is the slug when it is one.
    /// </summary>
    public static Result ParseExercise(string source, string json, string? contentDirectory = null)
    {
        if (!TryParse(source, json, out var document, out var malformed))
        {
            return malformed;
        }

        using (document)
        {
            return Validate(source, document.RootElement, contentDirectory);
        }
    }

    /// <inheritdoc cref="ParseExercise"/>
    public static Result Validate(string source, JsonElement exercise, string? contentDirectory = null)
    {
        var check = new EntryCheck(source, "", exercise, contentDirectory);
        foreach (var failure in ExerciseSchema.CheckExercise(exercise))
        {
            check.Add(failure.Location, failure.Message);
        }

        check.CheckWhatTheSchemaCannot();
        return check.Problems.Count == 0 ? new([check.Read()], []) : new([], check.Problems);
    }

    private static bool TryParse(string file, string json, out JsonDocument document, out Result malformed)
    {
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
            malformed = new([], []);
            return true;
        }
        catch (JsonException e)
        {
            // JsonException counts lines and positions from zero; editors count from one.
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            document = null!;
            malformed = Failed(file, $"line {line}, position {position}", "", $"malformed JSON: {FirstSentence(e.Message)}");
            return false;
        }
    }

    private static Result Failed(string file, string entry, string field, string message) => new([], [new(file, entry, field, message)]);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    /// <summary>"regions[1]", "dose.kind", "illustration.start.file": a location as an author reads it.</summary>
    private static string FieldName(IEnumerable<string> location) =>
        string.Concat(location.Select((part, i) => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"[{part}]" : i == 0 ? part : "." + part));

    /// <summary>One exercise object: the problems found in it, the checks only code can make, and reading it once it is valid.</summary>
    private sealed class EntryCheck(string file, string position, JsonElement element, string? contentDirectory)
    {
        private readonly List<(IReadOnlyList<string> Location, string Message)> _failures = [];

        /// <summary>The entry's slug if the schema accepted it, which then names the entry in every problem.</summary>
        public string? Slug { get; private set; }

        public IReadOnlyList<ContentProblem> Problems
        {
            get
            {
                var entry = Slug is { } slug ? (position.Length == 0 ? $"'{slug}'" : $"{position} '{slug}'") : position;
                return [.. _failures.Select(f => new ContentProblem(file, entry, FieldName(f.Location), f.Message))];
            }
        }

        public void Add(IReadOnlyList<string> location, string message) => _failures.Add((location, message));

        /// <summary>Called once the schema's failures are in.</summary>
        public void CheckWhatTheSchemaCannot()
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            Slug = IsClean("slug") && element.TryGetProperty("slug", out var slug) ? slug.GetString() : null;

            if (IsClean("dose") && element.TryGetProperty("dose", out var dose) && dose.GetProperty("kind").GetString() == "hold"
                && dose.TryGetProperty("maxSeconds", out var max) && dose.GetProperty("minSeconds").GetInt32() is var min && min > max.GetInt32())
            {
                Add(["dose", "minSeconds"], $"the hold's minimum ({min} s) exceeds its maximum ({max.GetInt32()} s)");
            }

            // The file's name has passed the schema's pattern, so it cannot leave the illustrations folder.
            foreach (var frame in new[] { "start", "end" })
            {
                if (contentDirectory is not null && IsClean("illustration", frame, "file") && element.TryGetProperty("illustration", out var illustration)
                    && illustration.TryGetProperty(frame, out var f) && f.TryGetProperty("file", out var name) && name.ValueKind == JsonValueKind.String
                    && IllustrationFile.FileProblem(contentDirectory, name.GetString()!) is { } problem)
                {
                    Add(["illustration", frame, "file"], problem);
                }
            }

            // The player crossfades the two frames in one box, so they must have one shape.
            if (contentDirectory is not null && IsClean("illustration", "start", "file") && IsClean("illustration", "end", "file")
                && element.TryGetProperty("illustration", out var drawings)
                && drawings.TryGetProperty("start", out var startFrame) && startFrame.TryGetProperty("file", out var startName) && startName.ValueKind == JsonValueKind.String
                && drawings.TryGetProperty("end", out var endFrame) && endFrame.TryGetProperty("file", out var endName) && endName.ValueKind == JsonValueKind.String
                && IllustrationFile.Size(contentDirectory, startName.GetString()!) is { } startSize
                && IllustrationFile.Size(contentDirectory, endName.GetString()!) is { } endSize
                && !startSize.HasTheShapeOf(endSize))
            {
                Add(["illustration", "end", "file"],
                    $"'{endName.GetString()}' is {endSize.Width}x{endSize.Height} but the start drawing is {startSize.Width}x{startSize.Height}; draw both frames in one shape of frame so the player can crossfade them");
            }
        }

        /// <summary>Builds the exercise; only called when the schema and the code found nothing wrong.</summary>
        public Exercise Read()
        {
            var dose = element.GetProperty("dose");
            var illustration = element.GetProperty("illustration");
            return new Exercise
            {
                Slug = Text(element, "slug"),
                Name = Text(element, "name"),
                Summary = Text(element, "summary"),
                Regions = Tags<Region>("regions"),
                Position = OneTag<StartingPosition>("position"),
                Equipment = OneTag<Equipment>("equipment"),
                Directions = Tags<MovementDirection>("directions"),
                Dose = Text(dose, "kind") == "hold"
                    ? Dose.Hold(dose.GetProperty("minSeconds").GetInt32(), (dose.TryGetProperty("maxSeconds", out var max) ? max : dose.GetProperty("minSeconds")).GetInt32())
                    : Dose.Repetitions(dose.GetProperty("reps").GetInt32(), dose.GetProperty("secondsPerRep").GetInt32()),
                PerSide = element.GetProperty("perSide").GetBoolean(),
                Phases = Tags<SessionPhase>("phases"),
                Intensity = OneTag<Intensity>("intensity"),
                Steps = Texts("steps"),
                Cues = Texts("cues"),
                Cautions = Texts("cautions"),
                Illustration = new(
                    Text(illustration.GetProperty("start"), "file"), Text(illustration.GetProperty("start"), "alt"),
                    Text(illustration.GetProperty("end"), "file"), Text(illustration.GetProperty("end"), "alt")),
            };
        }

        private bool IsClean(params string[] prefix) =>
            !_failures.Any(f => f.Location.Count == 0 || f.Location.Take(prefix.Length).SequenceEqual(prefix.Take(f.Location.Count)));

        private static string Text(JsonElement parent, string field) => parent.GetProperty(field).GetString()!.Trim();

        private List<string> Texts(string field) => [.. element.GetProperty(field).EnumerateArray().Select(t => t.GetString()!.Trim())];

        private T OneTag<T>(string field) where T : struct, Enum =>
            Tag.TryParse<T>(element.GetProperty(field).GetString(), out var tag) ? tag : throw Unchecked(field);

        private List<T> Tags<T>(string field) where T : struct, Enum =>
            [.. element.GetProperty(field).EnumerateArray().Select(t => Tag.TryParse<T>(t.GetString(), out var tag) ? tag : throw Unchecked(field))];

        // The schema's enums and the app's vocabularies are compared by a test; this would mean they drifted apart.
        private static InvalidOperationException Unchecked(string field) =>
            new($"The schema accepted a '{field}' tag the app does not know.");
    }
}
