using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SpineMobility.Web.Features.Sessions.Playing;

/// <summary>
/// Whether this circuit's browser is connected right now. Blazor keeps a circuit whose connection dropped alive for
/// minutes, so a live page is not the same as a page someone can see: the player counts only connected ones.
/// </summary>
public sealed class PageConnection : CircuitHandler
{
    public bool IsUp { get; private set; }

    /// <summary>Raised when the connection drops or comes back, with whether it is up.</summary>
    public event Func<bool, Task>? Changed;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => ReportAsync(up: true);

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => ReportAsync(up: false);

    internal async Task ReportAsync(bool up)
    {
        if (IsUp == up)
        {
            return;
        }

        IsUp = up;
        if (Changed is { } changed)
        {
            foreach (var handler in changed.GetInvocationList().Cast<Func<bool, Task>>())
            {
                await handler(up);
            }
        }
    }
}
