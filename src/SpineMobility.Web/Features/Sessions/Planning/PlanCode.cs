using System.Globalization;
using System.Text;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>
/// A plan written into its address, so an edited plan survives a reload, Back and a shared link:
/// <c>1~hip-circles-2x10.neck-tilts-1x8~chin-tucks-3x12~childs-pose-2x45~knee-to-chest-1x30</c>.
/// </summary>
/// <remarks>
/// The version comes first; then the four phases in order, separated by <c>~</c>; within a phase the
/// blocks in order, separated by <c>.</c>, each as <c>slug-SETSxAMOUNT</c> (repetitions per set, or
/// seconds of hold per side). Getting ready and rests follow from the plan, so they are not written.
/// Only characters that need no escaping in an address are used. A later version can change the
/// format; this one stays readable.
/// </remarks>
public static class PlanCode
{
    public const int Version = 1;

    /// <summary>Longer than any plan of 90 minutes (about 900 characters), short enough for any link.</summary>
    public const int MaxLength = 2000;

    public const int MaxBlocks = 60;

    /// <summary>A coach may write fewer or more repetitions than the generator does, within reason.</summary>
    public const int MaxRepsPerSet = 30;

    private const char PhaseSeparator = '~';
    private const char BlockSeparator = '.';

    public static string Encode(IReadOnlyList<RoutineBlock> blocks)
    {
        var text = new StringBuilder(Version.ToString(CultureInfo.InvariantCulture));
        foreach (var phase in Enum.GetValues<SessionPhase>())
        {
            text.Append(PhaseSeparator);
            text.AppendJoin(BlockSeparator, blocks.Where(b => b.Phase == phase).Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Slug}-{b.Sets}x{b.Reps ?? b.WorkSeconds}")));
        }

        return text.ToString();
    }

    /// <summary>The plan a code describes, or what is wrong with it in words a user can act on.</summary>
    public static (IReadOnlyList<RoutineBlock>? Blocks, IReadOnlyList<string> Problems) Decode(string code, IReadOnlyList<Exercise> catalog)
    {
        if (code.Length > MaxLength)
        {
            return Fail($"The plan in this address is {code.Length:N0} characters long; a plan may take at most {MaxLength:N0}.");
        }

        var phases = code.Split(PhaseSeparator);
        if (!int.TryParse(phases[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return Fail("The plan in this address could not be read: it should start with its version number.");
        }

        if (version != Version)
        {
            return Fail($"The plan in this address is in format {Shown(phases[0])}, which this version of SpineMobility does not read (it reads format {Version}).");
        }

        if (phases.Length != 5)
        {
            return Fail($"The plan in this address should have four phases separated by '{PhaseSeparator}', not {phases.Length - 1}.");
        }

        var bySlug = catalog.ToDictionary(e => e.Slug, StringComparer.Ordinal);
        var problems = new List<string>();
        var drafts = new List<Draft>();
        foreach (var (phase, text) in Enum.GetValues<SessionPhase>().Zip(phases.Skip(1)))
        {
            foreach (var part in text.Split(BlockSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (drafts.Count + problems.Count >= MaxBlocks)
                {
                    return Fail($"The plan in this address has more than {MaxBlocks} exercises.");
                }

                if (Block(part, phase, bySlug) is { } draft)
                {
                    drafts.Add(draft);
                }
                else
                {
                    problems.Add(ProblemWith(part, phase, bySlug));
                }
            }
        }

        if (problems.Count == 0 && drafts.Count == 0)
        {
            problems.Add("The plan in this address has no exercises.");
        }

        if (problems.Count > 0)
        {
            return (null, problems.Count > 3 ? [.. problems.Take(3), $"… and {problems.Count - 3} more problems with the plan in this address."] : problems);
        }

        RoutineGenerator.SetGetReady(drafts, null);
        return ([.. drafts.Select(d => d.ToBlock())], []);
    }

    private static Draft? Block(string part, SessionPhase phase, Dictionary<string, Exercise> bySlug)
    {
        if (Parts(part) is not var (slug, sets, units) || !bySlug.TryGetValue(slug, out var exercise) || exercise.IsRetired || !exercise.Phases.Contains(phase))
        {
            return null;
        }

        var (min, max) = exercise.Dose.IsHold ? Dosing.UnitRange(exercise.Dose) : (1, MaxRepsPerSet);
        return sets is >= 1 and <= Dosing.MaxSets && units >= min && units <= max ? Draft.Of(exercise, phase, sets, units) : null;
    }

    private static string ProblemWith(string part, SessionPhase phase, Dictionary<string, Exercise> bySlug)
    {
        if (Parts(part) is not var (slug, sets, units))
        {
            return $"'{Shown(part)}' in the plan is not an exercise and its dose, like cat-cow-2x10.";
        }

        if (!bySlug.TryGetValue(slug, out var exercise))
        {
            return $"The plan names '{Shown(slug)}', which is not an exercise here.";
        }

        if (exercise.IsRetired)
        {
            return $"{exercise.Name} is no longer in the catalog.";
        }

        if (!exercise.Phases.Contains(phase))
        {
            return $"{exercise.Name} does not belong in the {Labels.Of(phase).ToLowerInvariant()} ({string.Join(", ", exercise.Phases.Select(p => Labels.Of(p).ToLowerInvariant()))} only).";
        }

        if (sets is < 1 or > Dosing.MaxSets)
        {
            return $"{exercise.Name}: {sets} sets; a block has 1 to {Dosing.MaxSets}.";
        }

        return exercise.Dose.IsHold
            ? $"{exercise.Name}: a hold of {units} s; it is held {exercise.Dose.MinSeconds} to {exercise.Dose.MaxSeconds} s."
            : $"{exercise.Name}: {units} repetitions; a set has 1 to {MaxRepsPerSet}.";
    }

    /// <summary>"cat-cow-2x10" as ("cat-cow", 2, 10); null when it is not of that shape.</summary>
    private static (string Slug, int Sets, int Units)? Parts(string part)
    {
        var dash = part.LastIndexOf('-');
        if (dash <= 0)
        {
            return null;
        }

        var dose = part[(dash + 1)..].Split('x');
        return dose.Length == 2
               && dose[0].Length is > 0 and <= 2 && int.TryParse(dose[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sets)
               && dose[1].Length is > 0 and <= 3 && int.TryParse(dose[1], NumberStyles.None, CultureInfo.InvariantCulture, out var units)
            ? (part[..dash], sets, units)
            : null;
    }

    /// <summary>What the user wrote, cut short so a long address cannot make a long page.</summary>
    internal static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static (IReadOnlyList<RoutineBlock>?, IReadOnlyList<string>) Fail(string problem) => (null, [problem]);
}
