using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace SpineMobility.Web.Components.Layout;

public sealed record NavItem(string Label, string Href, string Icon, NavLinkMatch Match = NavLinkMatch.Prefix);

public static class NavItems
{
    public static readonly IReadOnlyList<NavItem> All =
    [
        new("Home", "/", Icons.Material.Filled.Home, NavLinkMatch.All),
        new("Exercises", "/exercises", Icons.Material.Filled.FitnessCenter),
        new("Session", "/session", Icons.Material.Filled.PlayCircle),
        new("Progress", "/progress", Icons.Material.Filled.Insights),
        new("Safety", "/safety", Icons.Material.Filled.HealthAndSafety),
        new("Settings", "/settings", Icons.Material.Filled.Settings),
    ];

    /// <summary>Pages reached from the drawer and the footer rather than the bar.</summary>
    public static readonly IReadOnlyList<NavItem> More =
    [
        new("My routines", "/routines", Icons.Material.Filled.Bookmarks),
        new("About this app", "/about", Icons.Material.Filled.Info),
    ];
}
