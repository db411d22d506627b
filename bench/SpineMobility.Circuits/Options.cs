using System.Globalization;

namespace SpineMobility.Circuits;

/// <summary>Command-line options as <c>--name value</c> pairs; each unknown or malformed one is named in the error.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public Options(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal) || list[i].Length < 3)
            {
                throw new UsageException($"Expected an option like --count 10, not '{list[i]}'.");
            }

            var name = list[i][2..];
            _values[name] = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) ? list[++i] : "true";
        }
    }

    public string Text(string name, string? fallback = null)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value
            : fallback ?? throw new UsageException($"--{name} is required.");
    }

    public string? OptionalText(string name)
    {
        _read.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public int WholeNumber(string name, int fallback, int min = 0) => Number(name, fallback, min, s => int.Parse(s, CultureInfo.InvariantCulture));

    public double RealNumber(string name, double fallback, double min = 0) => Number(name, fallback, min, s => double.Parse(s, CultureInfo.InvariantCulture));

    public IReadOnlyList<int> Ints(string name, int fallback)
    {
        var text = Text(name, fallback.ToString(CultureInfo.InvariantCulture));
        try
        {
            var values = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
            return values.Count > 0 && values.All(v => v > 0) ? values : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new UsageException($"--{name} takes positive whole numbers separated by commas (e.g. 50,100,200), not '{text}'.");
        }
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) && value != "false";
    }

    /// <summary>Call after reading every option: a typo must not silently fall back to a default.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Unknown option{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }

    private T Number<T>(string name, T fallback, T min, Func<string, T> parse)
        where T : IComparable<T>
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        try
        {
            var value = parse(text);
            return value.CompareTo(min) >= 0 ? value : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new UsageException($"--{name} must be a number of at least {min}, not '{text}'.");
        }
    }
}

public sealed class UsageException(string message) : Exception(message);
