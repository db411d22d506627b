using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests;

/// <summary>
/// One running app on its own throwaway database (on the suite's provider), shared by every test that needs
/// no restart, migration or content of its own. Tests keep to their own data (their own accounts, browser keys
/// and tokens) and set the clock they need; each client comes from an address of its own.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    /// <summary>Where the clock stands when a test has not set it: a Thursday morning in Europe.</summary>
    public static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public AppFixture() => App = new(services: s => s.AddSingleton<TimeProvider>(Clock)) { DistinctClientAddresses = true };

    /// <summary>The app's clock: <c>Clock.Reset(...)</c> at the start of a test that needs a particular instant.</summary>
    public TestClock Clock { get; } = new(Morning);

    public SpineMobilityApp App { get; }

    public HttpClient Client { get; private set; } = default!;

    public Task InitializeAsync()
    {
        Client = App.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        App.DeleteDatabase();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Running app";
}
