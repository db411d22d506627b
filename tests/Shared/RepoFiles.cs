namespace SpineMobility.Testing;

/// <summary>Files of the repository the tests run in.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string ExercisesJson => Path.Combine(Root, "content", "exercises.json");

    public static string ExercisesSchema => Path.Combine(Root, "content", "exercises.schema.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SpineMobility.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find SpineMobility.sln above " + AppContext.BaseDirectory);
    }
}
