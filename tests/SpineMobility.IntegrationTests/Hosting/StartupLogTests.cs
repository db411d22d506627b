using System.Diagnostics;
using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests.Hosting;

/// <summary>What a developer sees after <c>dotnet run</c> (Development): where the app listens, near the top, and SQL only when asked for.</summary>
public sealed class StartupLogTests : IDisposable
{
    private readonly string _directory = TempFiles.NewPath("startup-log", "");

    public StartupLogTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Starts the app in Development on a free port and returns its console lines up to "Now listening", then stops it.</summary>
    private async Task<List<string>> LinesUntilListeningAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SpineMobility.Web.dll"), "--urls", "http://127.0.0.1:0", .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_CLI_HOME"] = Path.GetTempPath(),
                ["Storage__DataDirectory"] = _directory,
                ["Content__ExercisesPath"] = Path.Combine(RepoFiles.Root, "content", "exercises.json"),
            },
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180)); // a cold start of the app beside a busy test run can take a minute or more
        var lines = new List<string>();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Now listening on", StringComparison.Ordinal))
                {
                    return lines;
                }
            }

            throw new InvalidOperationException($"The app stopped without listening:\n{string.Join('\n', lines)}\n{await process.StandardError.ReadToEndAsync(timeout.Token)}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task In_development_the_address_comes_within_the_first_lines_and_no_sql_is_logged()
    {
        var lines = await LinesUntilListeningAsync();

        Assert.True(lines.Count <= 3, "before the address:\n" + string.Join('\n', lines));
        Assert.Contains("Now listening on: http://127.0.0.1:", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sql_is_logged_when_asked_for()
    {
        var lines = await LinesUntilListeningAsync("--App:LogSql=true");

        Assert.Contains(lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
    }
}
