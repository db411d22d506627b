using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Programs;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Programs;

/// <summary>
/// Who sees what of a routine and a program: per page and endpoint, a stranger without the link sees nothing, a
/// link holder the routine only, the sender a follower's program only while they share it, and nobody anything
/// after revocation or deletion.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ProgramPrivacyTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Password = "Stretch-2026!";
    private readonly string _coachEmail = $"coach-{Guid.NewGuid():N}@example.com";
    private readonly string _personEmail = $"person-{Guid.NewGuid():N}@example.com";
    private readonly string _strangerEmail = $"stranger-{Guid.NewGuid():N}@example.com";
    private readonly SpineMobilityApp _app = fixture.App;
    private string _coach = "";
    private string _person = "";
    private RoutineStore _routines = default!;
    private ProgramStore _programs = default!;

    // Monday of the program's first week, Berlin time.
    private static readonly DateOnly Start = new(2026, 11, 23);

    public async Task InitializeAsync()
    {
        fixture.Clock.Reset(AppFixture.Morning);
        _coach = await _app.CreateUserAsync(_coachEmail, Password);
        _person = await _app.CreateUserAsync(_personEmail, Password);
        await _app.CreateUserAsync(_strangerEmail, Password);
        _routines = _app.Services.GetRequiredService<RoutineStore>();
        _programs = _app.Services.GetRequiredService<ProgramStore>();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static IReadOnlyList<RoutineBlock> Blocks(string name = "Cat-cow") =>
    [
        new(SessionPhase.Mobility, "cat-cow", name, false, DoseKind.Reps, 40, 8, 5, 5),
        new(SessionPhase.Flexibility, "childs-pose", "Child's pose", false, DoseKind.Hold, 45, null, null, 10),
    ];

    private async Task<(Guid Routine, string Token)> SharedRoutineAsync(string name = "Lower-back program")
    {
        var (id, problems) = await _routines.SaveAsync(_coach, name, "Keep the movement small on the left side", Blocks());
        Assert.Empty(problems);
        Assert.Empty(await _routines.UpdateAsync(_coach, id!.Value, r => r.Schedule = new ProgramSchedule(Start, 4, 0, [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday])));
        var (token, shareProblems) = await _routines.ShareAsync(_coach, id.Value, "Sam (physio)");
        Assert.Empty(shareProblems);
        return (id.Value, token!);
    }

    /// <summary>The person follows, sharing as "Robin", and does one session of the program with a pain report of 8.</summary>
    private async Task<(Guid Follow, Guid Run)> FollowWithSessionAsync(Guid routine, bool share = true)
    {
        var (follow, problems) = await _programs.FollowAsync(_person, routine, new ProgramSchedule(Start, 4, 0, [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday]), share, share ? "Robin" : null);
        Assert.Empty(problems);
        var run = await _app.RecordSessionAsync(_person, "Lower-back program", fixture.Clock.GetUtcNow().AddHours(-1));
        Assert.True(await _programs.AddRunAsync(_person, follow!.Value, run));
        await _app.Services.GetRequiredService<SafetyStore>().ReportPainAsync(new PainReport
        {
            RunId = run, ReportedAt = fixture.Clock.GetUtcNow().AddHours(-1), ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 8, Area = BodyArea.LowerBack, Choice = PainChoice.EndSession,
        });
        return (follow.Value, run);
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_share_link_is_a_long_random_token_and_a_new_one_replaces_the_old()
    {
        var (routine, token) = await SharedRoutineAsync();
        Assert.Equal(43, token.Length);
        var (again, _) = await _routines.ShareAsync(_coach, routine, "Sam (physio)");
        Assert.NotEqual(token, again);

        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, $"/r/{token}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(anonymous, $"/r/{again}")).Status);
    }

    [Fact]
    public async Task A_stranger_without_the_link_sees_nothing_on_any_page()
    {
        var (routine, token) = await SharedRoutineAsync("Stranger-proof routine");
        var (follow, _) = await FollowWithSessionAsync(routine);
        using var anonymous = _app.CreateClient();
        using var stranger = await _app.SignedInClientAsync(_strangerEmail, Password);

        var guessed = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        foreach (var path in new[] { $"/r/{guessed}", $"/r/{guessed}/handout", "/r/not-a-token", $"/r/{new string('a', 43)}" })
        {
            var (status, html) = await GetAsync(anonymous, path);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.DoesNotContain("Stranger-proof routine", html, StringComparison.Ordinal);
        }

        foreach (var client in new[] { anonymous, stranger })
        {
            foreach (var path in new[] { $"/routines/{routine}", $"/routines/{routine}/handout", $"/programs/{follow}", $"/programs/people/{follow}", "/routines", "/programs", "/programs/people", "/" })
            {
                var (status, html) = await GetAsync(client, path);
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {status}");
                Assert.DoesNotContain("Stranger-proof routine", html, StringComparison.Ordinal);
                Assert.DoesNotContain("Robin", html, StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(stranger, $"/routines/{routine}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(stranger, $"/routines/{routine}/handout")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(stranger, $"/programs/people/{follow}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(stranger, $"/programs/{follow}")).Status);
    }

    [Fact]
    public async Task A_link_holder_sees_the_routine_its_note_and_the_safety_line_and_nothing_of_its_sender_or_followers()
    {
        var (routine, token) = await SharedRoutineAsync();
        await FollowWithSessionAsync(routine);
        using var anonymous = _app.CreateClient();

        foreach (var path in new[] { $"/r/{token}", $"/r/{token}/handout" })
        {
            var (status, html) = await GetAsync(anonymous, path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Lower-back program", html, StringComparison.Ordinal);
            Assert.Contains("Keep the movement small on the left side", html, StringComparison.Ordinal);
            Assert.Contains("Sam (physio)", html, StringComparison.Ordinal);
            Assert.Contains("Cat-cow", html, StringComparison.Ordinal);
            Assert.Contains("stop if you feel sharp pain", html, StringComparison.Ordinal);
            Assert.Contains("Mon, Wed, Fri for 4 weeks", html, StringComparison.Ordinal);
            Assert.DoesNotContain(_coachEmail, html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Robin", html, StringComparison.Ordinal);
            Assert.DoesNotContain(routine.ToString(), html, StringComparison.OrdinalIgnoreCase);
        }

        // The link opens the routine, not the sender's pages.
        Assert.DoesNotContain("Keep the movement small", (await GetAsync(anonymous, $"/routines/{routine}/handout")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Keep the movement small", (await GetAsync(anonymous, $"/routines/{routine}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_revocation_nobody_sees_the_routine_by_its_link_and_it_cannot_be_kept_or_followed()
    {
        var (routine, token) = await SharedRoutineAsync();
        Assert.True(await _routines.RevokeAsync(_coach, routine));
        using var anonymous = _app.CreateClient();
        using var person = await _app.SignedInClientAsync(_personEmail, Password);

        foreach (var client in new[] { anonymous, person })
        {
            foreach (var path in new[] { $"/r/{token}", $"/r/{token}/handout" })
            {
                var (status, html) = await GetAsync(client, path);
                Assert.Equal(HttpStatusCode.NotFound, status);
                Assert.DoesNotContain("Lower-back program", html, StringComparison.Ordinal);
            }
        }

        Assert.Null(await _routines.ByTokenAsync(token));
        Assert.False(await _routines.IsLiveAsync(token));
        Assert.Null((await _routines.KeepAsync(_person, token)).Id);
        var (follow, problems) = await _programs.FollowAsync(_person, routine, new ProgramSchedule(Start, 4, 3, []), false, null);
        Assert.Null(follow);
        Assert.Equal(["This routine is no longer shared."], problems);
    }

    [Fact]
    public async Task Only_the_chosen_sender_sees_shared_progress_and_only_of_that_program()
    {
        var (routine, _) = await SharedRoutineAsync();
        var (follow, _) = await FollowWithSessionAsync(routine);

        // A session outside the program stays private.
        await _app.RecordSessionAsync(_person, "My secret evening stretch", fixture.Clock.GetUtcNow().AddHours(-2));

        using var coach = await _app.SignedInClientAsync(_coachEmail, Password);
        using var stranger = await _app.SignedInClientAsync(_strangerEmail, Password);
        using var person = await _app.SignedInClientAsync(_personEmail, Password);

        var (listStatus, list) = await GetAsync(coach, "/programs/people");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("Robin", list, StringComparison.Ordinal);
        Assert.Contains("Pain 7+", list, StringComparison.Ordinal);
        Assert.DoesNotContain(_personEmail, list, StringComparison.OrdinalIgnoreCase);

        var (status, page) = await GetAsync(coach, $"/programs/people/{follow}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Lower-back program · week 1 of 4", page, StringComparison.Ordinal);
        Assert.Contains("pain 8/10, lower back, ended the session", page, StringComparison.Ordinal);
        Assert.DoesNotContain("My secret evening stretch", page, StringComparison.Ordinal);
        Assert.DoesNotContain(_personEmail, page, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(stranger, $"/programs/people/{follow}")).Status);
        Assert.DoesNotContain("Robin", (await GetAsync(stranger, "/programs/people")).Html, StringComparison.Ordinal);

        // The follower reaches their program as theirs, never through the sender's page.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(person, $"/programs/people/{follow}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(person, $"/programs/{follow}")).Status);
    }

    [Fact]
    public async Task Without_consent_the_sender_sees_nothing_and_stopping_sharing_takes_effect_at_once()
    {
        var (routine, _) = await SharedRoutineAsync();
        var (quiet, _) = await FollowWithSessionAsync(routine, share: false);
        using var coach = await _app.SignedInClientAsync(_coachEmail, Password);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(coach, $"/programs/people/{quiet}")).Status);
        Assert.Contains("Nobody shares their progress with you yet", (await GetAsync(coach, "/programs/people")).Html, StringComparison.Ordinal);

        Assert.Empty(await _programs.SetSharingAsync(_person, quiet, true, "Robin"));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(coach, $"/programs/people/{quiet}")).Status);

        Assert.Empty(await _programs.SetSharingAsync(_person, quiet, false, null));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(coach, $"/programs/people/{quiet}")).Status);
        Assert.DoesNotContain("Robin", (await GetAsync(coach, "/programs/people")).Html, StringComparison.Ordinal);
        Assert.False(await _programs.IsSharedWithAsync(_coach, quiet));

        var follow = await _programs.GetAsync(_person, quiet);
        Assert.Equal([true, false], follow!.SharingChoices.Select(c => c.Sharing));
        Assert.All(follow.SharingChoices, c => Assert.Equal(fixture.Clock.GetUtcNow(), c.At));
    }

    [Fact]
    public async Task Stopping_a_program_stops_sharing_it()
    {
        var (routine, _) = await SharedRoutineAsync();
        var (follow, _) = await FollowWithSessionAsync(routine);
        Assert.True(await _programs.StopAsync(_person, follow));
        Assert.False(await _programs.IsSharedWithAsync(_coach, follow));
        Assert.Equal(["This program is stopped; follow it again to share your progress."], await _programs.SetSharingAsync(_person, follow, true, "Robin"));
    }

    [Fact]
    public async Task Nobody_but_the_owner_can_change_a_routine_or_a_program()
    {
        var (routine, _) = await SharedRoutineAsync();
        var (follow, _) = await FollowWithSessionAsync(routine);
        Assert.NotEmpty(await _routines.UpdateAsync(_person, routine, r => r.Name = "Hijacked"));
        Assert.Null((await _routines.ShareAsync(_person, routine, "Me")).Token);
        Assert.False(await _routines.RevokeAsync(_person, routine));
        Assert.False(await _routines.DeleteAsync(_person, routine));
        Assert.Null(await _routines.DuplicateAsync(_person, routine));
        Assert.NotEmpty(await _programs.SetSharingAsync(_coach, follow, false, null));
        Assert.False(await _programs.StopAsync(_coach, follow));
        Assert.True(await _programs.IsSharedWithAsync(_coach, follow));
        Assert.Equal("Lower-back program", (await _routines.GetAsync(_coach, routine))!.Name);

        // A session of someone else's cannot be counted for a program, nor a session for someone else's program.
        var strangersRun = await _app.RecordSessionAsync(_coach, "Coach's own", fixture.Clock.GetUtcNow());
        Assert.False(await _programs.AddRunAsync(_person, follow, strangersRun));
        Assert.False(await _programs.AddRunAsync(_coach, follow, strangersRun));
    }

    [Fact]
    public async Task Deleting_the_followers_account_removes_their_programs_and_what_they_shared()
    {
        var (routine, _) = await SharedRoutineAsync();
        var (follow, run) = await FollowWithSessionAsync(routine);
        using var person = await _app.SignedInClientAsync(_personEmail, Password);
        using var deleted = await person.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-account", new() { ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        await using var db = _app.CreateDbContext();
        Assert.False(await db.ProgramFollows.AnyAsync(f => f.Id == follow));
        Assert.False(await db.ProgramRuns.AnyAsync(r => r.RunId == run));
        Assert.False(await db.PainReports.AnyAsync(p => p.RunId == run));
        Assert.Empty(await _programs.FollowersAsync(_coach));
        Assert.NotNull(await _routines.GetAsync(_coach, routine));
    }

    [Fact]
    public async Task Deleting_the_senders_account_removes_their_routines_links_and_what_was_shared_with_them()
    {
        var (routine, token) = await SharedRoutineAsync();
        var (follow, run) = await FollowWithSessionAsync(routine);
        using var coach = await _app.SignedInClientAsync(_coachEmail, Password);
        using var deleted = await coach.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-account", new() { ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        await using var db = _app.CreateDbContext();
        Assert.False(await db.SavedRoutines.AnyAsync(r => r.Id == routine));
        Assert.False(await db.ProgramFollows.AnyAsync(f => f.Id == follow));
        Assert.Null(await _routines.ByTokenAsync(token));

        // The follower's own session stays theirs; only the link to the program (and so the sharing) went.
        Assert.True(await db.CompletedSessions.AnyAsync(s => s.RunId == run && s.UserId == _person));
        Assert.False(await db.ProgramRuns.AnyAsync(r => r.RunId == run));
    }

    [Fact]
    public async Task The_export_has_the_routines_the_programs_and_every_sharing_choice_with_its_date()
    {
        var (routine, _) = await SharedRoutineAsync();
        var (follow, run) = await FollowWithSessionAsync(routine);
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await _programs.SetSharingAsync(_person, follow, false, null);

        using var person = await _app.SignedInClientAsync(_personEmail, Password);
        using var export = JsonDocument.Parse(await person.GetStringAsync("/account/export.json"));
        var programs = export.RootElement.GetProperty("routinesAndPrograms").GetProperty("programs");
        var program = Assert.Single(programs.EnumerateArray());
        Assert.Equal("Lower-back program", program.GetProperty("name").GetString());
        Assert.Equal("Sam (physio)", program.GetProperty("from").GetString());
        Assert.False(program.GetProperty("sharingProgressNow").GetBoolean());
        var choices = program.GetProperty("sharingChoices").EnumerateArray().ToList();
        Assert.Equal([true, false], choices.Select(c => c.GetProperty("sharing").GetBoolean()));
        Assert.Equal(AppFixture.Morning, choices[0].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(AppFixture.Morning.AddHours(2), choices[1].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(run, Assert.Single(program.GetProperty("sessionRunIds").EnumerateArray()).GetGuid());

        using var coach = await _app.SignedInClientAsync(_coachEmail, Password);
        using var coachExport = JsonDocument.Parse(await coach.GetStringAsync("/account/export.json"));
        var saved = Assert.Single(coachExport.RootElement.GetProperty("routinesAndPrograms").GetProperty("routines").EnumerateArray());
        Assert.True(saved.GetProperty("sharedByLink").GetBoolean());
        Assert.Equal("Keep the movement small on the left side", saved.GetProperty("note").GetString());
        Assert.Equal(2, saved.GetProperty("exercises").GetArrayLength());
    }
}
