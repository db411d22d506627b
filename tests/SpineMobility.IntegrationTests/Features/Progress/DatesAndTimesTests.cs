using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Settings;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Progress;

/// <summary>Every page that shows a date or a time writes it as the reader's English does, in the user's zone.</summary>
[Collection(AppCollection.Name)]
public sealed class DatesAndTimesTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Password = "Stretch-2026!";

    // 10:38 UTC is 11:38 in Berlin, the zone the session was done in.
    private static readonly DateTimeOffset Finished = new(2026, 12, 1, 10, 38, 10, TimeSpan.Zero);

    private readonly string _email = $"dates-{Guid.NewGuid():N}@example.com";
    private readonly SpineMobilityApp _app = fixture.App;
    private string _user = "";
    private Guid _session;

    public async Task InitializeAsync()
    {
        fixture.Clock.Reset(Finished.AddMinutes(5));
        _user = await _app.CreateUserAsync(_email, Password);
        _session = await _app.RecordSessionAsync(_user, "Lunch stretch", Finished, "Europe/Berlin");
        await using (var db = _app.CreateDbContext())
        {
            db.PainReports.Add(new PainReport { RunId = _session, ReportedAt = Finished.AddMinutes(-8), ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 3, Area = BodyArea.LowerBack });
            await db.SaveChangesAsync();
        }

        var noFlags = Enum.GetValues<RedFlag>().ToDictionary(f => f, _ => (bool?)false);
        await _app.Services.GetRequiredService<SafetyStore>().SaveScreeningAsync(new Visitor(RecordedSessions.AnyBrowser, _user), ScreeningReason.FirstSession, noFlags);
        Assert.Empty(await _app.Services.GetRequiredService<SettingsStore>().AddPauseAsync(_user, new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 28), "Holiday"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Dictionary<string, string>> PagesAsync(string language)
    {
        using var client = await _app.SignedInClientAsync(_email, Password);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var pages = new Dictionary<string, string>();
        foreach (var path in new[] { $"/progress/sessions/{_session}", "/progress", "/safety", "/settings" })
        {
            // As a person reads it: entities decoded, the narrow spaces some cultures put before "AM" as spaces.
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(path)).Replace('\u202F', ' ').Replace('\u00A0', ' ');
            Assert.DoesNotContain(":HH:mm", html, StringComparison.Ordinal);
            Assert.DoesNotContain("+01:00", html, StringComparison.Ordinal);
            Assert.DoesNotContain("+00:00", html, StringComparison.Ordinal);
            pages[path.StartsWith("/progress/sessions", StringComparison.Ordinal) ? "details" : path] = html;
        }

        return pages;
    }

    [Fact]
    public async Task A_british_reader_sees_24_hour_times_and_the_day_before_the_month()
    {
        var pages = await PagesAsync("en-GB");

        Assert.Contains("Tuesday, 1 December 2026, finished at 11:38 (Europe/Berlin)", pages["details"], StringComparison.Ordinal);
        Assert.Contains("11:30 · ", pages["details"], StringComparison.Ordinal);
        Assert.Contains("Tue 1 Dec 2026", pages["/progress"], StringComparison.Ordinal);
        Assert.Contains("Tue 1 Dec 2026, 10:43", pages["/safety"], StringComparison.Ordinal);
        Assert.Contains("24 Dec 2026 – 28 Dec 2026 · Holiday", pages["/settings"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_american_reader_sees_am_and_pm_and_the_month_before_the_day()
    {
        var pages = await PagesAsync("en-US");

        Assert.Contains("Tuesday, December 1, 2026, finished at 11:38 AM (Europe/Berlin)", pages["details"], StringComparison.Ordinal);
        Assert.Contains("11:30 AM · ", pages["details"], StringComparison.Ordinal);
        Assert.Contains("Tue, Dec 1, 2026", pages["/progress"], StringComparison.Ordinal);
        Assert.Contains("Tue, Dec 1, 2026, 10:43 AM", pages["/safety"], StringComparison.Ordinal);
        Assert.Contains("Dec 24, 2026 – Dec 28, 2026 · Holiday", pages["/settings"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_the_app_does_not_speak_gets_the_default_english()
    {
        var pages = await PagesAsync("de-DE");

        Assert.Contains("Tuesday, 1 December 2026, finished at 11:38 (Europe/Berlin)", pages["details"], StringComparison.Ordinal);
        Assert.DoesNotContain("Dezember", pages["details"], StringComparison.Ordinal);
    }
}
