using System.Diagnostics;

namespace SpineMobility.IntegrationTests.Hosting;

/// <summary>The published entry point of the app, run as its own process, as an operator would run it.</summary>
public static class AppProcess
{
    /// <summary>Runs the app with <paramref name="arguments"/> and <paramref name="environment"/>; fails if it keeps running past <paramref name="timeout"/>.</summary>
    /// <param name="runAsNobody">Runs it as the unprivileged user nobody (the tests run as root on CI machines).</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, TimeSpan? timeout = null, bool runAsNobody = false)
    {
        string[] app = ["dotnet", Path.Combine(AppContext.BaseDirectory, "SpineMobility.Web.dll"), .. arguments];
        var command = runAsNobody ? ["runuser", "-u", "nobody", "--", .. app] : app;
        var start = new ProcessStartInfo(command[0], command[1..])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_CLI_HOME"] = Path.GetTempPath() },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app ({string.Join(' ', start.ArgumentList)}) kept running.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
