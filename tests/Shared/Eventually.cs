using System.Diagnostics;

namespace SpineMobility.Testing;

/// <summary>For what another instance does in its own time (a signal, a lease taken over): waits, in real time, until it holds.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > within)
            {
                throw new TimeoutException($"Not true within {within.TotalSeconds:0.#} s.");
            }

            await Task.Delay(20);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan within) => TrueAsync(() => Task.FromResult(condition()), within);

    /// <summary>How long it took <paramref name="condition"/> to hold (failing after <paramref name="within"/>).</summary>
    public static async Task<TimeSpan> TimeUntilAsync(Func<bool> condition, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        await TrueAsync(condition, within);
        return watch.Elapsed;
    }
}
