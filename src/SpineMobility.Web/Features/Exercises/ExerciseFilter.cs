namespace SpineMobility.Web.Features.Exercises;

/// <summary>What the user narrowed the catalog to. Regions match any; the other parts must all match.</summary>
public sealed record ExerciseFilter(
    IReadOnlyList<Region> Regions,
    string? Query = null,
    StartingPosition? Position = null,
    Equipment? Equipment = null)
{
    public static readonly ExerciseFilter All = new([]);

    public bool IsEmpty => Regions.Count == 0 && string.IsNullOrWhiteSpace(Query) && Position is null && Equipment is null;

    /// <summary>
    /// Reads a filter from query-string values: tags, labels or the words people use ("neck", "lower back",
    /// "hips"). Anything else is left out and described, in plain words, in <paramref name="errors"/>,
    /// keyed by the parameter that held it.
    /// </summary>
    public static ExerciseFilter Parse(
        IEnumerable<string?>? regions,
        string? query,
        string? position,
        string? equipment,
        out IReadOnlyDictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, string[]>();
        var parsedRegions = new List<Region>();
        var unknownRegions = new List<string>();

        // Both ?region=neck&region=hip and ?region=neck,hip are accepted.
        foreach (var tag in (regions ?? []).SelectMany(r => (r ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (EverydayWords.TryParse<Region>(tag, out var region))
            {
                if (!parsedRegions.Contains(region))
                {
                    parsedRegions.Add(region);
                }
            }
            else
            {
                unknownRegions.Add(tag);
            }
        }

        if (unknownRegions.Count > 0)
        {
            problems["region"] = [.. unknownRegions.Select(t => Unknown("region", t, Enum.GetValues<Region>().Select(Labels.Of)))];
        }

        var parsedPosition = ParseOne<StartingPosition>("position", position, problems, Labels.Of);
        var parsedEquipment = ParseOne<Equipment>("equipment", equipment, problems, Labels.Of);

        errors = problems;
        var trimmed = query?.Trim();
        return new(parsedRegions, string.IsNullOrEmpty(trimmed) ? null : trimmed, parsedPosition, parsedEquipment);
    }

    /// <summary>The query string that reproduces this filter, e.g. "?region=cervical&amp;q=tuck", or "" when empty.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        parts.AddRange(Regions.Select(r => $"region={Tag.Of(r)}"));
        if (!string.IsNullOrWhiteSpace(Query))
        {
            parts.Add($"q={Uri.EscapeDataString(Query)}");
        }

        if (Position is { } position)
        {
            parts.Add($"position={Tag.Of(position)}");
        }

        if (Equipment is { } equipment)
        {
            parts.Add($"equipment={Tag.Of(equipment)}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static T? ParseOne<T>(string name, string? value, Dictionary<string, string[]> problems, Func<T, string> label) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (EverydayWords.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        problems[name] = [Unknown(name, value, Enum.GetValues<T>().Select(label))];
        return null;
    }

    /// <summary>What a person reads when a link names something the catalog does not have.</summary>
    private static string Unknown(string what, string value, IEnumerable<string> known)
    {
        var names = known.ToList();
        var shown = value.Trim().Length > 40 ? value.Trim()[..40] + "…" : value.Trim();
        return $"There is no {what} called “{shown}”, so the list is not narrowed by {what}. Choose from {string.Join(", ", names[..^1])} or {names[^1]}.";
    }
}
