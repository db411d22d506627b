using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions;

namespace SpineMobility.Web.Features.Progress;

/// <summary>How many times the left, the right, or neither side felt tighter.</summary>
public sealed record SideTally(int Left, int Right, int Same)
{
    public static readonly SideTally Zero = new(0, 0, 0);

    public int Total => Left + Right + Same;

    public SideTally Add(TighterSide side, int count) => side switch
    {
        TighterSide.Left => this with { Left = Left + count },
        TighterSide.Right => this with { Right = Right + count },
        _ => this with { Same = Same + count },
    };

    public SideTally Plus(SideTally other) => new(Left + other.Left, Right + other.Right, Same + other.Same);

    /// <summary>"Left usually tighter", "Right usually tighter", or "Even" when neither side stands out.</summary>
    public string Verdict => Left > Right && Left > Same ? "Left usually tighter"
        : Right > Left && Right > Same ? "Right usually tighter"
        : "About even";
}

/// <summary>Answers of one exercise in one month, as the database counts them.</summary>
public sealed record SideCount(string Slug, int Year, int Month, TighterSide Tighter, int Count);

/// <summary>All answers of one exercise, as the database counts them.</summary>
public sealed record SideTotal(string Slug, TighterSide Tighter, int Count);

public sealed record ExerciseSides(string Slug, string Name, IReadOnlyList<Region> Regions, SideTally Tally);

public sealed record RegionSides(Region Region, SideTally Tally);

public sealed record MonthSides(DateOnly Month, SideTally Tally);

/// <summary>Which side felt tighter, per exercise, per region and month by month.</summary>
public sealed class SideBalance
{
    private readonly IReadOnlyList<SideCount> _recent;
    private readonly Dictionary<string, ExerciseSides> _exercises;

    private SideBalance(IReadOnlyList<SideCount> recent, IReadOnlyList<ExerciseSides> exercises, IReadOnlyList<RegionSides> regions, IReadOnlyList<DateOnly> months)
    {
        _recent = recent;
        Exercises = exercises;
        _exercises = exercises.ToDictionary(e => e.Slug);
        Regions = regions;
        Months = months;
    }

    public IReadOnlyList<ExerciseSides> Exercises { get; }

    public IReadOnlyList<RegionSides> Regions { get; }

    /// <summary>The months the chart shows, oldest first, ending with the current one.</summary>
    public IReadOnlyList<DateOnly> Months { get; }

    public bool IsEmpty => Exercises.Count == 0;

    /// <summary>The first day of the earliest month the chart shows.</summary>
    public static DateOnly FirstMonth(DateOnly today, int months = DefaultMonths) => new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);

    public const int DefaultMonths = 6;

    /// <param name="totals">Every answer ever given, counted per exercise and side.</param>
    /// <param name="recent">The answers since <see cref="FirstMonth"/>, counted per month too.</param>
    /// <param name="exercises">Names and regions by slug; answers for an exercise not in it are left out.</param>
    public static SideBalance From(
        IReadOnlyList<SideTotal> totals,
        IReadOnlyList<SideCount> recent,
        IReadOnlyDictionary<string, (string Name, IReadOnlyList<Region> Regions)> exercises,
        DateOnly today,
        int months = DefaultMonths)
    {
        var perExercise = totals
            .Where(t => exercises.ContainsKey(t.Slug))
            .GroupBy(t => t.Slug)
            .Select(g => new ExerciseSides(g.Key, exercises[g.Key].Name, SpineRegions(exercises[g.Key].Regions), g.Aggregate(SideTally.Zero, (sum, t) => sum.Add(t.Tighter, t.Count))))
            .OrderByDescending(e => e.Tally.Total)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        var perRegion = perExercise
            .SelectMany(e => e.Regions.Select(r => (Region: r, e.Tally)))
            .GroupBy(x => x.Region)
            .Select(g => new RegionSides(g.Key, g.Aggregate(SideTally.Zero, (sum, x) => sum.Plus(x.Tally))))
            .OrderBy(r => r.Region)
            .ToList();
        var first = FirstMonth(today, months);
        var monthList = Enumerable.Range(0, months).Select(first.AddMonths).ToList();
        return new([.. recent.Where(c => exercises.ContainsKey(c.Slug))], perExercise, perRegion, monthList);
    }

    /// <summary>Month by month for everything, one region (<paramref name="region"/>) or one exercise (<paramref name="slug"/>).</summary>
    public IReadOnlyList<MonthSides> ByMonth(Region? region = null, string? slug = null)
    {
        var selected = _recent.Where(c =>
            (slug is null || c.Slug == slug) &&
            (region is null || _exercises[c.Slug].Regions.Contains(region.Value)));
        var byMonth = selected.ToLookup(c => new DateOnly(c.Year, c.Month, 1));
        return [.. Months.Select(m => new MonthSides(m, Tally(byMonth[m])))];
    }

    private static SideTally Tally(IEnumerable<SideCount> counts) =>
        counts.Aggregate(SideTally.Zero, (sum, c) => sum.Add(c.Tighter, c.Count));

    // "Beginner" is a level, not a part of the body.
    private static IReadOnlyList<Region> SpineRegions(IReadOnlyList<Region> regions) => [.. regions.Where(r => r != Region.Beginner)];
}
