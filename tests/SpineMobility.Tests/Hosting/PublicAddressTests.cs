using SpineMobility.Web.Hosting;

namespace SpineMobility.Tests.Hosting;

public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("https://spine.example.org", "https://spine.example.org/")]
    [InlineData("https://example.org/spine", "https://example.org/spine/")]
    [InlineData("http://192.0.2.10:8080/", "http://192.0.2.10:8080/")]
    public void A_configured_address_is_the_base_of_every_link(string configured, string expected) =>
        Assert.Equal(expected, PublicAddress.Parse(configured)!.AbsoluteUri);

    [Theory]
    [InlineData("spine.example.org")]
    [InlineData("ftp://spine.example.org")]
    [InlineData("https://spine.example.org/?x=1")]
    [InlineData("https://user:secret@spine.example.org")]
    public void A_wrong_address_stops_the_start_with_the_key_and_an_example(string configured)
    {
        var problem = Assert.Throws<InvalidOperationException>(() => PublicAddress.Parse(configured));
        Assert.Contains(PublicAddress.ConfigurationKey, problem.Message, StringComparison.Ordinal);
        Assert.Contains($"'{configured}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_configured_address_is_none() => Assert.Null(PublicAddress.Parse("  "));
}
