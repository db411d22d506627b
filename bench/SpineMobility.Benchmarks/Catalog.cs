using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Benchmarks;

/// <summary>The repository's real catalog, read and validated as the app does.</summary>
public static class Catalog
{
    public static IReadOnlyList<Exercise> Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "content", "exercises.json");
            if (File.Exists(file))
            {
                var result = ExerciseContent.Parse(file, File.ReadAllText(file));
                return result.IsValid ? result.Exercises : throw new InvalidOperationException(string.Join('\n', result.Problems));
            }
        }

        throw new FileNotFoundException("content/exercises.json not found above " + AppContext.BaseDirectory);
    }
}
