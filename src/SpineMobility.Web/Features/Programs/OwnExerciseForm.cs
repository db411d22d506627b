using System.Globalization;
using System.Text.Json.Nodes;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Programs;

/// <summary>
/// What the own-exercise form holds, as typed: it becomes one exercise object of the catalog's format, which
/// <see cref="ExerciseContent.Validate"/> checks with the catalog's own rules and messages. Nothing here judges a
/// value; a number that is not one is passed on as text, so the validator says so in its words.
/// </summary>
public sealed class OwnExerciseForm
{
    /// <summary>The slug and drawings the validator needs and the user never types: an own exercise has a key instead, and the neutral drawing.</summary>
    internal const string StandInSlug = "own-exercise";
    private const string StandInDrawing = "illustrations/own-exercise.svg";

    public string Name { get; set; } = "";

    public string Summary { get; set; } = "";

    public HashSet<Region> Regions { get; set; } = [];

    public StartingPosition? Position { get; set; }

    public Equipment? Equipment { get; set; } = Exercises.Equipment.None;

    public HashSet<MovementDirection> Directions { get; set; } = [];

    public DoseKind? DoseKind { get; set; } = Exercises.DoseKind.Reps;

    public string HoldMinSeconds { get; set; } = "";

    public string HoldMaxSeconds { get; set; } = "";

    public string Reps { get; set; } = "";

    public string SecondsPerRep { get; set; } = "";

    public bool PerSide { get; set; }

    public HashSet<SessionPhase> Phases { get; set; } = [];

    public Intensity? Intensity { get; set; } = Exercises.Intensity.Gentle;

    /// <summary>One step per line, as the catalog lists them.</summary>
    public string Steps { get; set; } = "";

    public string Cues { get; set; } = "";

    public string Cautions { get; set; } = "";

    public static OwnExerciseForm From(Exercise exercise) => new()
    {
        Name = exercise.Name,
        Summary = exercise.Summary,
        Regions = [.. exercise.Regions],
        Position = exercise.Position,
        Equipment = exercise.Equipment,
        Directions = [.. exercise.Directions],
        DoseKind = exercise.Dose.Kind,
        HoldMinSeconds = Number(exercise.Dose.MinSeconds),
        HoldMaxSeconds = exercise.Dose.MaxSeconds == exercise.Dose.MinSeconds ? "" : Number(exercise.Dose.MaxSeconds),
        Reps = Number(exercise.Dose.Reps),
        SecondsPerRep = Number(exercise.Dose.SecondsPerRep),
        PerSide = exercise.PerSide,
        Phases = [.. exercise.Phases],
        Intensity = exercise.Intensity,
        Steps = string.Join('\n', exercise.Steps),
        Cues = string.Join('\n', exercise.Cues),
        Cautions = string.Join('\n', exercise.Cautions),
    };

    /// <summary>The exercise object the validator reads, in the order of the catalog's fields; what was left empty is left out.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["slug"] = StandInSlug,
            ["name"] = Name,
            ["regions"] = Tags(Regions.Order()),
            ["summary"] = Summary,
        };
        Add(json, "position", Position is { } p ? Tag.Of(p) : null);
        Add(json, "equipment", Equipment is { } e ? Tag.Of(e) : null);
        json["directions"] = Tags(Directions.Order());
        json["dose"] = Dose();
        json["perSide"] = PerSide;
        json["phases"] = Tags(Phases.Order());
        Add(json, "intensity", Intensity is { } i ? Tag.Of(i) : null);
        json["steps"] = Lines(Steps);
        json["cues"] = Lines(Cues);
        json["cautions"] = Lines(Cautions);
        json["illustration"] = new JsonObject
        {
            ["start"] = new JsonObject { ["file"] = StandInDrawing, ["alt"] = Illustration.NoPictureAlt },
            ["end"] = new JsonObject { ["file"] = StandInDrawing, ["alt"] = Illustration.NoPictureAlt },
        };
        return json;
    }

    private JsonObject Dose()
    {
        var dose = new JsonObject();
        switch (DoseKind)
        {
            case Exercises.DoseKind.Hold:
                dose["kind"] = "hold";
                AddNumber(dose, "minSeconds", HoldMinSeconds);
                AddNumber(dose, "maxSeconds", HoldMaxSeconds);
                break;
            case Exercises.DoseKind.Reps:
                dose["kind"] = "reps";
                AddNumber(dose, "reps", Reps);
                AddNumber(dose, "secondsPerRep", SecondsPerRep);
                break;
        }

        return dose;
    }

    private static void Add(JsonObject json, string field, string? value)
    {
        if (value is not null)
        {
            json[field] = value;
        }
    }

    // A whole number goes in as one; anything else typed goes in as the text it is, for the validator to name.
    private static void AddNumber(JsonObject json, string field, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }

        json[field] = long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : trimmed;
    }

    private static JsonArray Tags<T>(IEnumerable<T> values) where T : struct, Enum => [.. values.Select(v => (JsonNode)Tag.Of(v))];

    private static JsonArray Lines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => (JsonNode)l)];

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
