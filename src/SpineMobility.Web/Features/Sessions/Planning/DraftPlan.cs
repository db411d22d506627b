using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>The routine while it is being built: phase by phase, then tuned onto the budget.</summary>
internal sealed class DraftPlan(RoutineRequest request, Dictionary<SessionPhase, double> targets, IReadOnlyDictionary<SessionPhase, PhasePlanner> planners)
{
    private readonly List<Draft> _drafts = [];

    public int TotalSeconds => _drafts.Sum(d => d.TotalSeconds);

    private int Budget => request.BudgetSeconds;

    /// <summary>How long a block should be: about a minute in a short session, up to three and a half in a long one.</summary>
    private double BlockSeconds => Math.Clamp(60 + (2.0 * request.Minutes), 80, 210);

    /// <summary>
    /// Plans the spine work first, since it matters most and its focus exercises are few; then the
    /// warm-up (which must not end with the exercise the spine work starts with), the flexibility
    /// phase and the cool-down. A phase that comes out short or long is made up for by the next.
    /// </summary>
    public void Build()
    {
        foreach (var phase in (SessionPhase[])[SessionPhase.Mobility, SessionPhase.WarmUp, SessionPhase.Flexibility, SessionPhase.CoolDown])
        {
            if (targets[phase] <= 0)
            {
                continue;
            }

            var planner = planners[phase];
            var warmUp = phase == SessionPhase.WarmUp;
            var neighbour = warmUp ? _drafts.FirstOrDefault()?.Exercise : _drafts.LastOrDefault()?.Exercise;
            if (neighbour is not null && !planner.Pool(e => Available(e, neighbour)).Any())
            {
                // Only the exercise next door could fill this phase: let another of its position take its place there.
                neighbour = (warmUp ? LetAnotherStart() : LetAnotherEnd()) ?? neighbour;
            }

            // Every phase that has exercises gets at least one, even in a short session; Balance makes room for it.
            var planned = targets.Where(t => t.Key <= phase).Sum(t => t.Value);
            var target = phase is SessionPhase.Mobility or SessionPhase.WarmUp ? targets[phase] : Math.Max(1, planned - TotalSeconds);
            var drafts = planner.Plan(target, e => Available(e, neighbour), BlockSeconds, warmUp ? null : neighbour);
            _drafts.InsertRange(warmUp ? 0 : _drafts.Count, drafts);
            RoutineGenerator.SetGetReady(_drafts, null);
        }
    }

    /// <summary>Brings the total within tolerance of the budget: tune set lengths and sets, and add or drop a block when that is not enough.</summary>
    public void Balance()
    {
        for (var attempt = 0; attempt < 80; attempt++)
        {
            RebalanceFocus();
            TuneUnits();
            if (FocusShare() < 0.5 && TryDropLastOtherInMobility())
            {
                continue;
            }

            var gap = Budget - TotalSeconds;
            if (Math.Abs(gap) <= RoutineGenerator.Tolerance * Budget)
            {
                return;
            }

            var changed = TryChangeSets(Math.Sign(gap)) || (gap > 0 ? TryAddWhereShort() : TryDropWhereLong());
            if (!changed)
            {
                return;
            }
        }
    }

    public Routine ToRoutine() => new(request, [.. _drafts.Select(d => d.ToBlock())]);

    private bool Available(Exercise exercise, Exercise? previous) =>
        exercise.Slug != previous?.Slug && _drafts.Count(d => d.Slug == exercise.Slug) < RoutineGenerator.MaxBlocksPerExercise;

    private bool Available(Exercise exercise, SessionPhase phase) =>
        _drafts.Count(d => d.Slug == exercise.Slug) < RoutineGenerator.MaxBlocksPerExercise && !_drafts.Any(d => d.Phase == phase && d.Slug == exercise.Slug);

    /// <summary>Moves the plan's last exercise to the start of its run of one position; returns the new last one.</summary>
    private Exercise? LetAnotherEnd()
    {
        var last = _drafts.Count - 1;
        var first = last;
        while (first > 0 && SameRun(_drafts[first - 1], _drafts[last]))
        {
            first--;
        }

        return Move(last, first) ? _drafts[^1].Exercise : null;
    }

    /// <summary>Moves the plan's first exercise to the end of its run of one position; returns the new first one.</summary>
    private Exercise? LetAnotherStart()
    {
        var end = 0;
        while (end + 1 < _drafts.Count && SameRun(_drafts[end + 1], _drafts[0]))
        {
            end++;
        }

        return Move(0, end) ? _drafts[0].Exercise : null;
    }

    private static bool SameRun(Draft a, Draft b) => a.Phase == b.Phase && a.Exercise.Position == b.Exercise.Position;

    private bool Move(int from, int to)
    {
        if (from == to)
        {
            return false;
        }

        var moved = _drafts[from];
        _drafts.RemoveAt(from);
        _drafts.Insert(to, moved);
        RoutineGenerator.SetGetReady(_drafts, null);
        return true;
    }

    /// <summary>Moves each set's hold or repetitions one step at a time, spread over all blocks, towards the budget.</summary>
    private void TuneUnits()
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
                var change = draft.UnitChange(direction);
                if (change != 0 && Math.Abs(gap - change) < Math.Abs(gap) && KeepsFocusShare(draft, change))
                {
                    draft.StepUnits(direction);
                    total += change;
                    moved = true;
                }
            }
        }
        while (moved);
    }

    /// <summary>One set more in the phase furthest below its share (or fewer in the one furthest above), if that narrows the gap.</summary>
    private bool TryChangeSets(int direction)
    {
        var gap = Budget - TotalSeconds;
        var phases = direction > 0 ? PhasesByShortfall() : PhasesByShortfall().AsEnumerable().Reverse();
        foreach (var phase in phases)
        {
            var inPhase = _drafts.Where(d => d.Phase == phase);
            var ordered = direction > 0 ? inPhase.OrderBy(d => d.Sets) : inPhase.OrderByDescending(d => d.Sets);
            foreach (var draft in ordered)
            {
                var change = draft.SetChange(direction);
                if (change != 0 && Math.Abs(gap - change) < Math.Abs(gap) && KeepsFocusShare(draft, change))
                {
                    draft.StepSets(direction);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Lengthens focus exercises and shortens the others in the mobility phase until the focus has half of it;
    /// the next tuning gives the other phases the difference.
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
                if (draft.UnitChange(direction) != 0)
                {
                    draft.StepUnits(direction);
                    moved = true;
                }
                else if (draft.SetChange(direction) != 0)
                {
                    draft.StepSets(direction);
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
            if (draft.Phase == SessionPhase.Mobility && !draft.IsFocus && !draft.IsRequired && CanRemove(i))
            {
                Remove(i);
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the phase's next preferred exercise in a position it already uses (or a third one), in its place in the calm order.</summary>
    private bool TryAddWhereShort()
    {
        foreach (var phase in PhasesByShortfall())
        {
            var planner = planners[phase];
            var inPhase = _drafts.Where(d => d.Phase == phase).ToList();
            var positions = inPhase.Select(d => d.Exercise.Position).ToHashSet();
            foreach (var exercise in planner.Pool(e => Available(e, phase)))
            {
                if (!positions.Contains(exercise.Position) && positions.Count >= PositionOrder.MaxPositionsPerPhase)
                {
                    continue;
                }

                var draft = new Draft(exercise, phase, phase == SessionPhase.Mobility && Preference.IsFocus(exercise, request.Focus), request.Minutes);
                if (!KeepsFocusShare(draft, draft.TotalSeconds))
                {
                    continue;
                }

                // Anywhere among the exercises of its position keeps the calm order; the first place where it meets neither neighbour.
                var start = _drafts.FindIndex(d => d.Phase == phase);
                var ordered = planner.Ordered([.. inPhase, draft], [.. planner.Pool(_ => true)]).ToList();
                var offset = start < 0 ? _drafts.FindLastIndex(d => d.Phase < phase) + 1 : start;
                var key = PositionOrder.KeyIn(phase, exercise);
                var places = Enumerable.Range(0, ordered.Count)
                    .Where(i => PositionOrder.KeyIn(phase, ordered[i].Exercise) == key)
                    .Select(i => offset + i)
                    .Where(at => (at == 0 || _drafts[at - 1].Slug != exercise.Slug) && (at >= _drafts.Count || _drafts[at].Slug != exercise.Slug))
                    .ToList();
                if (places.Count == 0)
                {
                    continue;
                }

                var at = places[0];
                _drafts.Insert(at, draft);
                RoutineGenerator.SetGetReady(_drafts, null);
                return true;
            }
        }

        return false;
    }

    private bool TryDropWhereLong()
    {
        foreach (var phase in PhasesByShortfall().AsEnumerable().Reverse())
        {
            if (_drafts.Count(d => d.Phase == phase) <= 1)
            {
                continue;
            }

            // The phase's last exercise goes first, which keeps the calm order of the rest.
            var last = _drafts.FindLastIndex(d => d.Phase == phase && !d.IsRequired && CanRemove(_drafts.IndexOf(d)));
            if (last >= 0)
            {
                Remove(last);
                return true;
            }
        }

        return false;
    }

    private bool CanRemove(int index) =>
        _drafts.Count(d => d.Phase == _drafts[index].Phase) > 1
        && !(index > 0 && index + 1 < _drafts.Count && _drafts[index - 1].Slug == _drafts[index + 1].Slug);

    private void Remove(int index)
    {
        _drafts.RemoveAt(index);
        RoutineGenerator.SetGetReady(_drafts, null);
    }

    /// <summary>Phases ordered from the furthest below their target to the furthest above it.</summary>
    private List<SessionPhase> PhasesByShortfall() =>
        [.. targets.Where(t => t.Value > 0 && _drafts.Any(d => d.Phase == t.Key))
            .OrderByDescending(t => t.Value - _drafts.Where(d => d.Phase == t.Key).Sum(d => d.TotalSeconds))
            .Select(t => t.Key)];
}
