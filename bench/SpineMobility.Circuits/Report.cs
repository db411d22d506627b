using SpineMobility.Circuits.Protocol;

namespace SpineMobility.Circuits;

/// <summary>Formatting shared by the commands.</summary>
public static class Report
{
    public static void Wire(WireCounter wire)
    {
        Console.WriteLine($"sent {wire.SentBytes:N0} bytes, received {wire.ReceivedBytes:N0} bytes");
        foreach (var (target, (count, bytes, first)) in wire.SentByTarget().OrderByDescending(e => e.Value.Bytes))
        {
            Console.WriteLine($"  up   {target,-28} {count,5} x, {bytes,10:N0} bytes (first {first:N0})");
        }

        foreach (var (target, (count, bytes, first)) in wire.ReceivedByTarget().OrderByDescending(e => e.Value.Bytes))
        {
            Console.WriteLine($"  down {target,-28} {count,5} x, {bytes,10:N0} bytes (first {first:N0})");
        }
    }

    public static string Clip(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
