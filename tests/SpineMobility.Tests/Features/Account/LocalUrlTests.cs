using SpineMobility.Web.Features.Account;

namespace SpineMobility.Tests.Features.Account;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("http:evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/ok\\..\\evil")]
    [InlineData("/line\nbreak")]
    [InlineData("progress")]
    [InlineData("")]
    [InlineData(null)]
    public void An_address_a_browser_could_read_as_another_site_leads_home(string? url) => Assert.Equal("/", LocalUrl.OrHome(url));

    [Theory]
    [InlineData("/")]
    [InlineData("/progress")]
    [InlineData("/session?minutes=20&focus=cervical")]
    [InlineData("/exercises/cat-cow")]
    public void A_path_of_this_app_is_kept(string url) => Assert.Equal(url, LocalUrl.OrHome(url));
}
