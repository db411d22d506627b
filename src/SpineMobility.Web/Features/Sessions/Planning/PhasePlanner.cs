using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>
/// Chooses one phase's exercises: which starting positions it uses (at most three, so at most two
/// changes of position), which exercises within them, in what order, and how many sets of each.
/// </summary>
internal sealed class PhasePlanner(RoutineRequest request, IReadOnlyList<Exercise> preference, IReadOnlySet<string> required)
{
    // What a choice of positions costs, in units of "one place further down the preference list".
    private const int PositionChangeCost = 4;
    private const int LeavesPositionCost = 2;
    private const int CoverageCost = 100;
    private const int MissingExerciseCost = 8;
    private const int Infeasible = 1_000_000;

    /// <summary>How much room above the target the chosen exercises leave, so sets are not all at their longest.</summary>
    private const double Headroom = 1.25;

    private static readonly Region[] SpineRegions = [Region.Cervical, Region.Thoracic, Region.Lumbar, Region.Hip];

    private readonly Dictionary<string, int> _longest = new(StringComparer.Ordinal);

    public SessionPhase Phase { get; init; }

    /// <summary>
    /// The drafts for a phase of <paramref name="target"/> seconds, in the calm order.
    /// </summary>
    /// <param name="available">The exercises still allowed here (used less than twice, not the one just before).</param>
    /// <param name="blockSeconds">How long a block should be for this session length; sets this how many exercises.</param>
    /// <param name="previous">The exercise before this phase, for where the user is when it starts.</param>
    public List<Draft> Plan(double target, Func<Exercise, bool> available, double blockSeconds, Exercise? previous)
    {
        var pool = Pool(available).ToList();
        if (pool.Count == 0 || target <= 0)
        {
            return [];
        }

        var wanted = Math.Max(1, (int)Math.Round(target / blockSeconds));
        List<Exercise>? best = null;
        var bestCost = double.MaxValue;
        foreach (var positions in PositionSets(pool))
        {
            var chosen = Choose(pool, positions, wanted, target);
            var cost = Cost(pool, chosen, positions, wanted, target, previous);
            if (cost < bestCost)
            {
                (best, bestCost) = (chosen, cost);
            }
        }

        var drafts = best!
            .Select(e => new Draft(e, Phase, Phase == SessionPhase.Mobility && Preference.IsFocus(e, request.Focus), request.Minutes, required.Contains(e.Slug)))
            .ToList();
        AddSets(drafts, target, previous);
        return [.. Ordered(drafts, pool)];
    }

    /// <summary>The phase's exercises in the order of preference, the ones asked for by name first.</summary>
    public IEnumerable<Exercise> Pool(Func<Exercise, bool> available) =>
        preference.Where(e => required.Contains(e.Slug)).Concat(preference.Where(e => !required.Contains(e.Slug))).Where(available);

    /// <summary>Most this phase could hold, whichever positions it uses: every exercise, every set, at their longest.</summary>
    public double Capacity(Func<Exercise, bool> available)
    {
        var pool = Pool(available).ToList();
        var most = PositionSets(pool).Select(p => pool.Where(e => p.Contains(e.Position)).Sum(MaxSecondsOf)).DefaultIfEmpty(0).Max();
        var focus = pool.Where(e => Preference.IsFocus(e, request.Focus)).Sum(MaxSecondsOf);

        // At least half the spine work goes to the focus: it can be no more than twice what the focus exercises hold.
        return Phase == SessionPhase.Mobility && focus > 0 ? Math.Min(most, 2 * focus) : most;
    }

    /// <summary>Sorted by the calm order; within one position, in the order of preference.</summary>
    public IEnumerable<Draft> Ordered(IEnumerable<Draft> drafts, IReadOnlyList<Exercise> pool) =>
        drafts.OrderBy(d => PositionOrder.KeyIn(Phase, d.Exercise)).ThenBy(d => IndexIn(pool, d.Exercise));

    /// <summary>Every choice of one to three starting positions among those in the pool that keeps the required exercises.</summary>
    private IEnumerable<HashSet<StartingPosition>> PositionSets(IReadOnlyList<Exercise> pool)
    {
        var positions = pool.Select(e => e.Position).Distinct().ToList();
        var needed = pool.Where(e => required.Contains(e.Slug)).Select(e => e.Position).ToHashSet();
        for (var mask = 1; mask < 1 << positions.Count; mask++)
        {
            if (int.PopCount(mask) > PositionOrder.MaxPositionsPerPhase)
            {
                continue;
            }

            var set = positions.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet();
            if (needed.IsSubsetOf(set) || needed.Count > PositionOrder.MaxPositionsPerPhase)
            {
                yield return set;
            }
        }
    }

    /// <summary>
    /// The exercises in these positions that the phase must have (those asked for by name; every part
    /// of the spine in a balanced session; half the time's worth for the focus; a whole-body stretch),
    /// then the most preferred: as many as wanted, and more while they could not fill the target.
    /// </summary>
    private List<Exercise> Choose(IReadOnlyList<Exercise> pool, HashSet<StartingPosition> positions, int wanted, double target)
    {
        var here = pool.Where(e => positions.Contains(e.Position)).ToList();
        var chosen = new List<Exercise>();
        var capacity = 0;
        void Take(Exercise exercise)
        {
            if (!chosen.Contains(exercise))
            {
                chosen.Add(exercise);
                capacity += MaxSecondsOf(exercise);
            }
        }

        foreach (var exercise in here.Where(e => required.Contains(e.Slug)))
        {
            Take(exercise);
        }

        if (Phase == SessionPhase.Mobility && request.Focus.Count == 0)
        {
            foreach (var region in SpineRegions)
            {
                if (!chosen.Any(e => e.Regions.Contains(region)) && here.FirstOrDefault(e => e.Regions.Contains(region)) is { } exercise)
                {
                    Take(exercise);
                }
            }
        }
        else if (Phase == SessionPhase.Mobility)
        {
            foreach (var exercise in here.Where(e => Preference.IsFocus(e, request.Focus)))
            {
                if (chosen.Where(e => Preference.IsFocus(e, request.Focus)).Sum(MaxSecondsOf) >= target / 2)
                {
                    break;
                }

                Take(exercise);
            }
        }
        else if (Phase == SessionPhase.Flexibility && !chosen.Any(Preference.IsWholeBody) && here.FirstOrDefault(Preference.IsWholeBody) is { } stretch)
        {
            Take(stretch);
        }

        foreach (var exercise in here)
        {
            if (chosen.Count >= wanted && capacity >= target * Headroom)
            {
                break;
            }

            Take(exercise);
        }

        return [.. chosen.OrderBy(e => IndexIn(pool, e))];
    }

    private double Cost(List<Exercise> pool, List<Exercise> chosen, HashSet<StartingPosition> positions, int wanted, double target, Exercise? previous)
    {
        var capacity = chosen.Sum(MaxSecondsOf);
        var cost = capacity < target ? Infeasible + (target - capacity) : 0.0;

        // How far the chosen exercises are from the most preferred ones, and how many short of those wanted.
        cost += chosen.Select(e => IndexIn(pool, e)).Order().Select((index, rank) => index - rank).Sum();
        cost += MissingExerciseCost * Math.Max(0, Math.Min(wanted, pool.Count) - chosen.Count);
        cost += PositionChangeCost * (positions.Count - 1);
        var first = chosen.MinBy(e => PositionOrder.KeyIn(Phase, e));
        if (previous is not null && first is not null && first.Position != previous.Position)
        {
            cost += LeavesPositionCost;
        }

        if (Phase == SessionPhase.Mobility && request.Focus.Count == 0)
        {
            // A balanced session works every part of the spine the candidates can reach.
            var reachable = SpineRegions.Count(r => pool.Any(e => e.Regions.Contains(r)));
            var reached = SpineRegions.Count(r => chosen.Any(e => e.Regions.Contains(r)));
            cost += CoverageCost * (reachable - reached);
        }
        else if (Phase == SessionPhase.Mobility)
        {
            // Short of what half the phase needs, by how much: the focus exercises come first.
            var focus = chosen.Where(e => Preference.IsFocus(e, request.Focus)).Sum(MaxSecondsOf);
            if (pool.Any(e => Preference.IsFocus(e, request.Focus)) && focus < target / 2)
            {
                cost += CoverageCost * (1 - (focus / (target / 2)));
            }
        }
        else if (Phase == SessionPhase.Flexibility && pool.Any(Preference.IsWholeBody) && !chosen.Any(Preference.IsWholeBody))
        {
            cost += CoverageCost;
        }

        return cost;
    }

    /// <summary>Adds sets, one block at a time in the order of preference, while they bring the phase closer to its target.</summary>
    private void AddSets(List<Draft> drafts, double target, Exercise? previous)
    {
        var pool = drafts.Select(d => d.Exercise).ToList();
        RoutineGenerator.SetGetReady([.. Ordered(drafts, pool)], previous);
        var total = drafts.Sum(d => d.TotalSeconds);
        bool added;
        do
        {
            added = false;
            foreach (var draft in drafts)
            {
                var change = draft.SetChange(+1);
                if (change > 0 && total + (change / 2.0) <= target)
                {
                    draft.StepSets(+1);
                    total += change;
                    added = true;
                }
            }
        }
        while (added);
    }

    private int MaxSecondsOf(Exercise exercise)
    {
        if (!_longest.TryGetValue(exercise.Slug, out var seconds))
        {
            seconds = new Draft(exercise, Phase, false, request.Minutes).MaxSeconds;
            _longest[exercise.Slug] = seconds;
        }

        return seconds;
    }

    private static int IndexIn(IReadOnlyList<Exercise> pool, Exercise exercise)
    {
        for (var i = 0; i < pool.Count; i++)
        {
            if (pool[i].Slug == exercise.Slug)
            {
                return i;
            }
        }

        return pool.Count;
    }
}
