using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>
/// Notices a new catalog that another instance synced (a rolling deploy brings new content with the new version):
/// at once when that instance signals it, and otherwise within <c>Content:CatalogCheckInterval</c> (30 s), by reading
/// the one-row <see cref="CatalogStamp"/>. Then the kept catalog and the cached pages that show it are dropped, and
/// the next request reads the new one.
/// </summary>
public sealed partial class CatalogWatch(
    ExerciseCatalog catalog,
    IDbContextFactory<AppDbContext> dbFactory,
    ChangeSignals signals,
    IOutputCacheStore pageCache,
    IConfiguration configuration,
    ILogger<CatalogWatch> logger)
    : BackgroundService
{
    public const string Topic = "catalog";

    /// <summary>The output-cache tag of every cached page that shows the catalog.</summary>
    public const string CachedPagesTag = "catalog";
    public const string IntervalKey = "Content:CatalogCheckInterval";

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>The catalog version this instance serves, once known.</summary>
    public int? Version { get; private set; }

    /// <summary>Checks now, e.g. on a signal.</summary>
    public void CheckSoon()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A check is due already.
        }
    }

    /// <summary>Reads the stamp and drops the kept catalog when it moved on; returns the version now served.</summary>
    public async Task<int?> CheckAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.CatalogStamps.Where(s => s.Id == CatalogStamp.SingleId).Select(s => (int?)s.Version).SingleOrDefaultAsync(cancellationToken);
        if (Version is { } served && version != served)
        {
            catalog.Invalidate();
            // Cached catalog pages would otherwise show the old catalog for the rest of their life (10 minutes).
            await pageCache.EvictByTagAsync(CachedPagesTag, cancellationToken);
            LogNewCatalog(logger, version ?? 0);
        }

        Version = version;
        return version;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval(configuration);
        using var listening = signals.Listen(Topic, _ => CheckSoon());
        signals.Reconnected += CheckSoon;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await CheckAsync(stoppingToken);
                }
                catch (Exception e) when (e.IsDatabaseError())
                {
                    LogCheckFailed(logger, e.Describe());
                }

                await _wake.WaitAsync(interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            signals.Reconnected -= CheckSoon;
        }
    }

    /// <summary>Checked at start: between 1 second and 10 minutes.</summary>
    public static TimeSpan Interval(IConfiguration configuration)
    {
        var interval = configuration.GetValue(IntervalKey, TimeSpan.FromSeconds(30));
        return interval >= TimeSpan.FromSeconds(1) && interval <= TimeSpan.FromMinutes(10)
            ? interval
            : throw new InvalidOperationException($"{IntervalKey} must be between 00:00:01 and 00:10:00 (how often a running instance looks for a new catalog), not {interval}.");
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A new exercise catalog (version {Version}) was synced by another instance; serving it from now on")]
    private static partial void LogNewCatalog(ILogger logger, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check for a new exercise catalog: {Problem}")]
    private static partial void LogCheckFailed(ILogger logger, string problem);
}
