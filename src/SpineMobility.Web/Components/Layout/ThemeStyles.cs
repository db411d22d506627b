using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace SpineMobility.Web.Components.Layout;

/// <summary>
/// The theme's CSS (MudBlazor's variables, scrollbar and chart rules) for light and dark in one stylesheet: the light
/// rules as they are, and each declaration the dark theme changes again under <c>html.sm-dark</c>. App.razor writes it into
/// every page's head, outside any circuit, and the theme is switched by that one class on the html element.
/// </summary>
/// <remarks>
/// MudThemeProvider renders the same rules, but inside the interactive layout every circuit kept its own copies of
/// them in its render trees (about 24 KB of text each, two or three times over: issue 11, heap per circuit), and it
/// could only ever hold one theme. The rules come from MudBlazor's own provider, so they follow a MudBlazor upgrade;
/// one whose output this cannot read stops the app at start-up (see <see cref="Build"/>), not with a wrong look.
/// </remarks>
public static partial class ThemeStyles
{
    /// <summary>The class on the html element that turns the dark rules on.</summary>
    public const string DarkClass = "sm-dark";

    private static readonly Lazy<string> Built = new(() => Build(AppTheme.Theme));

    /// <summary>The app's theme, light and dark.</summary>
    public static string Css => Built.Value;

    /// <summary>The stylesheet of <paramref name="theme"/>, light and dark.</summary>
    /// <exception cref="InvalidOperationException">MudBlazor's theme output is not plain rules this can read.</exception>
    public static string Build(MudTheme theme)
    {
        var light = Rules(ThemeCssSource.Render(theme, dark: false));
        var dark = Rules(ThemeCssSource.Render(theme, dark: true));
        var css = new StringBuilder();
        foreach (var (selector, body) in light)
        {
            css.Append(selector).Append('{').Append(body).Append("}\n");
        }

        // Per declaration: the dark theme changes colours, not sizes or fonts, which then stay in the light rules alone.
        foreach (var (selector, body) in dark)
        {
            var same = light.Where(rule => rule.Selector == selector).SelectMany(rule => Declarations(rule.Body)).ToHashSet();
            var changed = Declarations(body).Where(declaration => !same.Contains(declaration)).ToList();
            if (changed.Count > 0)
            {
                css.Append(InDark(selector)).Append('{').Append(string.Join(' ', changed.Select(d => d + ";"))).Append("}\n");
            }
        }

        return css.ToString();
    }

    private static string[] Declarations(string body) =>
        body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Each selector of a list, scoped to the dark class on the html element.</summary>
    internal static string InDark(string selectors) => string.Join(", ", selectors.Split(',').Select(s => s.Trim()).Select(selector =>
        selector.StartsWith(":root", StringComparison.Ordinal) ? $"html.{DarkClass}{selector[":root".Length..]}"
        : selector.StartsWith("html", StringComparison.Ordinal) && (selector.Length == 4 || !char.IsAsciiLetterOrDigit(selector[4]) && selector[4] != '-')
            ? $"html.{DarkClass}{selector[4..]}"
        : $"html.{DarkClass} {selector}"));

    /// <summary>The rules of the style elements MudThemeProvider writes, in order, whitespace tidied.</summary>
    internal static List<(string Selector, string Body)> Rules(string html)
    {
        var rules = new List<(string, string)>();
        foreach (Match style in StyleElement().Matches(html))
        {
            var text = style.Groups["css"].Value;
            var at = 0;
            foreach (Match rule in Rule().Matches(text))
            {
                if (!string.IsNullOrWhiteSpace(text[at..rule.Index]))
                {
                    throw Unreadable(text[at..rule.Index]);
                }

                rules.Add((Tidy(rule.Groups["selector"].Value), Tidy(rule.Groups["body"].Value)));
                at = rule.Index + rule.Length;
            }

            if (!string.IsNullOrWhiteSpace(text[at..]))
            {
                throw Unreadable(text[at..]);
            }
        }

        if (rules.Count == 0)
        {
            throw new InvalidOperationException("MudBlazor's theme provider wrote no style rules: the app's theme cannot be built.");
        }

        return rules;
    }

    private static InvalidOperationException Unreadable(string text) => new(
        $"MudBlazor's theme provider wrote CSS that is not a plain rule (an @-rule or nesting?), which the app's theme cannot scope to dark: '{text.Trim()[..Math.Min(80, text.Trim().Length)]}'.");

    private static string Tidy(string text) => Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"(?<selector>[^{}]+)\{(?<body>[^{}]*)\}")]
    private static partial Regex Rule();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>What MudBlazor's theme provider writes for a theme, rendered once to HTML outside any circuit.</summary>
internal static class ThemeCssSource
{
    public static string Render(MudTheme theme, bool dark)
    {
        // The provider asks for a JS runtime but uses it only once interactive, which this rendering never is.
        using var services = new ServiceCollection().AddLogging().AddSingleton<IJSRuntime, NoScript>().BuildServiceProvider();
        using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        }).GetAwaiter().GetResult();
    }

    private sealed class NoScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException($"The theme's CSS is built without a browser; '{identifier}' cannot be called.");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }
}
