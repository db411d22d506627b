using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>Reads the active (not retired) catalog for pages, the API and the session builder.</summary>
public sealed class ExerciseCatalog(IDbContextFactory<AppDbContext> dbFactory)
{
    private IReadOnlyList<Exercise>? _active;

    /// <summary>
    /// Every active exercise, read once: the catalog only changes when the app starts and syncs it,
    /// so the session builder can use it without a query or a loading flash.
    /// </summary>
    public async ValueTask<IReadOnlyList<Exercise>> ActiveAsync(CancellationToken cancellationToken = default) =>
        _active ??= await ListAsync(ExerciseFilter.All, cancellationToken);

    public async Task<IReadOnlyList<Exercise>> ListAsync(ExerciseFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Exercises.AsNoTracking().Where(e => !e.IsRetired);

        if (filter.Regions.Count > 0)
        {
            var regions = filter.Regions.ToArray();
            query = query.Where(e => e.Regions.Any(r => regions.Contains(r)));
        }

        if (filter.Position is { } position)
        {
            query = query.Where(e => e.Position == position);
        }

        if (filter.Equipment is { } equipment)
        {
            query = query.Where(e => e.Equipment == equipment);
        }

        var rows = await query.OrderBy(e => e.SortOrder).ToListAsync(cancellationToken);

        // Text is matched here, not in SQL: case rules (and LIKE) differ between SQLite and PostgreSQL, and the catalog is small.
        return string.IsNullOrWhiteSpace(filter.Query)
            ? rows
            : [.. rows.Where(e => e.Name.Contains(filter.Query, StringComparison.InvariantCultureIgnoreCase) || e.Summary.Contains(filter.Query, StringComparison.InvariantCultureIgnoreCase))];
    }

    public async Task<Exercise?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Exercises.AsNoTracking().SingleOrDefaultAsync(e => e.Slug == slug && !e.IsRetired, cancellationToken);
    }

    /// <summary>How many active exercises each region has, from the cached catalog.</summary>
    public async Task<IReadOnlyDictionary<Region, int>> CountByRegionAsync(CancellationToken cancellationToken = default)
    {
        var active = await ActiveAsync(cancellationToken);
        return Enum.GetValues<Region>().ToDictionary(r => r, r => active.Count(e => e.Regions.Contains(r)));
    }
}
