namespace SpineMobility.Web.Components.Layout;

/// <summary>Reads the theme cookie that app.js writes: "light", "dark", "system" or "system-dark".</summary>
public static class ThemeCookie
{
    public const string Name = "sm-theme";

    public static ThemeChoice Read(HttpRequest request) => Parse(request.Cookies[Name]);

    public static ThemeChoice Parse(string? value) => value switch
    {
        "light" => new(ThemeMode.Light, false),
        "dark" => new(ThemeMode.Dark, false),
        "system-dark" => new(ThemeMode.System, true),
        _ => ThemeChoice.Default,
    };

    public static string Format(ThemeChoice choice) => choice.Mode switch
    {
        ThemeMode.Light => "light",
        ThemeMode.Dark => "dark",
        _ => choice.SystemPrefersDark ? "system-dark" : "system",
    };
}
