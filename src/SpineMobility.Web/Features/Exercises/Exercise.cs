namespace SpineMobility.Web.Features.Exercises;

/// <summary>An exercise of the catalog, as authored in content/exercises.json and stored in the database.</summary>
public sealed class Exercise
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public required string Summary { get; set; }

    public List<Region> Regions { get; set; } = [];

    public StartingPosition Position { get; set; }

    public Equipment Equipment { get; set; }

    public List<MovementDirection> Directions { get; set; } = [];

    public required Dose Dose { get; set; }

    /// <summary>Done on the left, then on the right, each side with the full dose.</summary>
    public bool PerSide { get; set; }

    public List<SessionPhase> Phases { get; set; } = [];

    public Intensity Intensity { get; set; }

    public List<string> Steps { get; set; } = [];

    public List<string> Cues { get; set; } = [];

    public List<string> Cautions { get; set; } = [];

    public Illustration Illustration { get; set; } = Illustration.None;

    /// <summary>The exercise's place in the content file, which is the order the catalog is browsed in.</summary>
    public int SortOrder { get; set; }

    /// <summary>Removed from the content: hidden from browsing, kept for the history that refers to it.</summary>
    public bool IsRetired { get; set; }
}
