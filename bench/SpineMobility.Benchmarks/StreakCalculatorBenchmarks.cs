using BenchmarkDotNet.Attributes;
using SpineMobility.Web.Features.Streaks;

namespace SpineMobility.Benchmarks;

/// <summary>Ten years of daily practice, the most history a progress page will ever count on each visit.</summary>
[MemoryDiagnoser]
public class StreakCalculatorBenchmarks
{
    private const int Days = 3652;

    private static readonly DateOnly Today = new(2026, 11, 26);

    private readonly List<(DateOnly LocalDate, int ActiveSeconds)> _sessions = [];
    private IReadOnlyList<DayActivity> _days = [];
    private StreakRule[] _rules = [];
    private StreakPause[] _pauses = [];

    [GlobalSetup]
    public void BuildHistory()
    {
        var random = new Random(2026);
        var first = Today.AddDays(1 - Days);

        // About one missed day a week, one day in twenty only a short session, and a second session on half the
        // days practised: some 1.3 sessions a day, in date order as the database returns them.
        for (var date = first; date <= Today; date = date.AddDays(1))
        {
            var roll = random.NextDouble();
            if (roll < 1.0 / 7)
            {
                continue;
            }

            _sessions.Add((date, roll < 1.0 / 7 + 0.05 ? random.Next(60, 240) : random.Next(5 * 60, 45 * 60)));
            if (random.NextDouble() < 0.5)
            {
                _sessions.Add((date, random.Next(3 * 60, 20 * 60)));
            }
        }

        // Grouped as the progress page's query groups them in the database.
        _days = [.. _sessions.GroupBy(s => s.LocalDate).Select(g => new DayActivity(g.Key, g.Sum(s => s.ActiveSeconds), g.Max(s => s.ActiveSeconds)))];
        if (Math.Abs(_sessions.Count / (double)Days - 1.3) > 0.05)
        {
            throw new InvalidOperationException($"The history has {_sessions.Count / (double)Days:0.00} sessions a day, not about 1.3.");
        }

        _rules =
        [
            StreakRule.Default,
            new StreakRule(first.AddDays(900), 10, 1, DayOfWeek.Monday),
            new StreakRule(first.AddDays(2500), 10, 2, DayOfWeek.Sunday),
        ];
        _pauses =
        [
            new StreakPause(first.AddDays(400), first.AddDays(413)),
            new StreakPause(first.AddDays(1800), first.AddDays(1806)),
            new StreakPause(first.AddDays(3300), first.AddDays(3309)),
        ];
    }

    [Benchmark]
    public StreakReport Calculate_ten_years() => StreakCalculator.Calculate(_days, _rules, _pauses, Today);
}
