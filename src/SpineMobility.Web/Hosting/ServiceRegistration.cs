using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Serilog;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Features.Settings;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Hosting;

public static class ServiceRegistration
{
    /// <summary>Set to true to log every SQL command (EF Core's, at Information).</summary>
    public const string LogSqlKey = "App:LogSql";

    public static WebApplicationBuilder AddSpineMobility(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Each host keeps its own logger (the static one is left alone), so hosts side by side in one process,
        // as in the tests, never write into each other's sinks.
        services.AddSerilog(
            (provider, logger) =>
            {
                logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(provider);

                // Every SQL command the app runs, for a developer checking queries; off unless asked for, so the start-up lines stay readable.
                if (builder.Configuration.GetValue<bool>(LogSqlKey))
                {
                    logger.MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", Serilog.Events.LogEventLevel.Information);
                }

                // Start-up problems must reach the console even when no appsettings.json was found.
                if (!builder.Configuration.GetSection("Serilog:WriteTo").Exists())
                {
                    logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                }
            },
            preserveStaticLogger: true);

        var circuitLimits = CircuitLimits.FromConfiguration(builder.Configuration);
        services.AddSingleton(circuitLimits);
        services.AddRazorComponents().AddInteractiveServerComponents(circuitLimits.Apply);
        // Prerendered pages hand their loaded data to the circuit when it starts (PersistentState);
        // the whole catalog is larger than SignalR's 32 KB default message.
        services.AddSignalR(options => options.MaximumReceiveMessageSize = 128 * 1024);
        services.AddMudServices();
        services.AddResponseShaping();

        // Database:Provider picks SQLite (the default) or PostgreSQL; every feature injects IDbContextFactory<AppDbContext>.
        var database = AppDatabase.FromConfiguration(builder.Configuration, builder.Environment);
        services.AddSingleton(database);
        services.AddSingleton<WriteOutcomes>();
        services.AddDbContextFactory<AppDbContext, AppDbContextFactory>((provider, options) =>
        {
            database.Configure(options);
            options.AddInterceptors(provider.GetRequiredService<WriteOutcomes>());
        });

        // Keys live in the app's database so sign-in cookies and antiforgery tokens survive restarts.
        services.AddDataProtection()
            .SetApplicationName("SpineMobility")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddProblemDetails();
        services.AddApiDescription();
        services.ConfigureHttpJsonOptions(options =>
        {
            // Numbers are written as numbers; the web default (also reading them from strings) would make
            // the OpenAPI document type every integer as "integer or string".
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });

        // Player:TimeScale above 1 speeds up the session clock for demos and tests, through the same TimeProvider
        // (from Player:TimeScaleOrigin when several instances must agree on the time).
        var player = PlayerOptions.From(builder.Configuration);
        services.AddSingleton(player);
        services.AddSingleton<TimeProvider>(player.TimeScale == 1.0
            ? TimeProvider.System
            : new ScaledTimeProvider(TimeProvider.System, player.TimeScale, origin: player.TimeScaleOrigin));
        services.AddSingleton<ExerciseCatalog>();
        services.AddSingleton(provider => IllustrationAddresses.FromConfiguration(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()));

        // Several instances on PostgreSQL tell each other what changed (LISTEN/NOTIFY); one on SQLite has nobody to tell.
        services.AddSingleton<ChangeSignals>(provider => database is PostgresDatabase postgres
            ? new PostgresChangeSignals(postgres, provider.GetRequiredService<ILogger<PostgresChangeSignals>>())
            : new LocalChangeSignals());
        services.AddHostedService(provider => provider.GetRequiredService<ChangeSignals>());

        // Exactly one instance runs each session's timer: an advisory lock per run on PostgreSQL, always this one on SQLite.
        services.AddSingleton<TimerLeases>(provider => database is PostgresDatabase postgres
            ? new PostgresTimerLeases(postgres, provider.GetRequiredService<ChangeSignals>(), provider.GetRequiredService<ILogger<PostgresTimerLeases>>())
            : new LocalTimerLeases());
        services.AddHostedService(provider => provider.GetRequiredService<TimerLeases>());
        services.AddSingleton<SessionSync>();
        CatalogWatch.Interval(builder.Configuration);
        services.AddSingleton<CatalogWatch>();
        services.AddHostedService(provider => provider.GetRequiredService<CatalogWatch>());
        services.AddSingleton<SessionStore>();
        services.AddSingleton<BrowserClaim>();
        services.AddSingleton<Features.Safety.SafetyStore>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<ProgressData>();
        services.AddAccounts(builder.Configuration);
        services.AddPublicAddress(builder.Configuration);
        services.AddTrustedProxies(builder.Configuration);
        services.AddSingleton<SessionRuns>();

        // Whether each circuit's browser is connected right now: a running session no connected page shows pauses after a grace.
        services.AddScoped<PageConnection>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(provider => provider.GetRequiredService<PageConnection>());

        services.AddSingleton<Features.Programs.OwnExerciseStore>();
        services.AddSingleton<Features.Programs.RoutineStore>();
        services.AddSingleton<Features.Programs.ProgramStore>();
        services.AddScoped<Features.Sessions.Planning.BuilderHistory>();
        return builder;
    }
}
