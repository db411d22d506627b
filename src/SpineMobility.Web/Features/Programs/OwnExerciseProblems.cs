using System.Globalization;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Programs;

/// <summary>
/// The validator's problems with an own exercise, sorted to the form field each one is about, in sentences:
/// "Summary is 140 characters long; the most is 110." "Steps, line 2, is listed twice."
/// </summary>
public sealed class OwnExerciseProblems
{
    /// <summary>The form's fields, named as the catalog's fields are (the dose's parts as "dose.reps" and so on).</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "name", "regions", "summary", "position", "equipment", "directions",
        "dose.kind", "dose.minSeconds", "dose.maxSeconds", "dose.reps", "dose.secondsPerRep",
        "perSide", "phases", "intensity", "steps", "cues", "cautions",
    ];

    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public OwnExerciseProblems(IEnumerable<ContentProblem> problems)
    {
        foreach (var problem in problems)
        {
            var (field, line) = FieldOf(problem.Field);
            var where = line is { } index ? $"{Label(field)}, line {index + 1}," : Label(field);
            var message = problem.Message.TrimEnd('.');
            At(field).Add($"{where} {message}.");
        }
    }

    public static OwnExerciseProblems None { get; } = new([]);

    public bool Any => _byField.Count > 0;

    public int Count => _byField.Values.Sum(m => m.Count);

    /// <summary>What is wrong with one field, or null when nothing is.</summary>
    public string? Of(string field) => _byField.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public IEnumerable<string> All => _byField.Values.SelectMany(m => m);

    /// <summary>"steps[2]" is line 3 of the steps; "dose" alone is its kind; a field the form does not have belongs to the form as a whole.</summary>
    internal static (string Field, int? Line) FieldOf(string location)
    {
        var bracket = location.IndexOf('[', StringComparison.Ordinal);
        if (bracket > 0 && location.EndsWith(']') && int.TryParse(location[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            var list = location[..bracket];
            return (Fields.Contains(list) ? list : "", list is "steps" or "cues" or "cautions" ? index : null);
        }

        return location switch
        {
            "dose" => ("dose.kind", null),
            _ when Fields.Contains(location) => (location, null),
            _ => ("", null),
        };
    }

    private List<string> At(string field)
    {
        if (!_byField.TryGetValue(field, out var messages))
        {
            _byField[field] = messages = [];
        }

        return messages;
    }

    private static string Label(string field) => field switch
    {
        "name" => "The name",
        "regions" => "Regions",
        "summary" => "The summary",
        "position" => "The starting position",
        "equipment" => "Equipment",
        "directions" => "Directions",
        "dose.kind" => "The dose",
        "dose.minSeconds" => "The hold (shortest)",
        "dose.maxSeconds" => "The hold (longest)",
        "dose.reps" => "Repetitions",
        "dose.secondsPerRep" => "Seconds per repetition",
        "perSide" => "Per side",
        "phases" => "Phases",
        "intensity" => "Intensity",
        "steps" => "Steps",
        "cues" => "Cues",
        "cautions" => "Cautions",
        _ => "The exercise",
    };
}
