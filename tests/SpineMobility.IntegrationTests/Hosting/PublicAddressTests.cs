using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Hosting;

namespace SpineMobility.IntegrationTests.Hosting;

/// <summary>Links the app hands out (password resets) lead to the app, whatever Host header a request names.</summary>
public sealed class PublicAddressTests
{
    private const string Password = "Stretch-2026!";

    private static async Task<HttpResponseMessage> AskForResetAsync(SpineMobilityApp app, string email, string host)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri($"http://{host}/") });
        return await client.PostFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = email });
    }

    [Fact]
    public async Task Without_a_configured_address_a_forged_host_never_reaches_the_reset_link_in_the_log()
    {
        var log = new RecordedLog();
        await using var app = new SpineMobilityApp(services: s => s.AddSingleton<ILogEventSink>(log));
        var email = $"reset-{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, Password);

        using var response = await AskForResetAsync(app, email, "evil.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = Assert.Single(log.Events, e => e.MessageTemplate.Text.Contains("Password reset link", StringComparison.Ordinal)).RenderMessage(CultureInfo.InvariantCulture);
        Assert.DoesNotContain("evil.example", line, StringComparison.Ordinal);
        Assert.Contains($"\"{app.Services.GetRequiredService<PublicAddress>().BaseUri}Account/ResetPassword?code=", line, StringComparison.Ordinal);
        app.DeleteDatabase();
    }

    [Fact]
    public async Task With_a_configured_address_the_reset_link_uses_it_and_other_hosts_are_refused()
    {
        var log = new RecordedLog();
        await using var app = new SpineMobilityApp(
            settings: new Dictionary<string, string?> { [PublicAddress.ConfigurationKey] = "https://spine.example.org" },
            services: s => s.AddSingleton<ILogEventSink>(log));
        var email = $"reset-{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, Password);

        using var forged = app.CreateClient(new() { BaseAddress = new Uri("http://evil.example/") });
        Assert.Equal(HttpStatusCode.BadRequest, (await forged.GetAsync("/Account/ForgotPassword")).StatusCode);

        using var response = await AskForResetAsync(app, email, "spine.example.org");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = Assert.Single(log.Events, e => e.MessageTemplate.Text.Contains("Password reset link", StringComparison.Ordinal)).RenderMessage(CultureInfo.InvariantCulture);
        Assert.Contains("\"https://spine.example.org/Account/ResetPassword?code=", line, StringComparison.Ordinal);
        app.DeleteDatabase();
    }

    [Fact]
    public async Task A_forged_host_never_reaches_the_private_calendar_link_on_the_settings_page()
    {
        await using var app = new SpineMobilityApp();
        var email = $"feed-{Guid.NewGuid():N}@example.com";
        var userId = await app.CreateUserAsync(email, Password);
        const string token = "FeedFeedFeedFeedFeedFeedFeedFeedFeed_-12345";
        await using (var db = app.CreateDbContext())
        {
            db.UserSettings.Add(new SpineMobility.Web.Features.Settings.UserSettings { UserId = userId, CalendarToken = token });
            await db.SaveChangesAsync();
        }

        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://evil.example/") });
        (await client.SignInAsync(email, Password)).Dispose();
        var page = await client.GetStringAsync("/settings");

        Assert.Contains($"{app.Services.GetRequiredService<PublicAddress>().BaseUri}calendar/{token}.ics", page, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
        app.DeleteDatabase();
    }

    [Fact]
    public async Task The_reset_link_in_the_log_opens_the_reset_form_and_works()
    {
        var sent = new List<string>();
        await using var app = new SpineMobilityApp(services: s => s.AddSingleton<IEmailSender<AppUser>>(new RecordingSender(sent)));
        var email = $"reset-{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email, Password);
        (await AskForResetAsync(app, email, "localhost")).Dispose();

        var link = new Uri(Assert.Single(sent));
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var reset = await client.PostFormAsync(link.PathAndQuery, "reset-password", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "New-password-9",
            ["Input.ConfirmPassword"] = "New-password-9",
        });

        Assert.Contains("ResetPasswordConfirmation", reset.Headers.Location?.OriginalString, StringComparison.Ordinal);
        app.DeleteDatabase();
    }

    private sealed class RecordingSender(List<string> sent) : IEmailSender<AppUser>
    {
        public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) => Task.CompletedTask;

        public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink)
        {
            sent.Add(resetLink);
            return Task.CompletedTask;
        }

        public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) => Task.CompletedTask;
    }
}
