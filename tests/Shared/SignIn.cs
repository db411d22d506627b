using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Web.Features.Account;

namespace SpineMobility.Testing;

/// <summary>Accounts for HTTP tests, signed in through the real sign-in form so cookies and antiforgery are the app's own.</summary>
public static partial class SignIn
{
    /// <summary>Creates an account with the app's user manager and returns its id.</summary>
    public static async Task<string> CreateUserAsync(this SpineMobilityApp app, string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        return user.Id;
    }

    /// <summary>
    /// A client that keeps cookies and does not follow redirects, signed in as the account. The app limits
    /// sign-in attempts per address (<see cref="AccountSetup.SignInAttemptsPerMinute"/>), so sign in once per client.
    /// </summary>
    public static async Task<HttpClient> SignedInClientAsync(this SpineMobilityApp app, string email, string password)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        try
        {
            using var response = await client.SignInAsync(email, password);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}, not a redirect: {await response.Content.ReadAsStringAsync()}");
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A client whose cookies live in <paramref name="cookies"/>, which a test can copy to another client: a second
    /// tab of the same browser, or someone holding a copy of the cookie. It does not follow redirects.
    /// </summary>
    public static HttpClient ClientWith(this SpineMobilityApp app, CookieContainer cookies) =>
        app.CreateDefaultClient(new CookieContainerHandler(cookies));

    /// <summary>A copy of every cookie in <paramref name="cookies"/>.</summary>
    public static CookieContainer Copy(this CookieContainer cookies)
    {
        var copy = new CookieContainer();
        copy.Add(cookies.GetAllCookies());
        return copy;
    }

    /// <summary>Signs in through the form with a client on <paramref name="cookies"/>; throws unless it worked.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this SpineMobilityApp app, string email, string password, CookieContainer cookies)
    {
        var client = app.ClientWith(cookies);
        using var response = await client.SignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}, not a redirect.");
        }

        return client;
    }

    /// <summary>Posts the sign-in form with this client (and its cookies); the answer is a redirect when it worked.</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Fills and posts one of the app's static forms as a browser would: its antiforgery token taken from the page.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var antiforgery = AntiforgeryInput().Match(page);
        if (!antiforgery.Success)
        {
            throw new InvalidOperationException($"{path} has no antiforgery token.");
        }

        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups["token"].Value);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, form);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
