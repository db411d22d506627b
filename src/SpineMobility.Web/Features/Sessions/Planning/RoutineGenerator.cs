using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>
/// Builds a routine in the article's four phases from the catalog. Pure and deterministic: the same
/// request, seed and catalog always give the same routine.
/// </summary>
/// <remarks>
/// Each phase is filled against its cumulative time target, so a phase that runs a little long is
/// made up for by the next instead of the error adding up. Then the holds and repetition counts
/// are tuned, within what each exercise allows, to bring the total onto the budget.
/// </remarks>
public static class RoutineGenerator
{
    public const int GetReadySeconds = 5;

    /// <summary>Getting ready takes longer when the user has to change position, say from standing to the floor.</summary>
    public const int RepositionSeconds = 10;

    public const double Tolerance = 0.05;

    private static readonly Region[] SpineRegions = [Region.Cervical, Region.Thoracic, Region.Lumbar, Region.Hip];

    public static Routine Generate(RoutineRequest request, IReadOnlyList<Exercise> catalog)
    {
        var problems = request.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }

        var random = new SeededRandom(request.Seed);
        var pickers = Enum.GetValues<SessionPhase>()
            .ToDictionary(phase => phase, phase => new Picker(phase, Candidates(phase, request, catalog), request.Focus, random));
        var plan = new Plan(request, Targets(request.BudgetSeconds, pickers));

        var cumulativeTarget = 0.0;
        foreach (var phase in Enum.GetValues<SessionPhase>())
        {
            cumulativeTarget += plan.Targets[phase];
            while (plan.TryAppend(pickers[phase], cumulativeTarget))
            {
            }
        }

        plan.Balance(pickers);
        return plan.ToRoutine();
    }

    /// <summary>Swaps one block for another exercise that suits its phase, keeping every other block as it is.</summary>
    public static Routine Swap(Routine routine, int index, IReadOnlyList<Exercise> catalog)
    {
        var blocks = routine.Blocks;
        var current = blocks[index];
        var before = index > 0 ? blocks[index - 1].Slug : null;
        var after = index + 1 < blocks.Count ? blocks[index + 1].Slug : null;
        var candidates = Candidates(current.Phase, routine.Request, catalog)
            .Where(e => e.Slug != current.Slug && e.Slug != before && e.Slug != after)
            .ToList();
        if (candidates.Count == 0)
        {
            return routine;
        }

        // Prefer what the routine does not have yet; walk the catalog order from the current exercise so repeated swaps cycle.
        var used = blocks.Select(b => b.Slug).ToHashSet();
        var ordered = candidates.OrderBy(e => used.Contains(e.Slug)).ThenBy(e => (e.SortOrder - SortOrderOf(current.Slug, catalog) + catalog.Count) % Math.Max(catalog.Count, 1)).ToList();
        var previousPosition = index > 0 ? catalog.FirstOrDefault(e => e.Slug == before)?.Position : null;
        var replacement = Draft.Nominal(ordered[0], current.Phase, isFocus: false, previousPosition).ToBlock();
        return routine with { Blocks = [.. blocks.Take(index), replacement, .. blocks.Skip(index + 1)] };
    }

    /// <summary>A block of one exercise at its nominal dose, as a swap would make it.</summary>
    public static RoutineBlock BlockFor(Exercise exercise, SessionPhase phase, StartingPosition? previousPosition) =>
        Draft.Nominal(exercise, phase, isFocus: false, previousPosition).ToBlock();

    /// <summary>Removes one block; if that would put the same exercise twice in a row, the second is swapped.</summary>
    public static Routine Remove(Routine routine, int index, IReadOnlyList<Exercise> catalog)
    {
        var shorter = routine with { Blocks = [.. routine.Blocks.Take(index), .. routine.Blocks.Skip(index + 1)] };
        return index > 0 && index < shorter.Blocks.Count && shorter.Blocks[index].Slug == shorter.Blocks[index - 1].Slug
            ? Swap(shorter, index, catalog)
            : shorter;
    }

    /// <summary>The exercises that suit a phase for this request.</summary>
    internal static List<Exercise> Candidates(SessionPhase phase, RoutineRequest request, IReadOnlyList<Exercise> catalog) =>
        [.. catalog.Where(e => !e.IsRetired
                               && e.Phases.Contains(phase)
                               && (request.HasEquipment || e.Equipment != Equipment.FoamRollerOrBall)
                               // Warm-up and cool-down are gentle by design; beginners stay gentle throughout.
                               && (e.Intensity == Intensity.Gentle || (request.Level == Level.Standard && phase is SessionPhase.Mobility or SessionPhase.Flexibility)))
                   .OrderBy(e => e.SortOrder)];

    /// <summary>
    /// The article's proportions: warm-up and cool-down a fifth each, at most 10 minutes; the rest
    /// split between spine mobility (55 %) and flexibility. A phase nothing suits gives its time to the others.
    /// </summary>
    internal static Dictionary<SessionPhase, double> Targets(int budgetSeconds, IReadOnlyDictionary<SessionPhase, Picker> pickers)
    {
        var edge = Math.Min(0.2 * budgetSeconds, 600);
        var middle = budgetSeconds - (2 * edge);
        var shares = new Dictionary<SessionPhase, double>
        {
            [SessionPhase.WarmUp] = edge,
            [SessionPhase.Mobility] = 0.55 * middle,
            [SessionPhase.Flexibility] = 0.45 * middle,
            [SessionPhase.CoolDown] = edge,
        };

        var available = shares.Where(s => pickers[s.Key].HasCandidates).Sum(s => s.Value);
        return shares.ToDictionary(s => s.Key, s => pickers[s.Key].HasCandidates && available > 0 ? s.Value * budgetSeconds / available : 0);
    }

    private static int SortOrderOf(string slug, IReadOnlyList<Exercise> catalog) =>
        catalog.FirstOrDefault(e => e.Slug == slug)?.SortOrder ?? 0;

    private static bool IsFocus(Exercise exercise, IReadOnlyList<Region> focus) => exercise.Regions.Any(focus.Contains);

    /// <summary>Hands out a phase's exercises in a seeded order, cycling, never the same one twice in a row.</summary>
    internal sealed class Picker
    {
        private readonly List<Queue> _queues = [];
        private int _nextQueue;

        public Picker(SessionPhase phase, List<Exercise> candidates, IReadOnlyList<Region> focus, SeededRandom random)
        {
            Phase = phase;
            HasCandidates = candidates.Count > 0;
            Focus = phase == SessionPhase.Mobility ? focus : [];

            if (Focus.Count > 0)
            {
                FocusQueue = new Queue(candidates.Where(e => IsFocus(e, Focus)), random);
                OtherQueue = new Queue(candidates.Where(e => !IsFocus(e, Focus)), random);
            }
            else if (phase == SessionPhase.Mobility)
            {
                // Balanced: take each spine region in turn.
                foreach (var region in SpineRegions)
                {
                    _queues.Add(new Queue(candidates.Where(e => e.Regions.Contains(region)), random));
                }

                _queues.Add(new Queue(candidates.Where(e => !e.Regions.Any(SpineRegions.Contains)), random));
                _queues.RemoveAll(q => q.IsEmpty);
            }
            else if (phase == SessionPhase.Flexibility)
            {
                // Whole-body stretches lead; the other stretches follow.
                var fullBody = candidates.Where(e => e.Regions.Contains(Region.FullBody)).ToList();
                var ordered = new Queue(fullBody, random).Items.Concat(new Queue(candidates.Except(fullBody), random).Items);
                _queues.Add(new Queue(ordered));
            }
            else
            {
                _queues.Add(new Queue(candidates, random));
            }
        }

        public SessionPhase Phase { get; }

        public bool HasCandidates { get; }

        public IReadOnlyList<Region> Focus { get; }

        private Queue? FocusQueue { get; }

        private Queue? OtherQueue { get; }

        /// <summary>The next exercise that differs from its neighbours, preferring ones the routine has not used.</summary>
        public Exercise? Next(string? previous, string? following, ISet<string> used, double focusSeconds, double otherSeconds)
        {
            if (FocusQueue is not null && OtherQueue is not null)
            {
                // At least half of the mobility phase goes to the focus regions: another region's exercise
                // is taken only while the focus regions are ahead.
                var other = OtherQueue.Peek(previous, following, used);
                if (other is not null && otherSeconds + Draft.NominalSeconds(other) <= focusSeconds)
                {
                    return OtherQueue.Take(other);
                }

                var focused = FocusQueue.Peek(previous, following, used);
                if (focused is not null)
                {
                    return FocusQueue.Take(focused);
                }

                // The only focus exercise is next door (say it ended the warm-up): bridge with another
                // region's exercise; Plan.Balance drops a bridge that leaves the focus short.
                return other is null ? null : OtherQueue.Take(other);
            }

            for (var tried = 0; tried < _queues.Count; tried++)
            {
                var queue = _queues[(_nextQueue + tried) % _queues.Count];
                var exercise = queue.Peek(previous, following, used);
                if (exercise is not null)
                {
                    _nextQueue = (_nextQueue + tried + 1) % _queues.Count;
                    return queue.Take(exercise);
                }
            }

            return null;
        }

        public bool IsFocusExercise(Exercise exercise) => Focus.Count > 0 && IsFocus(exercise, Focus);
    }

    /// <summary>A cycling list of exercises.</summary>
    internal sealed class Queue
    {
        private int _position;

        public Queue(IEnumerable<Exercise> exercises, SeededRandom random)
        {
            Items = [.. exercises];
            random.Shuffle(Items);
        }

        public Queue(IEnumerable<Exercise> ordered) => Items = [.. ordered];

        public List<Exercise> Items { get; }

        public bool IsEmpty => Items.Count == 0;

        public Exercise? Peek(string? previous, string? following, ISet<string> used)
        {
            Exercise? fallback = null;
            for (var i = 0; i < Items.Count; i++)
            {
                var exercise = Items[(_position + i) % Items.Count];
                if (exercise.Slug == previous || exercise.Slug == following)
                {
                    continue;
                }

                if (!used.Contains(exercise.Slug))
                {
                    return exercise;
                }

                fallback ??= exercise;
            }

            return fallback;
        }

        public Exercise Take(Exercise exercise)
        {
            _position = (Items.IndexOf(exercise) + 1) % Items.Count;
            return exercise;
        }
    }

    /// <summary>A block whose time can still be tuned within what its exercise allows.</summary>
    private sealed class Draft
    {
        private Draft(Exercise exercise, SessionPhase phase, bool isFocus, int getReadySeconds)
        {
            Exercise = exercise;
            Phase = phase;
            IsFocus = isFocus;
            GetReadySeconds = getReadySeconds;
            var dose = exercise.Dose;
            if (dose.IsHold)
            {
                Min = dose.MinSeconds!.Value;
                Max = dose.MaxSeconds!.Value;
                Units = Math.Clamp((int)(Math.Round((Min + Max) / 10.0) * 5), Min, Max);
            }
            else
            {
                Units = dose.Reps!.Value;
                Min = Math.Max(1, (int)Math.Ceiling(Units * 0.75));
                Max = Math.Max(Units, (int)Math.Floor(Units * 1.5));
            }
        }

        public Exercise Exercise { get; }

        public SessionPhase Phase { get; }

        public bool IsFocus { get; }

        public int GetReadySeconds { get; set; }

        /// <summary>Seconds of hold, or repetitions.</summary>
        public int Units { get; private set; }

        private int Min { get; }

        private int Max { get; }

        private int WorkSeconds => Exercise.Dose.IsHold ? Units : Units * Exercise.Dose.SecondsPerRep!.Value;

        public int TotalSeconds => GetReadySeconds + (Exercise.PerSide ? (2 * WorkSeconds) + RoutineBlock.SwitchSidesSeconds : WorkSeconds);

        public static Draft Nominal(Exercise exercise, SessionPhase phase, bool isFocus, StartingPosition? previousPosition) =>
            new(exercise, phase, isFocus, previousPosition == exercise.Position ? RoutineGenerator.GetReadySeconds : RepositionSeconds);

        public static int NominalSeconds(Exercise exercise) => Nominal(exercise, SessionPhase.Mobility, false, exercise.Position).TotalSeconds;

        /// <summary>How the total changes if the block grows (+1) or shrinks (-1) by one step, or 0 when it cannot.</summary>
        public int StepChange(int direction)
        {
            var next = NextUnits(direction);
            if (next == Units)
            {
                return 0;
            }

            var before = TotalSeconds;
            var units = Units;
            Units = next;
            var change = TotalSeconds - before;
            Units = units;
            return change;
        }

        public void Step(int direction) => Units = NextUnits(direction);

        // Holds move in 5-second steps so the plan reads "30 s", not "31 s".
        private int NextUnits(int direction) => Exercise.Dose.IsHold
            ? Math.Clamp(Units + (5 * direction), Min, Max)
            : Math.Clamp(Units + direction, Min, Max);

        public RoutineBlock ToBlock() => new(
            Phase,
            Exercise.Slug,
            Exercise.Name,
            Exercise.PerSide,
            Exercise.Dose.Kind,
            WorkSeconds,
            Exercise.Dose.IsHold ? null : Units,
            Exercise.Dose.SecondsPerRep,
            GetReadySeconds);
    }

    /// <summary>The routine while it is being built.</summary>
    private sealed class Plan(RoutineRequest request, Dictionary<SessionPhase, double> targets)
    {
        private readonly List<Draft> _drafts = [];

        public Dictionary<SessionPhase, double> Targets { get; } = targets;

        public int TotalSeconds => _drafts.Sum(d => d.TotalSeconds);

        private int Budget => request.BudgetSeconds;

        /// <summary>Appends the phase's next exercise unless it would overshoot the phase's cumulative target by more than half of it.</summary>
        public bool TryAppend(Picker picker, double cumulativeTarget)
        {
            var previous = _drafts.LastOrDefault();
            var next = Pick(picker, _drafts.Count);
            if (next is null)
            {
                return false;
            }

            // Every phase gets at least one exercise, even in a short session; Balance makes room for it.
            var draft = Draft.Nominal(next, picker.Phase, picker.IsFocusExercise(next), previous?.Exercise.Position);
            var phaseHasOne = previous?.Phase == picker.Phase;
            if (phaseHasOne && TotalSeconds + (draft.TotalSeconds / 2.0) > cumulativeTarget)
            {
                return false;
            }

            _drafts.Add(draft);
            return true;
        }

        /// <summary>Brings the total within tolerance of the budget: tune times, and add or drop a block when tuning is not enough.</summary>
        public void Balance(IReadOnlyDictionary<SessionPhase, Picker> pickers)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                RebalanceFocus();
                Tune();
                if (FocusShare() < 0.5 && TryDropLastOtherInMobility())
                {
                    continue;
                }

                var gap = Budget - TotalSeconds;
                if (Math.Abs(gap) <= Tolerance * Budget)
                {
                    return;
                }

                var changed = gap > 0 ? TryAddWhereShort(pickers) : TryDropWhereLong();
                if (!changed)
                {
                    return;
                }
            }
        }

        public Routine ToRoutine() => new(request, [.. _drafts.Select(d => d.ToBlock())]);

        private Exercise? Pick(Picker picker, int index)
        {
            var previous = index > 0 ? _drafts[index - 1].Exercise.Slug : null;
            var following = index < _drafts.Count ? _drafts[index].Exercise.Slug : null;
            var used = _drafts.Select(d => d.Exercise.Slug).ToHashSet();
            var mobility = _drafts.Where(d => d.Phase == SessionPhase.Mobility).ToList();
            return picker.Next(previous, following, used, mobility.Where(d => d.IsFocus).Sum(d => d.TotalSeconds), mobility.Where(d => !d.IsFocus).Sum(d => d.TotalSeconds));
        }

        /// <summary>Moves holds and repetition counts one step at a time, spread over all blocks, towards the budget.</summary>
        private void Tune()
        {
            var total = TotalSeconds;
            bool moved;
            do
            {
                moved = false;
                foreach (var draft in _drafts)
                {
                    var gap = Budget - total;
                    if (gap == 0)
                    {
                        return;
                    }

                    var direction = Math.Sign(gap);
                    var change = draft.StepChange(direction);
                    if (change != 0 && Math.Abs(gap - change) < Math.Abs(gap) && KeepsFocusShare(draft, change))
                    {
                        draft.Step(direction);
                        total += change;
                        moved = true;
                    }
                }
            }
            while (moved);
        }

        /// <summary>
        /// Lengthens focus exercises and shortens the others in the mobility phase until the focus has half of it;
        /// the next <see cref="Tune"/> gives the other phases the difference.
        /// </summary>
        private void RebalanceFocus()
        {
            var mobility = _drafts.Where(d => d.Phase == SessionPhase.Mobility).ToList();
            bool moved;
            do
            {
                moved = false;
                foreach (var draft in mobility)
                {
                    if (FocusShare() >= 0.5)
                    {
                        return;
                    }

                    var direction = draft.IsFocus ? 1 : -1;
                    if (draft.StepChange(direction) != 0)
                    {
                        draft.Step(direction);
                        moved = true;
                    }
                }
            }
            while (moved);
        }

        private bool KeepsFocusShare(Draft draft, int change)
        {
            if (draft.Phase != SessionPhase.Mobility || request.Focus.Count == 0)
            {
                return true;
            }

            var mobility = _drafts.Where(d => d.Phase == SessionPhase.Mobility).ToList();
            var focus = mobility.Where(d => d.IsFocus).Sum(d => d.TotalSeconds) + (draft.IsFocus ? change : 0);
            var all = mobility.Sum(d => d.TotalSeconds) + change;
            return !mobility.Any(d => d.IsFocus) || focus * 2 >= all;
        }

        /// <summary>The focus regions' share of the mobility phase; 1 when there is no focus to keep.</summary>
        private double FocusShare()
        {
            var mobility = _drafts.Where(d => d.Phase == SessionPhase.Mobility).ToList();
            if (request.Focus.Count == 0 || !mobility.Any(d => d.IsFocus))
            {
                return 1;
            }

            return mobility.Where(d => d.IsFocus).Sum(d => d.TotalSeconds) / (double)mobility.Sum(d => d.TotalSeconds);
        }

        private bool TryDropLastOtherInMobility()
        {
            for (var i = _drafts.Count - 1; i >= 0; i--)
            {
                var draft = _drafts[i];
                if (draft.Phase != SessionPhase.Mobility || draft.IsFocus)
                {
                    continue;
                }

                var wouldRepeat = i > 0 && i + 1 < _drafts.Count && _drafts[i - 1].Exercise.Slug == _drafts[i + 1].Exercise.Slug;
                if (!wouldRepeat)
                {
                    _drafts.RemoveAt(i);
                    RefreshGetReady(i);
                    return true;
                }
            }

            return false;
        }

        private bool TryAddWhereShort(IReadOnlyDictionary<SessionPhase, Picker> pickers)
        {
            foreach (var phase in PhasesByShortfall())
            {
                var end = _drafts.FindLastIndex(d => d.Phase <= phase) + 1;
                var next = Pick(pickers[phase], end);
                if (next is null)
                {
                    continue;
                }

                var previousPosition = end > 0 ? _drafts[end - 1].Exercise.Position : (StartingPosition?)null;
                _drafts.Insert(end, Draft.Nominal(next, phase, pickers[phase].IsFocusExercise(next), previousPosition));
                RefreshGetReady(end + 1);
                return true;
            }

            return false;
        }

        private bool TryDropWhereLong()
        {
            foreach (var phase in PhasesByShortfall().Reverse())
            {
                var last = _drafts.FindLastIndex(d => d.Phase == phase);
                var count = _drafts.Count(d => d.Phase == phase);
                var wouldRepeat = last > 0 && last + 1 < _drafts.Count && _drafts[last - 1].Exercise.Slug == _drafts[last + 1].Exercise.Slug;
                if (count > 1 && !wouldRepeat)
                {
                    _drafts.RemoveAt(last);
                    RefreshGetReady(last);
                    return true;
                }
            }

            return false;
        }

        /// <summary>Phases ordered from the furthest below their target to the furthest above it.</summary>
        private IEnumerable<SessionPhase> PhasesByShortfall() =>
            Targets.Where(t => t.Value > 0)
                .OrderByDescending(t => t.Value - _drafts.Where(d => d.Phase == t.Key).Sum(d => d.TotalSeconds))
                .Select(t => t.Key)
                .ToList();

        private void RefreshGetReady(int index)
        {
            if (index < _drafts.Count)
            {
                var previous = index > 0 ? _drafts[index - 1].Exercise.Position : (StartingPosition?)null;
                _drafts[index].GetReadySeconds = previous == _drafts[index].Exercise.Position ? GetReadySeconds : RepositionSeconds;
            }
        }
    }
}
