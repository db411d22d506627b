using System.Globalization;

namespace SpineMobility.Circuits;

/// <summary>CPU time and resident memory of another process (the server), from /proc.</summary>
public static class ProcessCpu
{
    // USER_HZ: the unit of utime and stime in /proc/PID/stat, 100 on Linux on x86-64 and arm64.
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU seconds the process has used, or null when it cannot be read.</summary>
    public static double? Seconds(int? pid)
    {
        if (pid is null)
        {
            return null;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces) start with field 3, state.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Resident set size in MB, or null.</summary>
    public static double? ResidentMegabytes(int? pid)
    {
        if (pid is null)
        {
            return null;
        }

        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
