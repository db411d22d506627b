using System.Diagnostics;

namespace SpineMobility.Circuits.Playing;

/// <summary>
/// Step-change lag: how long after a step's deadline the page learns of the next step.
/// <para>
/// Each update says what is left of the step and of the session, measured when the server sent it.
/// While a session runs its end does not move (the clock keeps deadlines, not ticks), so the end is
/// estimated as the earliest "arrival + session left" over its updates (the one that travelled
/// fastest), and a step's deadline as that end less what the session has after the step. The lag is
/// the next step's arrival less that deadline: the server's lateness and the delivery together.
/// Sessions without a session-left figure fall back to "arrival + step left", which leaves out the
/// delivery time of the earlier update.
/// </para>
/// </summary>
public static class StepLag
{
    /// <param name="windowStart">Stopwatch timestamps: only deadlines inside the window count.</param>
    /// <returns>Lags in wall-clock milliseconds, and the steps whose next update had not come when the window closed.</returns>
    /// <param name="fromSessionEnd">False measures each deadline from the step's own update alone (a cross-check).</param>
    public static (List<double> Lags, int Missing) Measure(IReadOnlyList<StepUpdate> updates, long windowStart, long windowEnd, bool fromSessionEnd = true)
    {
        var lags = new List<double>();
        var missing = 0;
        foreach (var (_, lag) in Samples(updates, windowStart, windowEnd, fromSessionEnd, onMissing: () => missing++))
        {
            lags.Add(lag);
        }

        return (lags, missing);
    }

    /// <summary>Each measured step change: its deadline (Stopwatch milliseconds) and its lag.</summary>
    public static IEnumerable<(double Deadline, double Lag)> Samples(
        IReadOnlyList<StepUpdate> updates, long windowStart, long windowEnd, bool fromSessionEnd = true, Action? onMissing = null)
    {
        var running = updates.Where(u => u.Running && !u.Over).ToList();
        if (running.Count == 0)
        {
            yield break;
        }

        var withSessionLeft = fromSessionEnd && running.All(u => u.SessionRemainingMs is not null);
        var end = withSessionLeft ? running.Min(u => Ms(u.At) + (u.SessionRemainingMs!.Value / u.Scale)) : 0;
        for (var i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            if (!u.Running || u.Over || (i + 1 < updates.Count && updates[i + 1].Key == u.Key))
            {
                // Only the last update of a step: earlier ones (an announcement) name the same deadline.
                continue;
            }

            var deadline = withSessionLeft
                ? end - ((u.SessionRemainingMs!.Value - u.RemainingMs) / u.Scale)
                : Ms(u.At) + (u.RemainingMs / u.Scale);
            if (deadline < Ms(windowStart) || deadline > Ms(windowEnd))
            {
                continue;
            }

            var next = updates.Skip(i + 1).FirstOrDefault(n => n.Key != u.Key);
            if (next is null)
            {
                onMissing?.Invoke();
            }
            else
            {
                yield return (deadline, Ms(next.At) - deadline);
            }
        }
    }

    private static double Ms(long timestamp) => timestamp * 1000.0 / Stopwatch.Frequency;
}
