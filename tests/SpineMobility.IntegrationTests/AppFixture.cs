using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests;

/// <summary>One running app on its own throwaway database, shared by the read-only tests.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public SpineMobilityApp App { get; } = new();

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
