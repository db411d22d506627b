using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>
/// Builds a routine in the article's four phases from the catalog. Pure and deterministic: the same
/// request, seed and catalog always give the same routine.
/// </summary>
/// <remarks>
/// Each phase picks a few exercises in at most three starting positions, orders them from standing
/// down to the floor (back up for the cool-down), and gives them sets until it fills its share of
/// the time. Then the holds, repetitions and sets are tuned, within what each exercise allows, to
/// bring the total onto the budget. An exercise comes once per phase and at most twice a session.
/// </remarks>
public static class RoutineGenerator
{
    public const int GetReadySeconds = 5;

    /// <summary>Getting ready takes longer when the user has to change position, say from standing to the floor.</summary>
    public const int RepositionSeconds = 10;

    public const double Tolerance = 0.05;

    /// <summary>An exercise comes back at most this often in one session (a per-side pair, and all its sets, are one block).</summary>
    public const int MaxBlocksPerExercise = 2;

    public static Routine Generate(RoutineRequest request, IReadOnlyList<Exercise> catalog)
    {
        var problems = request.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }

        var random = new SeededRandom(request.Seed);
        var phases = Enum.GetValues<SessionPhase>();
        var candidates = phases.ToDictionary(p => p, p => Candidates(p, request, catalog));
        var required = Required(request, candidates);
        var planners = phases.ToDictionary(p => p, p => new PhasePlanner(request, Preference.Order(p, candidates[p], request, random), required[p]) { Phase = p });
        var capacity = planners.ToDictionary(p => p.Key, p => p.Value.Capacity(_ => true));
        var plan = new DraftPlan(request, Targets(request.BudgetSeconds, capacity), planners);
        plan.Build();
        plan.Balance();
        return plan.ToRoutine();
    }

    /// <summary>A block of one set of an exercise at its usual dose, as a gentler replacement in the player makes it.</summary>
    public static RoutineBlock BlockFor(Exercise exercise, SessionPhase phase, StartingPosition? previousPosition)
    {
        var draft = new Draft(exercise, phase, isFocus: false, minutes: 15)
        {
            GetReadySeconds = previousPosition == exercise.Position ? GetReadySeconds : RepositionSeconds,
        };
        return draft.ToBlock();
    }

    /// <summary>The exercises that suit a phase for this request.</summary>
    public static List<Exercise> Candidates(SessionPhase phase, RoutineRequest request, IReadOnlyList<Exercise> catalog) =>
        [.. catalog.Where(e => Suits(e, phase, request) && (!request.OnlyFocus || request.Focus.Count == 0 || Preference.IsFocus(e, request.Focus) || Preference.IsWholeBody(e) || request.Included.Contains(e.Slug)))
                   .OrderBy(e => e.SortOrder)];

    /// <summary>Whether an exercise may be in this phase of this request, focus aside.</summary>
    public static bool Suits(Exercise exercise, SessionPhase phase, RoutineRequest request) =>
        !exercise.IsRetired
        && exercise.Phases.Contains(phase)
        && (request.HasEquipment || exercise.Equipment != Equipment.FoamRollerOrBall)
        // Without a mat, only what is done standing or on a chair.
        && (request.HasMat || (exercise.Equipment != Equipment.Mat && exercise.Position is StartingPosition.Standing or StartingPosition.Seated))
        // Warm-up and cool-down are gentle by design; beginners stay gentle throughout.
        && (exercise.Intensity == Intensity.Gentle || (request.Level == Level.Standard && phase is SessionPhase.Mobility or SessionPhase.Flexibility));

    /// <summary>The phase an exercise asked for by name goes to: the spine work if it suits it, else the first phase it suits.</summary>
    public static SessionPhase? PhaseFor(Exercise exercise, RoutineRequest request) =>
        new[] { SessionPhase.Mobility, SessionPhase.Flexibility, SessionPhase.WarmUp, SessionPhase.CoolDown }
            .Cast<SessionPhase?>()
            .FirstOrDefault(p => Suits(exercise, p!.Value, request));

    /// <summary>
    /// The article's proportions: warm-up and cool-down a fifth each, at most 10 minutes; the rest
    /// split between spine mobility (55 %) and flexibility. A phase gets no more than its exercises can
    /// fill at real doses; what it cannot hold goes to the phases that can, the middle ones first.
    /// </summary>
    internal static Dictionary<SessionPhase, double> Targets(int budgetSeconds, IReadOnlyDictionary<SessionPhase, double> capacity)
    {
        var edge = Math.Min(0.2 * budgetSeconds, 600);
        var middle = budgetSeconds - (2 * edge);
        var targets = new Dictionary<SessionPhase, double>
        {
            [SessionPhase.WarmUp] = edge,
            [SessionPhase.Mobility] = 0.55 * middle,
            [SessionPhase.Flexibility] = 0.45 * middle,
            [SessionPhase.CoolDown] = edge,
        };

        // Leave room for tuning rather than fill a phase to its very last set.
        var room = capacity.ToDictionary(c => c.Key, c => c.Value * 0.9);
        for (var round = 0; round < 4; round++)
        {
            var excess = 0.0;
            foreach (var phase in targets.Keys.ToList())
            {
                if (targets[phase] > room[phase])
                {
                    excess += targets[phase] - room[phase];
                    targets[phase] = room[phase];
                }
            }

            var receivers = targets.Keys.Where(p => p is SessionPhase.Mobility or SessionPhase.Flexibility && room[p] - targets[p] > 1).ToList();
            if (receivers.Count == 0)
            {
                receivers = [.. targets.Keys.Where(p => room[p] - targets[p] > 1)];
            }

            var space = receivers.Sum(p => room[p] - targets[p]);
            if (excess < 1 || space <= 0)
            {
                break;
            }

            foreach (var phase in receivers)
            {
                targets[phase] += Math.Min(room[phase] - targets[phase], excess * (room[phase] - targets[phase]) / space);
            }
        }

        return targets;
    }

    /// <summary>Short get-ready where the position stays, longer where it changes (and before the first exercise).</summary>
    internal static void SetGetReady(IReadOnlyList<Draft> drafts, Exercise? before)
    {
        var previous = before;
        foreach (var draft in drafts)
        {
            draft.GetReadySeconds = PositionOrder.SamePosition(previous, draft.Exercise) ? GetReadySeconds : RepositionSeconds;
            previous = draft.Exercise;
        }
    }

    private static Dictionary<SessionPhase, IReadOnlySet<string>> Required(RoutineRequest request, Dictionary<SessionPhase, List<Exercise>> candidates)
    {
        var required = Enum.GetValues<SessionPhase>().ToDictionary(p => p, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var slug in request.Included)
        {
            var exercise = candidates.Values.SelectMany(c => c).FirstOrDefault(e => e.Slug == slug);
            if (exercise is not null && PhaseFor(exercise, request) is { } phase && candidates[phase].Contains(exercise))
            {
                required[phase].Add(slug);
            }
        }

        return required.ToDictionary(r => r.Key, r => (IReadOnlySet<string>)r.Value);
    }
}
