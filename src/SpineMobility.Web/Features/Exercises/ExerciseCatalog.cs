using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>Reads the active (not retired) catalog for pages, the API and the session builder.</summary>
public sealed class ExerciseCatalog(IDbContextFactory<AppDbContext> dbFactory)
{
    // Replaced whole, never changed in place: requests read it while another instance's new catalog comes in.
    private volatile Snapshot? _current;
    private int _generation;

    /// <summary>
    /// Every active exercise, read once and kept until the catalog changes (<see cref="CatalogWatch"/> says so), so the
    /// session builder can use it without a query or a loading flash.
    /// </summary>
    public async ValueTask<IReadOnlyList<Exercise>> ActiveAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).Active;

    /// <summary>Forgets the kept catalog: the next request reads the new one.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            return current;
        }

        var generation = Volatile.Read(ref _generation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var active = await db.Exercises.AsNoTracking().Where(e => !e.IsRetired).OrderBy(e => e.SortOrder).ToListAsync(cancellationToken);
        var loaded = new Snapshot(active);

        // Kept only if nothing changed while it was read; otherwise this request uses it and the next reads again.
        if (Volatile.Read(ref _generation) == generation)
        {
            _current = loaded;
        }

        return loaded;
    }

    private sealed class Snapshot(IReadOnlyList<Exercise> active)
    {
        private ExerciseSearch? _search;

        public IReadOnlyList<Exercise> Active { get; } = active;

        public ExerciseSearch Search => _search ??= new ExerciseSearch(Active);
    }

    /// <summary>
    /// The active exercises the filter lets through: in catalog order, or best match first when it has a query.
    /// Filtered in memory over the cached catalog, which is small and the same on every database.
    /// </summary>
    public async Task<IReadOnlyList<Exercise>> ListAsync(ExerciseFilter filter, CancellationToken cancellationToken = default)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var active = snapshot.Active;
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

        return snapshot.Search.Find(filter.Query, Matches);
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
