using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Features.Settings;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Progress;

/// <summary>Every piece of personal data is its owner's alone, and goes when the account goes.</summary>
[Collection(AppCollection.Name)]
public sealed class PrivacyTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Password = "Stretch-2026!";
    private readonly string _aliceEmail = $"alice-{Guid.NewGuid():N}@example.com";
    private readonly string _bobEmail = $"bob-{Guid.NewGuid():N}@example.com";
    private readonly SpineMobilityApp _app = fixture.App;
    private string _alice = "";
    private string _bob = "";

    public async Task InitializeAsync()
    {
        fixture.Clock.Reset(AppFixture.Morning);
        _alice = await _app.CreateUserAsync(_aliceEmail, Password);
        _bob = await _app.CreateUserAsync(_bobEmail, Password);
    }

    private Task<Guid> RecordSessionAsync(string title, string? userId, string browserKey = RecordedSessions.AnyBrowser) =>
        _app.RecordSessionAsync(userId, title, fixture.Clock.GetUtcNow().AddHours(-1), browserKey: browserKey);

    [Fact]
    public async Task Another_user_gets_a_404_for_a_session_and_never_sees_it_in_their_history()
    {
        var session = await RecordSessionAsync("Alice's evening routine", _alice);
        using var bob = await _app.SignedInClientAsync(_bobEmail, Password);
        using var alice = await _app.SignedInClientAsync(_aliceEmail, Password);

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/progress/sessions/{session}")).StatusCode);
        Assert.DoesNotContain("evening routine", await bob.GetStringAsync("/progress"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/progress/sessions/{session}")).StatusCode);
        Assert.Contains("evening routine", await alice.GetStringAsync("/progress"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Safety_answers_are_their_owners_alone()
    {
        var yesToFall = Enum.GetValues<RedFlag>().ToDictionary(f => f, f => (bool?)(f == RedFlag.FallOrAccident));
        await _app.Services.GetRequiredService<SafetyStore>().SaveScreeningAsync(new Visitor(RecordedSessions.AnyBrowser, _alice), ScreeningReason.FirstSession, yesToFall);
        using var alice = await _app.SignedInClientAsync(_aliceEmail, Password);
        using var bob = await _app.SignedInClientAsync(_bobEmail, Password);
        using var anonymous = _app.CreateClient();

        Assert.Contains("see a doctor before exercising", WebUtility.HtmlDecode(await alice.GetStringAsync("/safety")), StringComparison.Ordinal);
        foreach (var other in new[] { bob, anonymous })
        {
            var html = WebUtility.HtmlDecode(await other.GetStringAsync("/safety"));
            Assert.Contains("Not answered yet", html, StringComparison.Ordinal);
            Assert.DoesNotContain("see a doctor before exercising", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Signed_out_visitors_see_no_ones_sessions_and_are_sent_to_sign_in_for_settings()
    {
        var session = await RecordSessionAsync("Alice's evening routine", _alice);
        using var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/progress/sessions/{session}")).StatusCode);
        Assert.DoesNotContain("evening routine", await anonymous.GetStringAsync("/progress"), StringComparison.Ordinal);
        foreach (var page in new[] { "/settings", "/Account/Manage" })
        {
            var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Signing_in_claims_the_sessions_this_browser_did_while_signed_out()
    {
        using var browser = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var firstVisit = await browser.GetAsync("/");
        var visitor = firstVisit.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sm-visitor=", StringComparison.Ordinal));
        var browserKey = visitor["sm-visitor=".Length..visitor.IndexOf(';', StringComparison.Ordinal)];
        var session = await RecordSessionAsync("Lunch break stretch", userId: null, browserKey);
        await _app.Services.GetRequiredService<SafetyStore>().SaveScreeningAsync(
            new Visitor(browserKey), ScreeningReason.FirstSession, Enum.GetValues<RedFlag>().ToDictionary(f => f, _ => (bool?)false));

        using var response = await browser.SignInAsync(_aliceEmail, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = _app.CreateDbContext();
        Assert.Equal(_alice, await db.CompletedSessions.Where(s => s.RunId == session).Select(s => s.UserId).SingleAsync());
        Assert.Equal(_alice, await db.SessionRuns.Where(r => r.Id == session).Select(r => r.UserId).SingleAsync());
        Assert.Contains("Lunch break stretch", await browser.GetStringAsync("/progress"), StringComparison.Ordinal);

        // The safety answers given on this browser come along too: no second screening before the next session.
        Assert.Equal(_alice, await db.SafetyScreenings.Where(s => s.BrowserKey == browserKey).Select(s => s.UserId).SingleAsync());
        Assert.Equal(ScreeningNeed.None, await _app.Services.GetRequiredService<SafetyStore>().NeedAsync(new Visitor(browserKey, _alice)));
    }

    [Fact]
    public async Task Deleting_an_account_removes_all_its_data_and_nothing_of_anyone_elses()
    {
        await RecordSessionAsync("Alice's routine", _alice);
        await RecordSessionAsync("Bob's routine", _bob);
        var settings = _app.Services.GetRequiredService<SettingsStore>();
        await settings.GetAsync(_alice);
        await settings.AddPauseAsync(_alice, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 5), "flu");
        var aliceRun = await RecordSessionAsync("Alice's sore one", _alice);
        var safety = _app.Services.GetRequiredService<SafetyStore>();
        await safety.SaveScreeningAsync(new Visitor(RecordedSessions.AnyBrowser, _alice), ScreeningReason.FirstSession, Enum.GetValues<RedFlag>().ToDictionary(f => f, _ => (bool?)false));
        await safety.ReportPainAsync(new PainReport { RunId = aliceRun, ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 5, Area = BodyArea.LowerBack });
        await using (var setup = _app.CreateDbContext())
        {
            setup.SideReports.Add(new SideReport { RunId = aliceRun, BlockIndex = 0, ExerciseSlug = "pigeon-pose", Tighter = TighterSide.Left });
            await setup.SaveChangesAsync();
        }

        using var alice = await _app.SignedInClientAsync(_aliceEmail, Password);

        using var wrong = await alice.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-account", new() { ["Input.Password"] = "not-it" });
        Assert.Contains("nothing was deleted", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var response = await alice.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-account", new() { ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = _app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Id == _alice));
        Assert.False(await db.CompletedSessions.AnyAsync(s => s.UserId == _alice));
        Assert.False(await db.SessionRuns.AnyAsync(r => r.UserId == _alice));
        Assert.False(await db.Set<CompletedExercise>().AnyAsync(e => !db.CompletedSessions.Any(s => s.Id == e.CompletedSessionId)));
        Assert.False(await db.UserSettings.AnyAsync(s => s.UserId == _alice));
        Assert.False(await db.Pauses.AnyAsync(p => p.UserId == _alice));
        Assert.False(await db.SafetyScreenings.AnyAsync(s => s.UserId == _alice));
        Assert.False(await db.PainReports.AnyAsync(p => p.RunId == aliceRun));
        Assert.False(await db.SideReports.AnyAsync(s => s.RunId == aliceRun));
        Assert.Equal("Bob's routine", await db.CompletedSessions.Where(s => s.UserId == _bob).Select(s => s.Title).SingleAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
