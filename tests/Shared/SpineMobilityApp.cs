using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Web.Data;

namespace SpineMobility.Testing;

/// <summary>
/// The real app on a throwaway database: SQLite, or PostgreSQL in the PostgreSQL run of <c>./test.sh</c>
/// (<see cref="TestDatabase.SuiteProvider"/>). With <see cref="Kestrel"/> it listens on a random 127.0.0.1 port
/// for a browser; otherwise it runs in memory for HTTP tests. Pass <paramref name="database"/> to start several
/// hosts in turn on one database (restarts), or <paramref name="databasePath"/> for a given SQLite file.
/// </summary>
public sealed class SpineMobilityApp : WebApplicationFactory<Program>
{
    /// <summary>The header through which <see cref="DistinctClientAddresses"/> gives each client its own address.</summary>
    private const string ClientAddressHeader = "X-Test-Client-Address";

    private static int _clients;

    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    private readonly bool _ownsDatabase;

    public SpineMobilityApp(
        bool kestrel = false,
        string? databasePath = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        TestDatabase? database = null)
    {
        _services = services;
        Kestrel = kestrel;
        _ownsDatabase = database is null;
        Database = database ?? (databasePath is null ? TestDatabase.ForSuite() : new SqliteTestDatabase(databasePath));
        _settings = new(settings ?? new Dictionary<string, string?>());
        if (kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    public bool Kestrel { get; }

    public TestDatabase Database { get; }

    /// <summary>The SQLite file (SQLite only).</summary>
    public string DatabasePath => Database is SqliteTestDatabase sqlite
        ? sqlite.Path
        : throw new InvalidOperationException("This app runs on PostgreSQL; use Database instead of DatabasePath.");

    /// <summary>
    /// Every client from <c>CreateClient</c> comes from an address of its own, as different people's browsers
    /// would, so tests sharing one host do not share the per-address sign-in limit. Off unless set.
    /// </summary>
    public bool DistinctClientAddresses { get; init; }

    /// <summary>The address a browser reaches the app on (Kestrel only).</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First());
        }
    }

    public AppDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }

        // SQL logging is useful at a developer's console, not in test output.
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ClientAddressFilter>());
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (DistinctClientAddresses)
        {
            var number = Interlocked.Increment(ref _clients);
            client.DefaultRequestHeaders.Add(ClientAddressHeader, $"10.{(number >> 16) & 255}.{(number >> 8) & 255}.{number & 255}");
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Deletes the database: the SQLite file and its WAL companions, or the PostgreSQL database.</summary>
    public void DeleteDatabase() => Database.Delete();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase && Database is PostgresTestDatabase)
        {
            // Old-style tests delete SQLite files themselves (DeleteDatabase); a server database is not left behind either way.
            Database.Delete();
        }
    }

    /// <summary>Sets the connection's remote address from <see cref="ClientAddressHeader"/>, before the app's own middleware.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.Remove(ClientAddressHeader, out var address) && IPAddress.TryParse(address, out var parsed))
                {
                    context.Connection.RemoteIpAddress = parsed;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
