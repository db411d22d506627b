using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace SpineMobility.Tests;

/// <summary>The shared bUnit setup: MudBlazor services, loose JS interop, no transitions.</summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddSingleton(new SpineMobility.Web.Features.Exercises.IllustrationAddresses(Path.GetDirectoryName(SpineMobility.Testing.RepoFiles.ExercisesJson)!));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popover services are only IAsyncDisposable, and xunit 2 calls only Dispose().
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
