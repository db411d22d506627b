using System.Diagnostics;
using System.Text.Json.Nodes;
using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests.Hosting;

/// <summary>The real app process, started on content with a mistake in it.</summary>
public sealed class InvalidContentTests : IDisposable
{
    private readonly string _directory = TempFiles.NewPath("invalid-content", "");
    private readonly List<string> _contentFolders = [];

    public InvalidContentTests() => Directory.CreateDirectory(_directory);

    private async Task<(int ExitCode, string Output)> RunAppAsync(string contentFile, string database)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SpineMobility.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Content__ExercisesPath"] = contentFile,
                ["ConnectionStrings__SpineMobility"] = $"Data Source={database}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app kept running on invalid content.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    [SqliteFact]
    public async Task An_unknown_region_a_missing_drawing_or_a_dose_out_of_range_stops_the_app_naming_the_file_entry_and_field_and_leaves_the_database_alone()
    {
        var content = JsonNode.Parse(await File.ReadAllTextAsync(RepoFiles.ExercisesJson))!;
        content["exercises"]![2]!["regions"] = new JsonArray("neck");
        content["exercises"]![4]!["steps"] = new JsonArray();
        content["exercises"]![11]!["dose"] = new JsonObject { ["kind"] = "hold", ["minSeconds"] = 2147483647 };
        var contentFile = TempFiles.ContentFolder(content.ToJsonString());
        _contentFolders.Add(Path.GetDirectoryName(contentFile)!);
        File.Delete(Path.Combine(Path.GetDirectoryName(contentFile)!, "illustrations", "pigeon-pose-end.svg"));
        var database = Path.Combine(_directory, "untouched.db");

        var (exitCode, output) = await RunAppAsync(contentFile, database);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{contentFile}: exercises[2] 'chin-tucks', field 'regions[0]': unknown region 'neck'", output, StringComparison.Ordinal);
        Assert.Contains("exercises[4] 'thoracic-extensions', field 'steps': is empty", output, StringComparison.Ordinal);
        Assert.Contains("exercises[10] 'pigeon-pose', field 'illustration.end.file': 'illustrations/pigeon-pose-end.svg' does not exist", output, StringComparison.Ordinal);
        Assert.Contains("exercises[11] 'squat-hold', field 'dose.minSeconds': must be from 1 to 600, not 2147483647", output, StringComparison.Ordinal);
        Assert.Contains("has 4 problem(s)", output, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "the database was created although the content was invalid");
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        foreach (var folder in _contentFolders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
