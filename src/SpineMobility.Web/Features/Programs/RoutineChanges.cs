using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Web.Features.Programs;

/// <summary>What an update by the sender changes, in words a follower can judge before taking it.</summary>
public static class RoutineChanges
{
    public static IReadOnlyList<string> Between(
        IReadOnlyList<RoutineBlock> before, string? noteBefore, ProgramSchedule? scheduleBefore,
        IReadOnlyList<RoutineBlock> after, string? noteAfter, ProgramSchedule? scheduleAfter)
    {
        var changes = new List<string>();
        var oldNames = before.Select(b => b.Slug).ToHashSet(StringComparer.Ordinal);
        var newNames = after.Select(b => b.Slug).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(after.Where(b => !oldNames.Contains(b.Slug)).DistinctBy(b => b.Slug).Select(b => $"Added {b.Name} ({Labels.Of(b.Phase).ToLowerInvariant()}, {b.DoseText})."));
        changes.AddRange(before.Where(b => !newNames.Contains(b.Slug)).DistinctBy(b => b.Slug).Select(b => $"Removed {b.Name}."));
        foreach (var block in after.Where(b => oldNames.Contains(b.Slug)).DistinctBy(b => b.Slug))
        {
            var old = before.First(b => b.Slug == block.Slug);
            if (old.DoseText != block.DoseText)
            {
                changes.Add($"{block.Name}: {old.DoseText} → {block.DoseText}.");
            }
        }

        var kept = after.Select(b => b.Slug).Where(oldNames.Contains).ToList();
        var keptBefore = before.Select(b => b.Slug).Where(newNames.Contains).ToList();
        if (changes.Count == 0 && !kept.SequenceEqual(keptBefore))
        {
            changes.Add("The exercises are in a new order.");
        }

        if (noteBefore != noteAfter)
        {
            changes.Add(noteAfter is null ? "The note was removed." : $"New note: \"{noteAfter}\"");
        }

        if (scheduleBefore?.Text != scheduleAfter?.Text)
        {
            changes.Add(scheduleAfter is null ? "The schedule was removed." : $"New schedule: {scheduleAfter.Text}.");
        }

        return changes;
    }
}
