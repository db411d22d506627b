using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Benchmarks;

/// <summary>The repository's real catalog, read and validated as the app does.</summary>
public static class Catalog
{
    public static string File { get; } = Find();

    public static IReadOnlyList<Exercise> Load()
    {
        var result = ExerciseContent.Parse(File, System.IO.File.ReadAllText(File));
        return result.IsValid ? result.Exercises : throw new InvalidOperationException(string.Join('\n', result.Problems));
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "content", "exercises.json");
            if (System.IO.File.Exists(file))
            {
                return file;
            }
        }

        throw new FileNotFoundException("content/exercises.json not found above " + AppContext.BaseDirectory);
    }
}
