using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Sessions;

/// <summary>The real catalog, read from content/exercises.json as the app reads it.</summary>
public static class TestCatalog
{
    public static IReadOnlyList<Exercise> Exercises { get; } = Load();

    public static Exercise Get(string slug) => Exercises.Single(e => e.Slug == slug);

    /// <summary>New instances, for tests that hand them to EF Core (which sets their ids).</summary>
    public static IReadOnlyList<Exercise> Fresh() => Load();

    private static IReadOnlyList<Exercise> Load()
    {
        var result = ExerciseContent.Parse("exercises.json", File.ReadAllText(RepoFiles.ExercisesJson));
        return result.IsValid ? result.Exercises : throw new InvalidOperationException(string.Join("\n", result.Problems));
    }
}
