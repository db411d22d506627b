using System.Net;
using System.Net.Sockets;

namespace SpineMobility.EndToEnd;

/// <summary>
/// A TCP relay between the browser and the app whose cable can be pulled: <see cref="Cut"/> drops every open connection
/// (both sides see them close, as when a phone leaves the Wi-Fi) and refuses new ones until <see cref="Restore"/>.
/// Chromium's offline emulation alone leaves open WebSockets running, so the tests pull this cable too.
/// </summary>
public sealed class NetworkCut : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Lock _lock = new();
    private readonly Task _accepting;
    private bool _cut;

    public NetworkCut(Uri target)
    {
        _target = target;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>Where the browser reaches the app through this relay.</summary>
    public Uri Address { get; }

    public void Cut()
    {
        lock (_lock)
        {
            _cut = true;
            foreach (var client in _open)
            {
                Drop(client);
            }

            _open.Clear();
        }
    }

    // A reset, not a polite close: each side learns at once that the connection is gone.
    private static void Drop(TcpClient client)
    {
        try
        {
            client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        client.Close();
    }

    public void Restore()
    {
        lock (_lock)
        {
            _cut = false;
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient browser;
            try
            {
                browser = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(browser);
        }
    }

    private async Task RelayAsync(TcpClient browser)
    {
        var app = new TcpClient();
        lock (_lock)
        {
            if (_cut)
            {
                Drop(browser);
                return;
            }

            _open.Add(browser);
            _open.Add(app);
        }

        try
        {
            await app.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            var toApp = browser.GetStream().CopyToAsync(app.GetStream(), _stop.Token);
            var toBrowser = app.GetStream().CopyToAsync(browser.GetStream(), _stop.Token);
            await Task.WhenAny(toApp, toBrowser);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The cable was pulled, or one side hung up.
        }
        finally
        {
            lock (_lock)
            {
                _open.Remove(browser);
                _open.Remove(app);
            }

            browser.Close();
            app.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
