using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests.Hosting;

/// <summary>The app process started on a database it cannot use: exit code 1 and one line that says which and why.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DatabaseStartupTests : IDisposable
{
    private readonly string _directory = TempFiles.NewPath("startup", "");

    public DatabaseStartupTests() => Directory.CreateDirectory(_directory);

    [SqliteFact]
    public async Task Starting_on_a_read_only_database_file_exits_1_with_one_line_naming_the_file_and_the_problem()
    {
        var database = new SqliteTestDatabase(Path.Combine(_directory, "spinemobility.db"));
        await using (var app = new SpineMobilityApp(database: database))
        {
            _ = app.Server; // migrated and synced, as an installation is
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.SetUnixFileMode(database.Path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        // Root may write to any file, so as root the app runs as nobody, to whom the file is read-only.
        var (exitCode, output) = await AppProcess.RunAsync(
            ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["ConnectionStrings__SpineMobility"] = database.ConnectionString },
            _directory,
            runAsNobody: Environment.IsPrivilegedProcess);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n'), l => l.Contains(database.Path, StringComparison.Ordinal));
        Assert.Contains("readonly database", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Starting_with_a_postgres_server_that_does_not_answer_exits_1_with_one_line_naming_the_server()
    {
        var (exitCode, output) = await AppProcess.RunAsync(
            ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string>
            {
                ["Database__Provider"] = "postgres",
                ["ConnectionStrings__SpineMobility"] = "Host=127.0.0.1;Port=1;Database=spinemobility;Username=spinemobility;Timeout=3",
            },
            _directory);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("cannot be used", StringComparison.Ordinal));
        Assert.Contains("the PostgreSQL database 'spinemobility' on 127.0.0.1:1", line, StringComparison.Ordinal);
        Assert.Contains("Failed to connect", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
