using System.Net;
using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests.Hosting;

/// <summary>Another site's page cannot open a circuit with the visitor's cookies.</summary>
[Collection(AppCollection.Name)]
public sealed class CircuitOriginTests(AppFixture fixture)
{
    private async Task<HttpStatusCode> NegotiateAsync(string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await fixture.Client.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://evil.example:80")]
    [InlineData("null")]
    public async Task A_connection_from_a_foreign_origin_is_refused(string origin)
    {
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(origin));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/_blazor?id=anything");
        request.Headers.Add("Origin", origin);
        using var websocket = await fixture.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, websocket.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData(null)]
    public async Task A_connection_from_the_apps_own_pages_is_accepted(string? origin) =>
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(origin));
}
