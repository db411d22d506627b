using System.Text.Json.Nodes;

namespace SpineMobility.Circuits.Protocol;

/// <summary>
/// What this client answers to the JS calls the app's pages make where a browser would return a value
/// the server reads: a phone-sized light-mode browser in UTC. Everything else gets null, as a function
/// that returns nothing would give.
/// </summary>
public static class JsAnswers
{
    public const int Width = 390;
    public const int Height = 844;

    public static JsonNode? Default(JsCall call) => (call.Module, call.Identifier) switch
    {
        (_, "spine.timeZone") => "UTC",
        (_, "Blazor._internal.PageTitle.getAndRemoveExistingTitle") => "",
        (_, "window.hasOwnProperty") => true,
        (_, "spine.theme.watchSystem") => false,
        (_, "mudThemeProvider.isDarkMode") => false, // builds before the theme left the circuits (ThemeStyles)
        (_, "mudpopoverHelper.countProviders") => 1,
        (_, "mudResizeListener.getBrowserWindowSize") => new JsonObject { ["width"] = Width, ["height"] = Height },
        (_, "mudElementRef.getBoundingClientRect") => Rect(),
        ({ } module, "preferences") when IsPlayer(module) => new JsonObject { ["sound"] = true, ["voice"] = true },
        ({ } module, "reducedMotion") when IsPlayer(module) => false,
        _ => null,
    };

    private static bool IsPlayer(string module) => module.EndsWith("player.js", StringComparison.Ordinal);

    private static JsonObject Rect() => new()
    {
        ["top"] = 0, ["left"] = 0, ["width"] = Width, ["height"] = 48, ["bottom"] = 48, ["right"] = Width,
        ["x"] = 0, ["y"] = 0, ["scrollX"] = 0, ["scrollY"] = 0, ["windowWidth"] = Width, ["windowHeight"] = Height,
    };
}
