using MudBlazor;
using SpineMobility.Web.Components.Layout;

namespace SpineMobility.Tests.Components.Layout;

/// <summary>The theme's stylesheet: MudBlazor's rules for light as they are, and the dark theme's changes under one class.</summary>
public sealed class ThemeStylesTests
{
    private static string Declaration(string css, string name)
    {
        var at = css.IndexOf(name + ":", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{name} is missing");
        return css[at..css.IndexOf(';', at)];
    }

    [Fact]
    public void The_light_variables_are_on_the_root_and_the_dark_ones_under_the_dark_class()
    {
        var css = ThemeStyles.Css;
        var dark = css.IndexOf("html.sm-dark{", StringComparison.Ordinal);
        Assert.True(dark > 0, "no dark variables");

        Assert.StartsWith(":root{", css[css.IndexOf(":root{", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal("--mud-palette-primary: rgba(27,111,99,1)", Declaration(css, "--mud-palette-primary"));
        Assert.Equal("--mud-palette-primary: rgba(92,194,176,1)", Declaration(css[dark..], "--mud-palette-primary"));
        Assert.Equal("--mud-palette-background: rgba(15,23,22,1)", Declaration(css[dark..], "--mud-palette-background"));
    }

    [Fact]
    public void Only_what_the_dark_theme_changes_is_written_again()
    {
        var css = ThemeStyles.Css;
        var darkPart = css[css.IndexOf("html.sm-dark", StringComparison.Ordinal)..];

        // The typography is the same in both themes: written once, in the light rules.
        Assert.Contains("--mud-typography-default-family", css, StringComparison.Ordinal);
        Assert.DoesNotContain("--mud-typography-default-family", darkPart, StringComparison.Ordinal);
        Assert.DoesNotContain(":root", darkPart, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_rules_as_the_theme_provider_writes_for_each_theme()
    {
        foreach (var dark in new[] { false, true })
        {
            var provider = ThemeStyles.Rules(ThemeCssSource.Render(AppTheme.Theme, dark));
            Assert.Contains(provider, rule => rule.Selector == ":root" && rule.Body.Contains("--mud-palette-surface", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(":root", "html.sm-dark")]
    [InlineData("::-webkit-scrollbar-thumb:hover", "html.sm-dark ::-webkit-scrollbar-thumb:hover")]
    [InlineData("html, body *", "html.sm-dark, html.sm-dark body *")]
    [InlineData(".mud-chart-serie:hover", "html.sm-dark .mud-chart-serie:hover")]
    [InlineData("htmlish", "html.sm-dark htmlish")]
    public void A_selector_is_scoped_to_the_dark_class_on_the_html_element(string selector, string expected) =>
        Assert.Equal(expected, ThemeStyles.InDark(selector));

    [Theory]
    [InlineData("<style>@media (max-width: 10px) { a { color: red; } }</style>")]
    [InlineData("<style>a { color: red; } stray</style>")]
    [InlineData("<div></div>")]
    public void Theme_output_it_cannot_scope_is_refused_with_what_it_met(string html)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ThemeStyles.Rules(html));
        Assert.Contains("theme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_theme_gives_its_own_colours()
    {
        var theme = new MudTheme { PaletteLight = new PaletteLight { Primary = "#112233" }, PaletteDark = new PaletteDark { Primary = "#445566" } };
        var css = ThemeStyles.Build(theme);
        Assert.Equal("--mud-palette-primary: rgba(17,34,51,1)", Declaration(css, "--mud-palette-primary"));
        Assert.Equal("--mud-palette-primary: rgba(68,85,102,1)", Declaration(css[css.IndexOf("html.sm-dark{", StringComparison.Ordinal)..], "--mud-palette-primary"));
    }
}
