namespace SpineMobility.Web.Features.Account;

/// <summary>Where a form may send the browser afterwards: a path of this app, never another site.</summary>
public static class LocalUrl
{
    /// <summary><paramref name="url"/> when it is a path of this app, else the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    /// <summary>
    /// A path from the root ("/progress?x=1"), and nothing a browser reads as another host:
    /// "//evil.example" and "/\evil.example" (browsers treat the backslash as a slash), "https://…", "http:evil.example".
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 and <= 2048 }
        && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && !url.Contains('\\', StringComparison.Ordinal)
        && !url.Any(char.IsControl)
        && Uri.IsWellFormedUriString(url, UriKind.Relative);
}
