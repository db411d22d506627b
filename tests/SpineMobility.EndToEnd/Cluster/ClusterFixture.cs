using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Npgsql;
using SpineMobility.Testing;

namespace SpineMobility.EndToEnd.Cluster;

/// <summary>
/// The cluster of <c>deploy/cluster.sh</c>: a PostgreSQL server, two instances of this build's app, published, and nginx
/// in front of them, started once for the cluster's browser tests and stopped after them (also when they fail).
/// </summary>
/// <remarks>
/// It runs only when <see cref="Variable"/> names a folder to work in (<c>./test.sh</c> sets it after its PostgreSQL run):
/// the app is published there from the build the tests run on (<c>--no-build</c>, a few seconds) unless <c>APP_DIR</c>
/// names a publish already made. While developing, a cluster already up in <c>FOLDER/state</c> is used as it is and
/// left running.
/// </remarks>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Variable = "SPINEMOBILITY_TEST_CLUSTER";

    /// <summary>The session clock runs this much faster (a 5-minute session takes 15 s), on one origin for both instances.</summary>
    public const double TimeScale = 20;

    private IPlaywright? _playwright;
    private Dictionary<string, string> _env = [];
    private bool _started;

    public static string? Folder { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder ? Path.GetFullPath(folder) : null;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress => new(_env["NGINX_URL"] + "/");

    private string StateDirectory { get; } = Path.Combine(Folder ?? "", "state");

    private string DatabaseConnection => _env["PG_CONNECTION"].Trim('"');

    /// <summary>A value of nginx's <c>spine_node</c> cookie that its consistent hash sends to instance 1 or 2.</summary>
    private Dictionary<int, string> StickyValues { get; } = [];

    /// <summary>"127.0.0.1:port" of instance 1 or 2, as nginx names the instance that answered in <c>X-Spine-Instance</c>.</summary>
    public string InstanceAddress(int instance) => $"127.0.0.1:{_env[$"INSTANCE{instance}_PORT"]}";

    private int InstancePid(int instance) => int.Parse(_env[$"INSTANCE{instance}_PID"], CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        if (Folder is null)
        {
            return;
        }

        try
        {
            if (!File.Exists(Path.Combine(StateDirectory, "cluster.env")))
            {
                await StartAsync();
            }

            ReadEnvironment();
            await FindStickyValuesAsync();
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = BrowserFixture.Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        Directory.CreateDirectory(Folder!);
        var app = Environment.GetEnvironmentVariable("APP_DIR");
        if (string.IsNullOrEmpty(app))
        {
            // This build's app, as deploy/cluster.sh runs it: published (the plain build output cannot serve the
            // packages' static files outside Development), from the build the tests run on.
            app = Path.Combine(Folder!, "app");
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            await RunAsync("dotnet", ["publish", "src/SpineMobility.Web", "--no-build", "-c", configuration, "-o", app, "--nologo", "-v", "q"], []);
        }

        _started = true;
        // PORT: a start well away from cluster.sh's default (5190), which someone may be running by hand.
        await RunAsync("bash", ["deploy/cluster.sh", "up", StateDirectory, $"Player__TimeScale={TimeScale.ToString(CultureInfo.InvariantCulture)}"],
            new() { ["APP_DIR"] = app, ["PORT"] = $"{27000 + Random.Shared.Next(2000) * 5}" });
    }

    private void ReadEnvironment() =>
        _env = File.ReadAllLines(Path.Combine(StateDirectory, "cluster.env"))
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);

    /// <summary>Which cookie values nginx's consistent hash sends to which instance, asked of nginx itself.</summary>
    private async Task FindStickyValuesAsync()
    {
        for (var i = 0; StickyValues.Count < 2 && i < 200; i++)
        {
            var instance = await AnsweringInstanceAsync($"n{i}");
            StickyValues.TryAdd(instance, $"n{i}");
        }

        if (StickyValues.Count < 2)
        {
            throw new InvalidOperationException("nginx sent 200 different spine_node cookies all to one instance.");
        }
    }

    /// <summary>The instance (1 or 2) that nginx sends a request with this <c>spine_node</c> cookie to.</summary>
    private async Task<int> AnsweringInstanceAsync(string sticky)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, "healthz"));
        request.Headers.Add("Cookie", $"spine_node={sticky}");
        using var response = await http.SendAsync(request);
        var upstream = response.Headers.GetValues("X-Spine-Instance").Single();
        return upstream == InstanceAddress(1) ? 1 : upstream == InstanceAddress(2) ? 2 : throw new InvalidOperationException($"nginx answered from {upstream}, neither instance.");
    }

    /// <summary>
    /// Starts again an instance an earlier test stopped, and waits until nginx sends its visitors to it again, so every
    /// test begins with both instances serving.
    /// </summary>
    public async Task BothInstancesUpAsync()
    {
        foreach (var instance in new[] { 1, 2 })
        {
            if (IsRunning(InstancePid(instance)))
            {
                continue;
            }

            await RunAsync("bash", ["deploy/cluster.sh", "start-instance", StateDirectory, $"{instance}"], []);
            ReadEnvironment();
            var until = DateTime.UtcNow.AddSeconds(30);
            while (await AnsweringInstanceAsync(StickyValues[instance]) != instance)
            {
                if (DateTime.UtcNow > until)
                {
                    throw new InvalidOperationException($"nginx did not send visitors to instance {instance} again within 30 s of its start.");
                }

                await Task.Delay(250);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A browser of its own (cookies, tabs) whose requests nginx sends to <paramref name="instance"/>.</summary>
    public async Task<IBrowserContext> BrowserOnAsync(int instance, IEnumerable<BrowserContextCookiesResult>? cookiesOf = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = BrowserFixture.TimeZone,
        });
        context.SetDefaultTimeout(20_000);
        // Another browser's cookies (its visitor, its sign-in), as a second tab of it has, but for the balancer's own.
        var copied = (cookiesOf ?? []).Where(c => c.Name != "spine_node").Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        });
        await context.AddCookiesAsync([.. copied, Sticky(instance)]);
        return context;
    }

    /// <summary>The <c>spine_node</c> cookie that makes nginx send a browser to <paramref name="instance"/>.</summary>
    public Cookie Sticky(int instance) => new() { Name = "spine_node", Value = StickyValues[instance], Url = BaseAddress.ToString() };

    /// <summary>
    /// The instance (1 or 2) that runs a run's deadline timer, seen from PostgreSQL: whose connection holds the run's
    /// timer lease, a one-key advisory lock (the key: the run id's last 8 bytes), or, when no lock has that key, the one
    /// instance holding any such lock; the connection is found by its client port among the instances' sockets.
    /// Null when no lease shows.
    /// </summary>
    public async Task<int?> TimerOwnerAsync(Guid runId)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT a.client_port, (l.classid::bigint << 32) | l.objid::bigint FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted AND a.datname = current_database()
            """, connection);
        var locks = new List<(int Port, long Key)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                locks.Add((reader.GetInt32(0), reader.GetInt64(1)));
            }
        }

        var key = BitConverter.ToInt64(runId.ToByteArray(), 8);
        var ports = locks.Any(l => l.Key == key) ? locks.Where(l => l.Key == key).Select(l => l.Port) : locks.Select(l => l.Port);
        var owners = new[] { 1, 2 }.Where(instance => LocalPortsOf(InstancePid(instance)).Overlaps(ports)).ToList();
        return owners.Count == 1 ? owners[0] : null;
    }

    /// <summary>The local TCP ports of a process's sockets, from /proc.</summary>
    private static HashSet<int> LocalPortsOf(int pid)
    {
        var inodes = new HashSet<string>();
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target[8..^1]);
                }
            }
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var ports = new HashSet<int>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            // "sl local_address rem_address st tx:rx tr:tm retrnsmt uid timeout inode": the port is the local address's hex after ':'.
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && inodes.Contains(fields[9]))
                {
                    ports.Add(int.Parse(fields[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                }
            }
        }

        return ports;
    }

    /// <summary>How many times a run was recorded as a finished session.</summary>
    public async Task<int> RecordedCountAsync(Guid runId)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT COUNT(*) FROM "CompletedSessions" WHERE "RunId" = @id""", connection);
        command.Parameters.AddWithValue("id", runId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Kills an instance as if its machine died (SIGKILL, <c>deploy/cluster.sh kill-instance</c>).</summary>
    public Task KillInstanceAsync(int instance) =>
        RunAsync("bash", ["deploy/cluster.sh", "kill-instance", StateDirectory, $"{instance}"], []);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_started)
        {
            _started = false;
            await RunAsync("bash", ["deploy/cluster.sh", "down", StateDirectory], []);
        }
    }

    private static async Task RunAsync(string file, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = RepoFiles.Root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
