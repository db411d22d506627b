using System.Net;
using SpineMobility.Web.Hosting;

namespace SpineMobility.Tests.Hosting;

public sealed class TrustedProxiesTests
{
    [Fact]
    public void Addresses_and_networks_are_read_as_such()
    {
        var (proxies, networks) = TrustedProxies.Parse(["10.0.0.5", "::1", "10.1.0.0/16"]);

        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.IPv6Loopback], proxies);
        Assert.Equal(System.Net.IPNetwork.Parse("10.1.0.0/16"), Assert.Single(networks));
    }

    [Theory]
    [InlineData("proxy.internal")]
    [InlineData("10.0.0.0/99")]
    [InlineData("10.0.0.256")]
    public void A_wrong_entry_stops_the_start_naming_it(string entry)
    {
        var problem = Assert.Throws<InvalidOperationException>(() => TrustedProxies.Parse([entry]));
        Assert.Contains($"'{entry}'", problem.Message, StringComparison.Ordinal);
        Assert.Contains(TrustedProxies.ConfigurationKey, problem.Message, StringComparison.Ordinal);
    }
}
