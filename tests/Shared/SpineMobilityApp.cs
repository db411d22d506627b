using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Web.Data;

namespace SpineMobility.Testing;

/// <summary>
/// The real app on a throwaway SQLite file. With <see cref="Kestrel"/> it listens on a random
/// 127.0.0.1 port for a browser; otherwise it runs in memory for HTTP tests.
/// </summary>
public sealed class SpineMobilityApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public SpineMobilityApp(
        bool kestrel = false,
        string? databasePath = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        Kestrel = kestrel;
        DatabasePath = databasePath ?? TempFiles.NewPath("spinemobility", ".db");
        _settings = new(settings ?? new Dictionary<string, string?>());
        if (kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    public bool Kestrel { get; }

    public string DatabasePath { get; }

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
        builder.UseSetting("ConnectionStrings:SpineMobility", $"Data Source={DatabasePath}");
        // SQL logging is useful at a developer's console, not in test output.
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
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

    /// <summary>Deletes the database file and its WAL companions.</summary>
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}
