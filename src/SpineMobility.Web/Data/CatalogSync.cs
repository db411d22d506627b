using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Data;

/// <summary>Brings the stored catalog in line with the content file.</summary>
/// <remarks>
/// Exercises are matched by slug. One removed from the content is retired, never deleted, because
/// recorded sessions refer to it. Instances that start together sync one after the other (the first takes the
/// database's lock for it, the others then find nothing left to do), and a sync that changed anything counts the
/// <see cref="CatalogStamp"/> up, so running instances notice the new catalog.
/// </remarks>
public static class CatalogSync
{
    public sealed record Summary(int Loaded, int Added, int Updated, int Retired)
    {
        public bool Changed => Added + Updated + Retired > 0;
    }

    public static async Task<Summary> RunAsync(AppDbContext db, IReadOnlyList<Exercise> content, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AppDatabase.LockForCatalogSyncAsync(db, cancellationToken);
        var stored = await db.Exercises.ToDictionaryAsync(e => e.Slug, StringComparer.Ordinal, cancellationToken);

        int added = 0, updated = 0, retired = 0;
        foreach (var exercise in content)
        {
            if (!stored.Remove(exercise.Slug, out var row))
            {
                db.Exercises.Add(exercise);
                added++;
                continue;
            }

            CopyContent(exercise, row);
            row.IsRetired = false;
            db.ChangeTracker.DetectChanges();
            if (db.Entry(row).State == EntityState.Modified)
            {
                updated++;
            }
        }

        foreach (var row in stored.Values.Where(r => !r.IsRetired))
        {
            row.IsRetired = true;
            retired++;
        }

        var summary = new Summary(content.Count, added, updated, retired);
        var stamp = await db.CatalogStamps.SingleOrDefaultAsync(s => s.Id == CatalogStamp.SingleId, cancellationToken);
        if (stamp is null)
        {
            db.CatalogStamps.Add(new CatalogStamp { Version = 1 });
        }
        else if (summary.Changed)
        {
            stamp.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    private static void CopyContent(Exercise from, Exercise to)
    {
        to.Name = from.Name;
        to.Summary = from.Summary;
        to.Regions = from.Regions;
        to.Position = from.Position;
        to.Equipment = from.Equipment;
        to.Directions = from.Directions;
        to.Dose = from.Dose;
        to.PerSide = from.PerSide;
        to.Phases = from.Phases;
        to.Intensity = from.Intensity;
        to.Steps = from.Steps;
        to.Cues = from.Cues;
        to.Cautions = from.Cautions;
        to.Illustration = from.Illustration;
        to.SortOrder = from.SortOrder;
    }
}
