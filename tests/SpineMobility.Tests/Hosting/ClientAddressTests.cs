using System.Net;
using Microsoft.AspNetCore.Http;
using SpineMobility.Web.Hosting;

namespace SpineMobility.Tests.Hosting;

public sealed class ClientAddressTests
{
    private static string Of(string address) =>
        ClientAddress.Of(new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(address) } });

    [Fact]
    public void Addresses_of_one_ipv6_network_share_one_limit() =>
        Assert.Equal(Of("2001:db8:1:2::1"), Of("2001:db8:1:2:ffff:1234:5678:9abc"));

    [Fact]
    public void Other_networks_and_ipv4_addresses_have_their_own()
    {
        Assert.NotEqual(Of("2001:db8:1:2::1"), Of("2001:db8:1:3::1"));
        Assert.Equal("203.0.113.7", Of("203.0.113.7"));
        Assert.Equal("203.0.113.7", Of("::ffff:203.0.113.7"));
    }
}
