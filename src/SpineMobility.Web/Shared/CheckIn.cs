namespace SpineMobility.Web.Shared;

/// <summary>How the user felt before or after a session: every part optional, stiffness and pain from 0 (none) to 10 (worst).</summary>
public sealed class CheckIn
{
    public const int Max = 10;

    public int? Stiffness { get; set; }

    public int? Pain { get; set; }

    public List<BodyArea> Areas { get; set; } = [];

    public bool IsEmpty => Stiffness is null && Pain is null && Areas.Count == 0;

    /// <summary>What is wrong with the values, in words; empty when they can be stored.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Stiffness is < 0 or > Max)
        {
            problems.Add($"Stiffness is rated 0 to {Max}, not {Stiffness}.");
        }

        if (Pain is < 0 or > Max)
        {
            problems.Add($"Pain is rated 0 to {Max}, not {Pain}.");
        }

        return problems;
    }

    public CheckIn Copy() => new() { Stiffness = Stiffness, Pain = Pain, Areas = [.. Areas] };
}
