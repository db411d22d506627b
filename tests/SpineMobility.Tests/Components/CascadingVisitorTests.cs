using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Web.Components;
using SpineMobility.Web.Shared;

namespace SpineMobility.Tests.Components;

/// <summary>Pages get the visitor of the circuit's own connection, and are rebuilt when that visitor changes.</summary>
public sealed class CascadingVisitorTests : ComponentTest
{
    private const string Browser = "0123456789abcdef0123456789abcdef";
    private readonly ChangingAuthentication _authentication = new();

    public CascadingVisitorTests()
    {
        Services.AddSingleton<AuthenticationStateProvider>(_authentication);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static ClaimsPrincipal Principal(string? browserKey, string? userId)
    {
        var identities = new List<ClaimsIdentity>();
        identities.Add(userId is null ? new ClaimsIdentity() : new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Identity.Application"));
        if (browserKey is not null)
        {
            identities.Add(new ClaimsIdentity([new Claim(Visitor.BrowserKeyClaim, browserKey), new Claim(Visitor.TimeZoneClaim, "Europe/Berlin")]));
        }

        return new ClaimsPrincipal(identities);
    }

    private IRenderedComponent<CascadingVisitor> Render() =>
        Render<CascadingVisitor>(p => p.Add(c => c.ChildContent, (RenderFragment)(b =>
        {
            b.OpenComponent<VisitorProbe>(0);
            b.CloseComponent();
        })));

    [Fact]
    public void A_page_gets_the_visitor_of_the_connections_principal()
    {
        _authentication.Set(Principal(Browser, "alice"));

        var probe = Render().FindComponent<VisitorProbe>().Instance;

        Assert.Equal(new Visitor(Browser, "alice", "Europe/Berlin"), probe.Visitor);
    }

    [Fact]
    public void A_connection_without_the_visitor_cookie_acts_for_nobody()
    {
        _authentication.Set(Principal(browserKey: null, userId: "alice"));

        Assert.Null(Render().FindComponent<VisitorProbe>().Instance.Visitor);
    }

    [Fact]
    public void When_the_sign_in_ends_the_page_is_rebuilt_without_the_account_and_reloaded_from_the_browsers_cookies()
    {
        _authentication.Set(Principal(Browser, "alice"));
        var rendered = Render();
        var before = rendered.FindComponent<VisitorProbe>().Instance;

        _authentication.Set(new ClaimsPrincipal(new ClaimsIdentity()));

        var after = rendered.FindComponent<VisitorProbe>().Instance;
        Assert.NotSame(before, after);
        Assert.Null(after.Visitor);
        Assert.True(before.Disposed);
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        Assert.Contains(navigation.History, entry => entry.Options.ForceLoad);
    }

    [Fact]
    public void A_new_time_zone_of_the_same_person_updates_the_page_without_rebuilding_it()
    {
        _authentication.Set(Principal(Browser, "alice"));
        var rendered = Render();
        var before = rendered.FindComponent<VisitorProbe>().Instance;

        var travelled = Principal(Browser, "alice");
        ((ClaimsIdentity)travelled.Identities.Last()).RemoveClaim(travelled.FindFirst(Visitor.TimeZoneClaim));
        ((ClaimsIdentity)travelled.Identities.Last()).AddClaim(new Claim(Visitor.TimeZoneClaim, "Asia/Tokyo"));
        _authentication.Set(travelled);

        var after = rendered.FindComponent<VisitorProbe>().Instance;
        Assert.Same(before, after);
        Assert.Equal("Asia/Tokyo", after.Visitor?.BrowserTimeZone);
        Assert.Empty(Services.GetRequiredService<BunitNavigationManager>().History);
    }

    private sealed class ChangingAuthentication : AuthenticationStateProvider
    {
        private Task<AuthenticationState> _state = Task.FromResult(new AuthenticationState(new ClaimsPrincipal()));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state;

        public void Set(ClaimsPrincipal principal)
        {
            _state = Task.FromResult(new AuthenticationState(principal));
            NotifyAuthenticationStateChanged(_state);
        }
    }

    /// <summary>A page as the app's pages are: it takes the visitor as a cascading parameter.</summary>
    private sealed class VisitorProbe : ComponentBase, IDisposable
    {
        [CascadingParameter]
        public Visitor? Visitor { get; set; }

        public bool Disposed { get; private set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Visitor?.BrowserKey ?? "nobody");

        public void Dispose() => Disposed = true;
    }
}
