using Microsoft.AspNetCore.Components;

namespace SpineMobility.Web.Features.Account;

/// <summary>Redirects of the static account forms, only ever to a path of this app.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    /// <summary>Goes to <paramref name="path"/> when it is a path of this app, else home: never to another site.</summary>
    public void RedirectTo(string? path) => navigationManager.NavigateTo(LocalUrl.OrHome(path));

    /// <summary>Goes to <paramref name="path"/> with a one-time message for the page there.</summary>
    public void RedirectToWithStatus(string path, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(path);
    }
}
