using System.Globalization;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>The builder's address as it arrives: every value as the user (or a link) wrote it.</summary>
public sealed record BuilderAddress(
    string? Preset = null,
    string? Minutes = null,
    IReadOnlyList<string>? Focus = null,
    string? Level = null,
    string? Equipment = null,
    string? Seed = null,
    string? Mat = null,
    string? Only = null,
    IReadOnlyList<string>? Include = null,
    string? Plan = null);

/// <summary>What the builder makes of its address: the request, the ready-made routine it started from, and what was wrong.</summary>
/// <param name="MinutesProblem">Shown next to the length field, naming the allowed range.</param>
/// <param name="Plan">The edited plan the address carries (<see cref="PlanCode"/>), read once the catalog is at hand.</param>
public sealed record BuilderChoice(RoutineRequest Request, Preset? Preset, IReadOnlyList<string> Problems, string? MinutesProblem, string? Plan)
{
    public string Title => Preset?.Name ?? BuilderQuery.TitleFor(Request);
}

/// <summary>
/// The session builder's choices as they appear in its address, so a coach can send a routine as a link:
/// /session?minutes=20&amp;focus=cervical&amp;focus=lumbar&amp;level=beginner&amp;equipment=false&amp;seed=3, or
/// /session?preset=hips&amp;minutes=30, with the plan's edits in &amp;plan=… (<see cref="PlanCode"/>).
/// </summary>
/// <remarks>
/// What an address may carry is capped, and the page says so: a few focus choices and exercises
/// are read, and what is echoed back is cut short, so a long address cannot make a long page.
/// </remarks>
public static class BuilderQuery
{
    public const int DefaultMinutes = 15;

    /// <summary>Twice the focus regions there are: enough for any honest link.</summary>
    public const int MaxFocusValues = 8;

    /// <summary>Problems listed one by one before the rest are counted.</summary>
    private const int MaxListed = 3;

    public static BuilderChoice Parse(BuilderAddress address)
    {
        var problems = new List<string>();
        var preset = Preset.Find(address.Preset);
        if (preset is null && !string.IsNullOrEmpty(address.Preset))
        {
            problems.Add($"There is no ready-made routine called '{PlanCode.Shown(address.Preset)}'.");
        }

        var start = preset?.Request ?? new RoutineRequest(DefaultMinutes, [], Level.Standard, false, 1);

        string? minutesProblem = null;
        var minutes = start.Minutes;
        if (!string.IsNullOrWhiteSpace(address.Minutes))
        {
            var (parsed, problem) = ParseMinutes(address.Minutes);
            if (parsed is { } value)
            {
                minutes = value;
            }
            else
            {
                minutesProblem = $"{problem} This plan is {minutes} minutes.";
            }
        }

        var focus = address.Focus is null or [] ? start.Focus : ParseFocus(address.Focus, problems);

        var level = address.Level?.ToLowerInvariant() switch
        {
            null or "" => start.Level,
            "standard" => Level.Standard,
            "beginner" => Level.Beginner,
            _ => AddProblem(problems, $"'{PlanCode.Shown(address.Level)}' is not a level; use beginner or standard.", start.Level),
        };

        var hasEquipment = YesNo(address.Equipment, start.HasEquipment, "equipment", problems);
        var hasMat = YesNo(address.Mat, start.HasMat, "mat", problems);
        var onlyFocus = YesNo(address.Only, start.OnlyFocus, "only", problems);

        var seed = start.Seed;
        if (!string.IsNullOrEmpty(address.Seed) && !int.TryParse(address.Seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            seed = start.Seed;
            problems.Add($"'{PlanCode.Shown(address.Seed)}' is not a routine number (a whole number, as Shuffle writes it), so this is routine {seed}.");
        }

        var include = address.Include is null or [] ? start.Include : ParseInclude(address.Include, problems);
        var request = new RoutineRequest(minutes, focus, level, hasEquipment, seed, hasMat, onlyFocus, include);
        var kept = preset is not null && preset.Matches(request) ? preset : null;
        var plan = string.IsNullOrEmpty(address.Plan) ? null : address.Plan;
        return new BuilderChoice(request, kept, problems, minutesProblem, plan);
    }

    /// <summary>A length typed in or linked: a whole number of minutes within range, or what is wrong with it.</summary>
    public static (int? Minutes, string? Problem) ParseMinutes(string? text)
    {
        var range = $"choose {RoutineRequest.MinMinutes} to {RoutineRequest.MaxMinutes}.";
        var trimmed = text?.Trim() ?? "";
        if (!int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return (null, trimmed.Length == 0 ? $"Say how many minutes: {range}" : $"'{PlanCode.Shown(trimmed)}' is not a whole number of minutes: {range}");
        }

        return value switch
        {
            < RoutineRequest.MinMinutes => (null, $"{value} minutes is too short: {range}"),
            > RoutineRequest.MaxMinutes => (null, $"{value} minutes is too long: {range}"),
            _ => (value, null),
        };
    }

    /// <summary>The address of a request: the ready-made routine it keeps to, only what differs from it, and the plan's edits.</summary>
    public static string ToQueryString(RoutineRequest request, Preset? preset = null, string? plan = null)
    {
        var parts = new List<string>();
        var basis = preset is not null && preset.Matches(request) ? preset.Request : null;
        if (basis is not null)
        {
            parts.Add($"preset={preset!.Slug}");
            if (request.Minutes != basis.Minutes)
            {
                parts.Add($"minutes={request.Minutes}");
            }
        }
        else
        {
            parts.Add($"minutes={request.Minutes}");
            parts.AddRange(request.Focus.Select(r => $"focus={Tag.Of(r)}"));
            if (request.Level == Level.Beginner)
            {
                parts.Add("level=beginner");
            }

            if (!request.HasMat)
            {
                parts.Add("mat=false");
            }

            if (request.OnlyFocus && request.Focus.Count > 0)
            {
                parts.Add("only=true");
            }
        }

        if (request.HasEquipment != (basis?.HasEquipment ?? false))
        {
            parts.Add($"equipment={(request.HasEquipment ? "true" : "false")}");
        }

        parts.AddRange(request.Included.Select(slug => $"include={Uri.EscapeDataString(slug)}"));
        if (basis is null || request.Seed != basis.Seed)
        {
            parts.Add($"seed={request.Seed.ToString(CultureInfo.InvariantCulture)}");
        }

        if (plan is not null)
        {
            parts.Add($"plan={Uri.EscapeDataString(plan)}");
        }

        return "?" + string.Join('&', parts);
    }

    /// <summary>The exercises a request includes that the catalog has and the request allows; what is wrong with the others.</summary>
    public static (RoutineRequest Request, IReadOnlyList<string> Problems) CheckIncluded(RoutineRequest request, IReadOnlyList<Exercise> catalog)
    {
        var problems = new List<string>();
        var kept = new List<string>();
        foreach (var slug in request.Included)
        {
            var exercise = catalog.FirstOrDefault(e => e.Slug == slug);
            if (exercise is null || exercise.IsRetired)
            {
                problems.Add($"There is no exercise called '{PlanCode.Shown(slug)}' to include.");
            }
            else if (RoutineGenerator.PhaseFor(exercise, request) is null)
            {
                problems.Add(WhyNot(exercise, request));
            }
            else
            {
                kept.Add(slug);
            }
        }

        return (problems.Count == 0 ? request : request with { Include = kept }, problems);
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

    private static string WhyNot(Exercise exercise, RoutineRequest request) =>
        exercise.Equipment == Exercises.Equipment.FoamRollerOrBall && !request.HasEquipment ? $"{exercise.Name} needs a foam roller or ball: turn on 'I have a foam roller or exercise ball' to include it."
        : !request.HasMat ? $"{exercise.Name} needs a mat: turn on floor exercises to include it."
        : $"{exercise.Name} is not a gentle exercise, so it is not in a beginner session.";

    private static IReadOnlyList<Region> ParseFocus(IReadOnlyList<string> values, List<string> problems)
    {
        var tags = values.Take(MaxFocusValues).SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Take(MaxFocusValues).ToList();
        if (values.Count > MaxFocusValues || tags.Count == MaxFocusValues && values.Sum(v => v.Count(c => c == ',') + 1) > MaxFocusValues)
        {
            problems.Add($"This address carries {values.Sum(v => v.Count(c => c == ',') + 1):N0} focus choices; only the first {MaxFocusValues} are read.");
        }

        var regions = new List<Region>();
        var wrong = new List<string>();
        foreach (var tag in tags)
        {
            if (Tag.TryParse<Region>(tag, out var region) && RoutineRequest.FocusRegions.Contains(region))
            {
                if (!regions.Contains(region))
                {
                    regions.Add(region);
                }
            }
            else if (!wrong.Contains(tag))
            {
                wrong.Add(tag);
            }
        }

        var choose = string.Join(", ", RoutineRequest.FocusRegions.Select(Tag.Of));
        problems.AddRange(wrong.Take(MaxListed).Select(tag => $"'{PlanCode.Shown(tag)}' cannot be a focus; choose from {choose}."));
        if (wrong.Count > MaxListed)
        {
            problems.Add($"… and {wrong.Count - MaxListed} more focus choices that are not regions.");
        }

        return [.. RoutineRequest.FocusRegions.Where(regions.Contains)];
    }

    private static List<string>? ParseInclude(IReadOnlyList<string> values, List<string> problems)
    {
        if (values.Count > RoutineRequest.MaxIncluded)
        {
            problems.Add($"This address asks to include {values.Count:N0} exercises; only the first {RoutineRequest.MaxIncluded} are read.");
        }

        var slugs = values.Take(RoutineRequest.MaxIncluded).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();
        return slugs.Count == 0 ? null : slugs;
    }

    private static bool YesNo(string? value, bool fallback, string name, List<string> problems) => value?.ToLowerInvariant() switch
    {
        null or "" => fallback,
        "true" or "yes" => true,
        "false" or "no" => false,
        _ => AddProblem(problems, $"{name}='{PlanCode.Shown(value)}' should be true or false.", fallback),
    };

    private static T AddProblem<T>(List<string> problems, string problem, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }
}
