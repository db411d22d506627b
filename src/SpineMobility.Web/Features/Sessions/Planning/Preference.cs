using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>
/// The order in which a phase would like its exercises, shuffled by the request's seed: the focus
/// regions first (two of theirs to one of another region's in the mobility phase), each spine region
/// in turn when there is no focus, and whole-body stretches first in the flexibility phase.
/// </summary>
internal static class Preference
{
    private static readonly Region[] SpineRegions = [Region.Cervical, Region.Thoracic, Region.Lumbar, Region.Hip];

    public static List<Exercise> Order(SessionPhase phase, IReadOnlyList<Exercise> candidates, RoutineRequest request, SeededRandom random)
    {
        var focus = request.Focus;
        if (phase == SessionPhase.Mobility)
        {
            if (focus.Count == 0)
            {
                return ByRegion(candidates, SpineRegions, random);
            }

            var onFocus = ByRegion(candidates.Where(e => IsFocus(e, focus)), focus, random);
            var others = ByRegion(candidates.Where(e => !IsFocus(e, focus)), SpineRegions, random);
            return Interleave(onFocus, others);
        }

        var wholeBody = Shuffled(candidates.Where(IsWholeBody), random);
        if (focus.Count == 0)
        {
            return phase == SessionPhase.Flexibility
                ? [.. wholeBody, .. Shuffled(candidates.Where(e => !IsWholeBody(e)), random)]
                : Shuffled(candidates, random);
        }

        // With a focus the other phases stay with it too: its regions and whole-body stretches, then
        // exercises for no region in particular, and other regions' only when nothing else fills the time.
        var focused = ByRegion(candidates.Where(e => IsFocus(e, focus) && !IsWholeBody(e)), focus, random);
        var general = Shuffled(candidates.Where(e => !IsFocus(e, focus) && !IsWholeBody(e) && !e.Regions.Any(SpineRegions.Contains)), random);
        var rest = Shuffled(candidates.Where(e => !IsFocus(e, focus) && !IsWholeBody(e) && e.Regions.Any(SpineRegions.Contains)), random);
        var first = phase == SessionPhase.Flexibility ? [.. wholeBody, .. focused] : Interleave(focused, wholeBody, 1);
        return [.. first, .. general, .. rest];
    }

    public static bool IsFocus(Exercise exercise, IReadOnlyList<Region> focus) => exercise.Regions.Any(focus.Contains);

    public static bool IsWholeBody(Exercise exercise) => exercise.Regions.Contains(Region.FullBody);

    /// <summary>One exercise of each region in turn, each region's own order shuffled; an exercise for several regions comes once.</summary>
    private static List<Exercise> ByRegion(IEnumerable<Exercise> exercises, IReadOnlyList<Region> regions, SeededRandom random)
    {
        var all = exercises.ToList();
        var queues = regions.Select(r => new Queue<Exercise>(Shuffled(all.Where(e => e.Regions.Contains(r)), random))).ToList();
        queues.Add(new Queue<Exercise>(Shuffled(all.Where(e => !e.Regions.Any(regions.Contains)), random)));
        var order = new List<Exercise>(all.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues)
            {
                while (queue.TryDequeue(out var exercise))
                {
                    if (seen.Add(exercise.Slug))
                    {
                        order.Add(exercise);
                        break;
                    }
                }
            }
        }

        return order;
    }

    /// <summary><paramref name="perOther"/> of the first list, then one of the second, and so on.</summary>
    private static List<Exercise> Interleave(List<Exercise> first, List<Exercise> second, int perOther = 2)
    {
        var order = new List<Exercise>(first.Count + second.Count);
        int i = 0, j = 0;
        while (i < first.Count || j < second.Count)
        {
            for (var k = 0; k < perOther && i < first.Count; k++)
            {
                order.Add(first[i++]);
            }

            if (j < second.Count)
            {
                order.Add(second[j++]);
            }
        }

        return order;
    }

    private static List<Exercise> Shuffled(IEnumerable<Exercise> exercises, SeededRandom random)
    {
        List<Exercise> list = [.. exercises];
        random.Shuffle(list);
        return list;
    }
}
