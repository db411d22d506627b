using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using SpineMobility.Testing;
using SpineMobility.Web.Hosting;

namespace SpineMobility.IntegrationTests.Hosting;

public sealed class CircuitLimitTests
{
    /// <summary>Negotiates a connection to the circuit hub and opens its WebSocket, as blazor.web.js does.</summary>
    private static async Task<(ClientWebSocket Socket, HttpStatusCode Status)> ConnectAsync(Uri app)
    {
        using var http = new HttpClient { BaseAddress = app };
        using var negotiate = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        negotiate.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(new Uri($"ws://{app.Authority}/_blazor?id={token}"), CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Refused: the status of the handshake says why.
        }

        return (socket, socket.HttpStatusCode);
    }

    [Fact]
    public async Task One_address_gets_no_more_live_circuit_connections_than_the_limit_and_a_closed_one_frees_its_place()
    {
        await using var app = new SpineMobilityApp(kestrel: true, settings: new Dictionary<string, string?> { ["Circuits:PerClientAddress"] = "2" });

        var first = await ConnectAsync(app.BaseAddress);
        var second = await ConnectAsync(app.BaseAddress);
        var third = await ConnectAsync(app.BaseAddress);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, first.Status);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, second.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);

        await first.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        var again = HttpStatusCode.TooManyRequests;
        for (var attempt = 0; attempt < 50 && again != HttpStatusCode.SwitchingProtocols; attempt++)
        {
            // The server lets go of the closed connection a moment after the close handshake.
            await Task.Delay(100);
            var retry = await ConnectAsync(app.BaseAddress);
            again = retry.Status;
            retry.Socket.Dispose();
        }

        Assert.Equal(HttpStatusCode.SwitchingProtocols, again);
        second.Socket.Dispose();
        third.Socket.Dispose();
        app.DeleteDatabase();
    }

    [Theory]
    [InlineData("Circuits:PerClientAddress", "-1", "Circuits:PerClientAddress must be 0 (no limit) or more, not -1.")]
    [InlineData("Circuits:DisconnectedRetained", "-5", "Circuits:DisconnectedRetained must be 0 or more, not -5.")]
    [InlineData("Circuits:DisconnectedRetention", "02:00:00", "Circuits:DisconnectedRetention must be between 00:00:00 and 01:00:00, not 02:00:00.")]
    public void A_limit_out_of_range_is_refused_at_start_naming_the_setting(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => CircuitLimits.FromConfiguration(configuration));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_defaults_are_twenty_circuits_an_address_and_a_hundred_dropped_ones_kept_for_three_minutes()
    {
        var limits = CircuitLimits.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(20, limits.PerClientAddress);
        Assert.Equal(100, limits.DisconnectedRetained);
        Assert.Equal(TimeSpan.FromMinutes(3), limits.DisconnectedRetention);
    }

    [Fact]
    public async Task A_client_that_goes_away_mid_request_is_logged_without_an_error_or_a_stack_trace()
    {
        var log = new RecordedLog();
        await using var app = new SpineMobilityApp(kestrel: true, settings: new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information",
        }, services: s => s.AddSingleton<ILogEventSink>(log));
        var address = app.BaseAddress;

        // A form post that promises more than it sends, then hangs up: the server is left reading a body that never comes.
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(address.Host, address.Port);
            var stream = tcp.GetStream();
            var head = $"POST /theme HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nmode=da";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
            await Task.Delay(300);
        }

        LogEvent? logged = null;
        for (var i = 0; i < 100 && logged is null; i++)
        {
            await Task.Delay(100);
            logged = log.Events.FirstOrDefault(e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal) && e.RenderMessage(CultureInfo.InvariantCulture).Contains("/theme", StringComparison.Ordinal));
        }

        Assert.NotNull(logged);
        Assert.Equal(LogEventLevel.Information, logged.Level);
        Assert.Null(logged.Exception);
        Assert.Contains("499", logged.RenderMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain(log.Events, e => e.Level >= LogEventLevel.Error);
        app.DeleteDatabase();
    }

    [Fact]
    public void A_server_error_is_still_logged_as_an_error()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Response.StatusCode = 500;

        Assert.Equal(LogEventLevel.Error, AbortedRequests.LevelOf(context, 1, null));
        context.Response.StatusCode = 200;
        Assert.Equal(LogEventLevel.Error, AbortedRequests.LevelOf(context, 1, new InvalidOperationException("boom")));
        Assert.Equal(LogEventLevel.Information, AbortedRequests.LevelOf(context, 1, null));
    }
}
