using System.Text.Json;
using System.Text.RegularExpressions;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>Reads and validates content/exercises.json.</summary>
/// <remarks>
/// The file is walked by hand rather than deserialized so that every problem is reported at once,
/// each naming its entry and field, instead of stopping at the first bad value.
/// </remarks>
public static partial class ExerciseContent
{
    public sealed record Result(IReadOnlyList<Exercise> Exercises, IReadOnlyList<ContentProblem> Problems)
    {
        public bool IsValid => Problems.Count == 0;
    }

    private static readonly HashSet<string> KnownFields =
    [
        "slug", "name", "regions", "summary", "position", "equipment", "directions", "dose",
        "perSide", "phases", "intensity", "steps", "cues", "cautions", "illustration",
    ];

    private const int MaxAltLength = 300;

    public static async Task<Result> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return new([], [new(path, "", "", "the file does not exist (set Content:ExercisesPath to the catalog's path)")]);
        }

        var json = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(path, json, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <param name="contentDirectory">Where the illustrations' files are looked for; null checks how they are named but not the files.</param>
    public static Result Parse(string file, string json, string? contentDirectory = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            // JsonException counts lines and positions from zero; editors count from one.
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            return new([], [new(file, $"line {line}, position {position}", "", $"malformed JSON: {FirstSentence(e.Message)}")]);
        }

        using (document)
        {
            var problems = new List<ContentProblem>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(file, "", "", "the file must hold a JSON object with an \"exercises\" array"));
                return new([], problems);
            }

            if (!root.TryGetProperty("exercises", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new(file, "", "exercises", "missing: the file must hold an \"exercises\" array"));
                return new([], problems);
            }

            if (entries.GetArrayLength() == 0)
            {
                problems.Add(new(file, "", "exercises", "the catalog is empty: add at least one exercise"));
            }

            var exercises = new List<Exercise>();
            var firstIndexOfSlug = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in entries.EnumerateArray())
            {
                var entry = new EntryReader(file, index, element, problems, contentDirectory);
                var exercise = entry.Read();
                if (exercise is not null)
                {
                    if (firstIndexOfSlug.TryGetValue(exercise.Slug, out var first))
                    {
                        entry.Problem("slug", $"duplicate slug '{exercise.Slug}': exercises[{first}] already uses it");
                    }
                    else
                    {
                        firstIndexOfSlug[exercise.Slug] = index;
                        exercise.SortOrder = index;
                        exercises.Add(exercise);
                    }
                }

                index++;
            }

            return problems.Count == 0 ? new(exercises, []) : new([], problems);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>Reads one entry, recording each problem against it and its field.</summary>
    private sealed class EntryReader(string file, int index, JsonElement element, List<ContentProblem> problems, string? contentDirectory)
    {
        private string _slug = "";
        private bool _valid = true;

        private string Entry => _slug.Length == 0 ? $"exercises[{index}]" : $"exercises[{index}] '{_slug}'";

        public void Problem(string field, string message)
        {
            _valid = false;
            problems.Add(new(file, Entry, field, message));
        }

        public Exercise? Read()
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Problem("", "each entry must be a JSON object");
                return null;
            }

            // The slug is read first so every later problem names the entry by it.
            _slug = Text("slug") ?? "";
            if (_slug.Length > 0 && !SlugPattern().IsMatch(_slug))
            {
                var bad = _slug;
                _slug = "";
                Problem("slug", $"'{bad}' is not a slug: use lowercase letters, digits and single hyphens, like 'chin-tucks'");
            }

            foreach (var property in element.EnumerateObject())
            {
                if (!KnownFields.Contains(property.Name))
                {
                    Problem(property.Name, "unknown field");
                }
            }

            var exercise = new Exercise
            {
                Slug = _slug,
                Name = Text("name") ?? "",
                Summary = Text("summary") ?? "",
                Regions = Tags<Region>("regions", "region"),
                Position = OneTag<StartingPosition>("position", "starting position"),
                Equipment = OneTag<Equipment>("equipment", "equipment"),
                Directions = Tags<MovementDirection>("directions", "movement direction"),
                Dose = ReadDose() ?? Dose.Hold(1, 1),
                PerSide = Boolean("perSide"),
                Phases = Tags<SessionPhase>("phases", "phase"),
                Intensity = OneTag<Intensity>("intensity", "intensity"),
                Steps = Texts("steps"),
                Cues = Texts("cues"),
                Cautions = Texts("cautions"),
                Illustration = ReadIllustration() ?? Illustration.None,
            };
            return _valid ? exercise : null;
        }

        private bool TryGet(string field, out JsonElement value)
        {
            if (element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null)
            {
                return true;
            }

            Problem(field, "missing");
            return false;
        }

        private string? Text(string field)
        {
            if (!TryGet(field, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Problem(field, $"must be text, not {Describe(value)}");
                return null;
            }

            var text = value.GetString()!.Trim();
            if (text.Length == 0)
            {
                Problem(field, "is empty");
                return null;
            }

            return text;
        }

        private bool Boolean(string field)
        {
            if (!TryGet(field, out var value))
            {
                return false;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Problem(field, $"must be true or false, not {Describe(value)}");
                return false;
            }

            return value.GetBoolean();
        }

        private List<string> Texts(string field)
        {
            var items = new List<string>();
            if (!TryGet(field, out var value))
            {
                return items;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem(field, $"must be a list of texts, not {Describe(value)}");
                return items;
            }

            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : null;
                if (string.IsNullOrEmpty(text))
                {
                    Problem($"{field}[{i}]", text is null ? $"must be text, not {Describe(item)}" : "is empty");
                }
                else
                {
                    items.Add(text);
                }

                i++;
            }

            if (i == 0)
            {
                Problem(field, "is empty: give at least one");
            }

            return items;
        }

        private T OneTag<T>(string field, string what) where T : struct, Enum
        {
            if (!TryGet(field, out var value))
            {
                return default;
            }

            return ParseTag<T>(field, what, value) ?? default;
        }

        private List<T> Tags<T>(string field, string what) where T : struct, Enum
        {
            var tags = new List<T>();
            if (!TryGet(field, out var value))
            {
                return tags;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem(field, $"must be a list of {what} tags, not {Describe(value)}");
                return tags;
            }

            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (ParseTag<T>($"{field}[{i}]", what, item) is { } tag)
                {
                    if (tags.Contains(tag))
                    {
                        Problem($"{field}[{i}]", $"'{Tag.Of(tag)}' is listed twice");
                    }
                    else
                    {
                        tags.Add(tag);
                    }
                }

                i++;
            }

            if (i == 0)
            {
                Problem(field, $"is empty: give at least one {what}");
            }

            return tags;
        }

        private T? ParseTag<T>(string field, string what, JsonElement value) where T : struct, Enum
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                Problem(field, $"must be a {what} tag, not {Describe(value)}");
                return null;
            }

            var tag = value.GetString();
            if (Tag.TryParse<T>(tag, out var parsed))
            {
                return parsed;
            }

            Problem(field, $"unknown {what} '{tag}' (expected one of: {string.Join(", ", Tag.All<T>())})");
            return null;
        }

        private Dose? ReadDose()
        {
            if (!TryGet("dose", out var dose))
            {
                return null;
            }

            if (dose.ValueKind != JsonValueKind.Object)
            {
                Problem("dose", $"must be an object like {{\"kind\": \"hold\", \"minSeconds\": 20}}, not {Describe(dose)}");
                return null;
            }

            var kind = dose.TryGetProperty("kind", out var k) ? ParseTag<DoseKind>("dose.kind", "dose kind", k) : null;
            if (kind is null)
            {
                if (!dose.TryGetProperty("kind", out _))
                {
                    Problem("dose.kind", "missing: use \"hold\" or \"reps\"");
                }

                return null;
            }

            var allowed = kind == DoseKind.Hold ? new[] { "kind", "minSeconds", "maxSeconds" } : ["kind", "reps", "secondsPerRep"];
            foreach (var property in dose.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
            {
                Problem($"dose.{property.Name}", $"does not belong to a {Tag.Of(kind.Value)} dose (allowed: {string.Join(", ", allowed)})");
            }

            if (kind == DoseKind.Hold)
            {
                var min = PositiveInteger(dose, "minSeconds", required: true);
                var max = PositiveInteger(dose, "maxSeconds", required: false) ?? min;
                if (min is not null && max is not null && min > max)
                {
                    Problem("dose.minSeconds", $"the hold's minimum ({min} s) exceeds its maximum ({max} s)");
                    return null;
                }

                return min is null || max is null ? null : Dose.Hold(min.Value, max.Value);
            }

            var reps = PositiveInteger(dose, "reps", required: true);
            var secondsPerRep = PositiveInteger(dose, "secondsPerRep", required: true);
            return reps is null || secondsPerRep is null ? null : Dose.Repetitions(reps.Value, secondsPerRep.Value);
        }

        private Illustration? ReadIllustration()
        {
            if (!TryGet("illustration", out var illustration))
            {
                return null;
            }

            if (illustration.ValueKind != JsonValueKind.Object)
            {
                Problem("illustration", $"must be an object with a \"start\" and an \"end\" frame, not {Describe(illustration)}");
                return null;
            }

            foreach (var property in illustration.EnumerateObject().Where(p => p.Name is not ("start" or "end")))
            {
                Problem($"illustration.{property.Name}", "unknown field (allowed: start, end)");
            }

            var start = ReadFrame(illustration, "start");
            var end = ReadFrame(illustration, "end");
            return start is null || end is null ? null : new Illustration(start.Value.File, start.Value.Alt, end.Value.File, end.Value.Alt);
        }

        private (string File, string Alt)? ReadFrame(JsonElement illustration, string name)
        {
            var field = $"illustration.{name}";
            if (!illustration.TryGetProperty(name, out var frame) || frame.ValueKind == JsonValueKind.Null)
            {
                Problem(field, "missing: give the frame's file and alt text");
                return null;
            }

            if (frame.ValueKind != JsonValueKind.Object)
            {
                Problem(field, $"must be an object like {{\"file\": \"illustrations/{_slug}-{name}.svg\", \"alt\": \"…\"}}, not {Describe(frame)}");
                return null;
            }

            foreach (var property in frame.EnumerateObject().Where(p => p.Name is not ("file" or "alt")))
            {
                Problem($"{field}.{property.Name}", "unknown field (allowed: file, alt)");
            }

            var file = FrameText(frame, $"{field}.file", "file");
            var alt = FrameText(frame, $"{field}.alt", "alt");
            if (alt is { Length: > MaxAltLength })
            {
                Problem($"{field}.alt", $"is {alt.Length} characters long; describe the position in at most {MaxAltLength}");
                return null;
            }

            if (file is not null && (IllustrationFile.PathProblem(file) ?? (contentDirectory is null ? null : IllustrationFile.FileProblem(contentDirectory, file))) is { } problem)
            {
                Problem($"{field}.file", problem);
                return null;
            }

            return file is null || alt is null ? null : (file, alt);
        }

        private string? FrameText(JsonElement frame, string field, string name)
        {
            if (!frame.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Problem(field, "missing");
                return null;
            }

            var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
            if (string.IsNullOrEmpty(text))
            {
                Problem(field, text is null ? $"must be text, not {Describe(value)}" : "is empty");
                return null;
            }

            return text;
        }

        private int? PositiveInteger(JsonElement dose, string name, bool required)
        {
            var field = $"dose.{name}";
            if (!dose.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problem(field, "missing");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            {
                Problem(field, $"must be a whole number, not {Describe(value)}");
                return null;
            }

            if (number <= 0)
            {
                Problem(field, $"must be positive, not {number}");
                return null;
            }

            return number;
        }

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => $"the text \"{value.GetString()}\"",
            JsonValueKind.Number => $"the number {value.GetRawText()}",
            JsonValueKind.Array => "a list",
            JsonValueKind.Object => "an object",
            JsonValueKind.True or JsonValueKind.False => $"{value.GetRawText()}",
            _ => "null",
        };
    }
}
