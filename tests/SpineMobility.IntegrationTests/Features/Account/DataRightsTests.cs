using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Features.Settings;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Account;

/// <summary>Downloading one's data, signed in through the real form: all of one's own, none of anyone else's.</summary>
[Collection(AppCollection.Name)]
public sealed class DataRightsTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Password = "Export-test-1";
    private readonly string _aliceEmail = $"alice-{Guid.NewGuid():N}@example.com";
    private readonly string _bobEmail = $"bob-{Guid.NewGuid():N}@example.com";
    private readonly string _aliceToken = $"Alice{Guid.NewGuid():N}_-1";
    private readonly string _bobToken = $"Bob{Guid.NewGuid():N}_-12";

    private readonly TestClock _time = fixture.Clock;
    private readonly SpineMobilityApp _app = fixture.App;
    private string _aliceId = default!;
    private string _bobId = default!;
    private Guid _aliceRun;
    private Guid _bobRun;
    private Exercise _exercise = default!;

    public async Task InitializeAsync()
    {
        // 23:50 UTC on 26 November: already the 27th in Tokyo, still the 26th in New York.
        _time.Reset(new DateTimeOffset(2026, 11, 26, 23, 50, 0, TimeSpan.Zero));
        _aliceId = await _app.CreateUserAsync(_aliceEmail, Password);
        _bobId = await _app.CreateUserAsync(_bobEmail, Password);

        await using var db = _app.CreateDbContext();
        _exercise = await db.Exercises.AsNoTracking().SingleAsync(e => e.Slug == "cat-cow");
        db.UserSettings.AddRange(
            new UserSettings { UserId = _aliceId, CalendarToken = _aliceToken, TimeZone = "Asia/Tokyo", ReminderDays = [DayOfWeek.Monday] },
            new UserSettings { UserId = _bobId, CalendarToken = _bobToken, TimeZone = "America/New_York" });
        db.Pauses.AddRange(
            new PauseEntry { UserId = _aliceId, Start = new(2026, 10, 1), End = new(2026, 10, 3), Note = "Alice's flare-up" },
            new PauseEntry { UserId = _bobId, Start = new(2026, 10, 5), End = new(2026, 10, 6), Note = "Bob's cold" });
        db.StreakRuleChanges.Add(new StreakRuleChange { UserId = _aliceId, EffectiveFrom = new(2026, 11, 1), DailyMinimumMinutes = 10, RestDaysPerWeek = 2, WeekStart = DayOfWeek.Sunday });
        await db.SaveChangesAsync();

        _aliceRun = await AddSessionAsync(_aliceId, "Alice's neck reset", "Asia/Tokyo");
        _bobRun = await AddSessionAsync(_bobId, "Bob's back routine", "America/New_York");
    }

    private Task<Guid> AddSessionAsync(string userId, string title, string zone, bool completed = true) =>
        _app.RecordSessionAsync(userId, title, _time.GetUtcNow().AddHours(-1), zone, completed: completed);

    private async Task<(HttpResponseMessage Response, string Body)> ExportAsync(string email, string format)
    {
        using var client = await _app.SignedInClientAsync(email, Password);
        var response = await client.GetAsync($"/account/export.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> ExportJsonAsync(string email)
    {
        var (_, body) = await ExportAsync(email, "json");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<string?> Strings(JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetString())];

    private static List<string?> Texts(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];

    [Fact]
    public async Task Each_user_exports_their_own_sessions_and_nobody_elses()
    {
        var alice = await ExportJsonAsync(_aliceEmail);
        var bob = await ExportJsonAsync(_bobEmail);

        Assert.Equal([_aliceRun.ToString()], Strings(alice.GetProperty("sessions"), "id"));
        Assert.Equal(["Alice's neck reset"], Strings(alice.GetProperty("sessions"), "title"));
        Assert.Equal(["Alice's flare-up"], Strings(alice.GetProperty("pauses"), "note"));
        Assert.Equal(_aliceEmail, alice.GetProperty("account").GetProperty("email").GetString());

        Assert.Equal([_bobRun.ToString()], Strings(bob.GetProperty("sessions"), "id"));
        Assert.Equal(["Bob's cold"], Strings(bob.GetProperty("pauses"), "note"));
        Assert.Empty(bob.GetProperty("streakRules").EnumerateArray());
        Assert.DoesNotContain("Alice", bob.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_is_exported_with_its_exercises_and_check_ins()
    {
        var session = Assert.Single((await ExportJsonAsync(_aliceEmail)).GetProperty("sessions").EnumerateArray());

        Assert.Equal("2026-11-27", session.GetProperty("localDate").GetString());
        Assert.Equal("Asia/Tokyo", session.GetProperty("timeZone").GetString());
        Assert.Equal(570, session.GetProperty("activeSeconds").GetInt32());
        Assert.True(session.GetProperty("finished").GetBoolean());
        var exercise = Assert.Single(session.GetProperty("exercises").EnumerateArray());
        Assert.Equal(_exercise.Slug, exercise.GetProperty("slug").GetString());
        Assert.Equal(_exercise.Name, exercise.GetProperty("name").GetString());
        Assert.Equal("mobility", exercise.GetProperty("phase").GetString());
        Assert.Equal(90, exercise.GetProperty("seconds").GetInt32());
        Assert.Equal(7, session.GetProperty("before").GetProperty("stiffness").GetInt32());
        Assert.Equal(["neck"], Texts(session.GetProperty("before").GetProperty("areas")));
        Assert.Equal(1, session.GetProperty("after").GetProperty("pain").GetInt32());
    }

    [Fact]
    public async Task Settings_streak_rules_and_unfinished_sessions_are_exported_too()
    {
        var unfinished = await AddSessionAsync(_aliceId, "Alice's interrupted one", "Asia/Tokyo", completed: false);

        var alice = await ExportJsonAsync(_aliceEmail);

        var settings = alice.GetProperty("settings");
        Assert.Equal("Asia/Tokyo", settings.GetProperty("timeZone").GetString());
        Assert.Equal(["monday"], Texts(settings.GetProperty("reminderDays")));
        Assert.True(settings.GetProperty("calendarFeedEnabled").GetBoolean());
        var rule = Assert.Single(alice.GetProperty("streakRules").EnumerateArray());
        Assert.Equal("2026-11-01", rule.GetProperty("effectiveFrom").GetString());
        Assert.Equal("sunday", rule.GetProperty("weekStart").GetString());
        var interrupted = Assert.Single(alice.GetProperty("unfinishedSessions").EnumerateArray());
        Assert.Equal(unfinished.ToString(), interrupted.GetProperty("id").GetString());
        Assert.Equal(7, interrupted.GetProperty("before").GetProperty("stiffness").GetInt32());
    }

    [Fact]
    public async Task Safety_answers_pain_reports_and_side_answers_are_exported_with_their_sessions()
    {
        var safety = _app.Services.GetRequiredService<SafetyStore>();
        var answers = Enum.GetValues<RedFlag>().ToDictionary(f => f, f => (bool?)(f == RedFlag.FallOrAccident));
        await safety.SaveScreeningAsync(new Visitor(RecordedSessions.AnyBrowser, _aliceId), ScreeningReason.FirstSession, answers);
        await safety.SaveScreeningAsync(new Visitor(RecordedSessions.AnyBrowser, _bobId), ScreeningReason.FirstSession, answers);
        await safety.ReportPainAsync(new PainReport { RunId = _aliceRun, ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 6, Area = BodyArea.LowerBack });
        await safety.ReportPainAsync(new PainReport { RunId = _bobRun, ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 2, Area = BodyArea.Neck });
        await using (var db = _app.CreateDbContext())
        {
            db.SideReports.Add(new SideReport { RunId = _aliceRun, BlockIndex = 2, ExerciseSlug = "pigeon-pose", Tighter = TighterSide.Right, LocalDate = new(2026, 11, 27) });
            await db.SaveChangesAsync();
        }

        var alice = await ExportJsonAsync(_aliceEmail);

        var screening = Assert.Single(alice.GetProperty("safetyScreenings").EnumerateArray());
        Assert.Equal("see-professional", screening.GetProperty("result").GetString());
        Assert.Equal(["fall-or-accident"], Texts(screening.GetProperty("yesTo")));
        var pain = Assert.Single(alice.GetProperty("painReports").EnumerateArray());
        Assert.Equal(6, pain.GetProperty("pain").GetInt32());
        Assert.Equal("lower-back", pain.GetProperty("area").GetString());
        Assert.Equal(_aliceRun.ToString(), pain.GetProperty("runId").GetString());
        var side = Assert.Single(alice.GetProperty("sideReports").EnumerateArray());
        Assert.Equal(("pigeon-pose", "right"), (side.GetProperty("exerciseSlug").GetString(), side.GetProperty("tighter").GetString()));
    }

    [Fact]
    public async Task The_JSON_export_never_contains_the_calendar_token()
    {
        var (_, body) = await ExportAsync(_aliceEmail, "json");

        Assert.Contains("Alice's neck reset", body, StringComparison.Ordinal);
        Assert.DoesNotContain(_aliceToken, body, StringComparison.Ordinal);
        Assert.DoesNotContain("calendarToken", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_JSON_export_is_a_download_named_for_the_users_local_date()
    {
        var (alice, _) = await ExportAsync(_aliceEmail, "json");
        var (bob, _) = await ExportAsync(_bobEmail, "json");

        Assert.Equal("application/json", alice.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", alice.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("spinemobility-export-2026-11-27.json", alice.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("spinemobility-export-2026-11-26.json", bob.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(alice.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_CSV_export_has_the_header_and_one_row_per_session_of_the_user()
    {
        await AddSessionAsync(_aliceId, "=cmd|' /C calc'!A0", "Asia/Tokyo");

        var (response, body) = await ExportAsync(_aliceEmail, "csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("spinemobility-sessions-2026-11-27.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "local_date,time_zone,finished_at_utc,title,active_minutes,planned_minutes,finished,exercises," +
            "stiffness_before,pain_before,areas_before,stiffness_after,pain_after,areas_after",
            lines[0].TrimStart('\uFEFF'));
        Assert.Equal(3, lines.Length);
        Assert.Equal($"2026-11-27,Asia/Tokyo,2026-11-26T22:50:00Z,Alice's neck reset,9.5,10.0,true,{_exercise.Name},7,,Neck,4,1,", lines[1]);
        Assert.StartsWith("2026-11-27,Asia/Tokyo,2026-11-26T22:50:00Z,'=cmd|' /C calc'!A0,", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/export.json")]
    [InlineData("/account/export.csv")]
    public async Task Signed_out_requests_are_sent_to_sign_in_and_get_no_data(string path)
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.IsAbsoluteUri == true ? response.Headers.Location.AbsolutePath : response.Headers.Location?.OriginalString.Split('?')[0]);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Alice", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", body, StringComparison.Ordinal);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
