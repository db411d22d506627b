namespace SpineMobility.Web.Shared;

/// <summary>Finds the files the app needs when configuration does not name them.</summary>
public static class AppPaths
{
    public const string ExercisesPathKey = "Content:ExercisesPath";
    public const string ConnectionStringName = "SpineMobility";
    public const string DataDirectoryKey = "Storage:DataDirectory";

    private const string DefaultContentFile = "content/exercises.json";

    /// <summary>The configured catalog file, else content/exercises.json in the repo or beside a published app.</summary>
    public static string ExercisesFile(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[ExercisesPathKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, environment.ContentRootPath);
        }

        // In the repo the app runs from src/SpineMobility.Web or its bin folder, so look upwards;
        // a published app carries its own copy of content/.
        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultContentFile);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return Path.GetFullPath(DefaultContentFile, environment.ContentRootPath);
    }

    /// <summary>The configured connection string, else a database file in the data folder (created when missing).</summary>
    public static string ConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var dataDirectory = Path.GetFullPath(configuration[DataDirectoryKey] ?? "data", environment.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);
        return $"Data Source={Path.Combine(dataDirectory, "spinemobility.db")}";
    }
}
