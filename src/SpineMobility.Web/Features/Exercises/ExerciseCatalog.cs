using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>Reads the active (not retired) catalog for pages, the API and the session builder.</summary>
public sealed class ExerciseCatalog(IDbContextFactory<AppDbContext> dbFactory)
{
    private IReadOnlyList<Exercise>? _active;
    private ExerciseSearch? _search;

    /// <summary>
    /// Every active exercise, read once: the catalog only changes when the app starts and syncs it,
    /// so the session builder can use it without a query or a loading flash.
    /// </summary>
    public async ValueTask<IReadOnlyList<Exercise>> ActiveAsync(CancellationToken cancellationToken = default)
    {
        if (_active is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            _active = await db.Exercises.AsNoTracking().Where(e => !e.IsRetired).OrderBy(e => e.SortOrder).ToListAsync(cancellationToken);
        }

        return _active;
    }

    /// <summary>
    /// The active exercises the filter lets through: in catalog order, or best match first when it has a query.
    /// Filtered in memory over the cached catalog, which is small and the same on every database.
    /// </summary>
    public async Task<IReadOnlyList<Exercise>> ListAsync(ExerciseFilter filter, CancellationToken cancellationToken = default)
    {
        var active = await ActiveAsync(cancellationToken);
        if (filter.IsEmpty)
        {
            return active;
        }

        bool Matches(Exercise e) =>
            (filter.Regions.Count == 0 || e.Regions.Any(filter.Regions.Contains))
            && (filter.Position is not { } position || e.Position == position)
            && (filter.Equipment is not { } equipment || e.Equipment == equipment);

        if (string.IsNullOrWhiteSpace(filter.Query))
        {
            return [.. active.Where(Matches)];
        }

        _search ??= new ExerciseSearch(active);
        return _search.Find(filter.Query, Matches);
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
