using System.Globalization;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>
/// The session builder's choices as they appear in its address, so a coach can send a routine as a link:
/// /session?minutes=20&amp;focus=cervical&amp;focus=lumbar&amp;level=beginner&amp;equipment=false&amp;seed=3, or /session?preset=hips.
/// </summary>
public static class BuilderQuery
{
    public const int DefaultMinutes = 15;

    public static (RoutineRequest Request, string? Title, IReadOnlyList<string> Problems) Parse(
        string? preset, string? minutes, string[]? focus, string? level, string? equipment, string? seed)
    {
        var problems = new List<string>();
        if (Preset.Find(preset) is { } chosen)
        {
            return (chosen.Request, chosen.Name, problems);
        }

        if (!string.IsNullOrEmpty(preset))
        {
            problems.Add($"There is no ready-made routine called '{preset}'.");
        }

        var parsedMinutes = DefaultMinutes;
        if (!string.IsNullOrWhiteSpace(minutes))
        {
            if (int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= RoutineRequest.MinMinutes and <= RoutineRequest.MaxMinutes)
            {
                parsedMinutes = value;
            }
            else
            {
                problems.Add($"A session lasts {RoutineRequest.MinMinutes} to {RoutineRequest.MaxMinutes} minutes; '{minutes}' is not one of them, so it is {DefaultMinutes}.");
            }
        }

        var regions = new List<Region>();
        foreach (var tag in (focus ?? []).SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Tag.TryParse<Region>(tag, out var region) && RoutineRequest.FocusRegions.Contains(region))
            {
                if (!regions.Contains(region))
                {
                    regions.Add(region);
                }
            }
            else
            {
                problems.Add($"'{tag}' cannot be a focus; choose from {string.Join(", ", RoutineRequest.FocusRegions.Select(Tag.Of))}.");
            }
        }

        var parsedLevel = level?.ToLowerInvariant() switch
        {
            null or "" or "standard" => Level.Standard,
            "beginner" => Level.Beginner,
            _ => AddProblem(problems, $"'{level}' is not a level; use beginner or standard.", Level.Standard),
        };

        var hasEquipment = equipment?.ToLowerInvariant() switch
        {
            null or "" or "false" or "no" => false,
            "true" or "yes" => true,
            _ => AddProblem(problems, $"'{equipment}' should be true or false.", false),
        };

        var parsedSeed = int.TryParse(seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : 1;
        return (new RoutineRequest(parsedMinutes, [.. RoutineRequest.FocusRegions.Where(regions.Contains)], parsedLevel, hasEquipment, parsedSeed), null, problems);
    }

    public static string ToQueryString(RoutineRequest request)
    {
        var parts = new List<string> { $"minutes={request.Minutes}" };
        parts.AddRange(request.Focus.Select(r => $"focus={Tag.Of(r)}"));
        if (request.Level == Level.Beginner)
        {
            parts.Add("level=beginner");
        }

        if (request.HasEquipment)
        {
            parts.Add("equipment=true");
        }

        parts.Add($"seed={request.Seed.ToString(CultureInfo.InvariantCulture)}");
        return "?" + string.Join('&', parts);
    }

    /// <summary>"20-minute routine", "15-minute neck and lower back routine".</summary>
    public static string TitleFor(RoutineRequest request)
    {
        var focus = request.Focus.Select(r => Labels.Of(r).ToLowerInvariant()).ToList();
        var about = focus.Count switch
        {
            0 => request.Level == Level.Beginner ? "gentle " : "",
            1 => focus[0] + " ",
            _ => string.Join(", ", focus[..^1]) + " and " + focus[^1] + " ",
        };
        return $"{request.Minutes}-minute {about}routine";
    }

    private static T AddProblem<T>(List<string> problems, string problem, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }
}
