using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Programs;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Programs;

/// <summary>
/// A user's own exercise shows in their routines and in the routines they share, and nowhere else: not in the
/// catalog, its search, its pages or the API, not to a stranger or another signed-in user, not after the link is
/// revoked, and not after the account is gone. Each negative check has its positive control beside it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OwnExercisePrivacyTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Password = "Stretch-2026!";
    private readonly string _coachEmail = $"coach-{Guid.NewGuid():N}@example.com";
    private readonly string _otherEmail = $"other-{Guid.NewGuid():N}@example.com";
    private readonly SpineMobilityApp _app = fixture.App;

    // Unique per test, so nothing another test wrote can make a check pass or fail.
    private readonly string _name = $"Wall angels {Guid.NewGuid().ToString("N")[..6]}";
    private readonly string _summary = $"Slides the arms up a wall to open the upper back {Guid.NewGuid().ToString("N")[..6]}.";
    private readonly string _caution = $"Keep the lower back on the wall {Guid.NewGuid().ToString("N")[..6]}.";
    private string _coach = "";
    private string _other = "";
    private OwnExerciseStore _own = default!;
    private RoutineStore _routines = default!;

    public async Task InitializeAsync()
    {
        fixture.Clock.Reset(AppFixture.Morning);
        _coach = await _app.CreateUserAsync(_coachEmail, Password);
        _other = await _app.CreateUserAsync(_otherEmail, Password);
        _own = _app.Services.GetRequiredService<OwnExerciseStore>();
        _routines = _app.Services.GetRequiredService<RoutineStore>();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private OwnExerciseForm Form(string? name = null) => new()
    {
        Name = name ?? _name,
        Summary = _summary,
        Regions = [Region.Thoracic],
        Position = StartingPosition.Standing,
        Equipment = Equipment.Wall,
        Directions = [MovementDirection.Extension],
        DoseKind = DoseKind.Reps,
        Reps = "8",
        SecondsPerRep = "4",
        Phases = [SessionPhase.Mobility],
        Intensity = Intensity.Gentle,
        Steps = "Stand with your back against a wall.\nRaise your arms to shoulder height, elbows bent.\nSlide the arms up the wall and back down.",
        Cues = "Move slowly.\nBreathe out as the arms rise.",
        Cautions = _caution,
    };

    private async Task<string> OwnExerciseAsync(string? name = null)
    {
        var (key, problems) = await _own.SaveAsync(_coach, null, Form(name));
        Assert.Empty(problems);
        return key!;
    }

    private static IReadOnlyList<RoutineBlock> Blocks(string key, string name) =>
    [
        new(SessionPhase.Mobility, "cat-cow", "Cat-cow", false, DoseKind.Reps, 40, 8, 5, 5),
        new(SessionPhase.Mobility, key, name, false, DoseKind.Reps, 32, 8, 4, 10),
    ];

    private async Task<(Guid Routine, string Token)> SharedRoutineAsync(string key)
    {
        var (id, problems) = await _routines.SaveAsync(_coach, "Upper-back routine", null, Blocks(key, _name));
        Assert.Empty(problems);
        var (token, _) = await _routines.ShareAsync(_coach, id!.Value, "Sam (physio)");
        return (id.Value, token!);
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_catalog_its_search_its_pages_and_the_api_never_show_an_own_exercise()
    {
        var key = await OwnExerciseAsync();
        await SharedRoutineAsync(key);
        using var anonymous = _app.CreateClient();
        using var owner = await _app.SignedInClientAsync(_coachEmail, Password);

        foreach (var client in new[] { anonymous, owner })
        {
            foreach (var path in new[] { "/", "/exercises", $"/exercises?q={Uri.EscapeDataString(_name)}", "/exercises?q=wall", "/exercises?region=thoracic", "/api/exercises", $"/api/exercises?q={Uri.EscapeDataString(_name)}", "/api/exercises?q=wall", "/robots.txt", "/sitemap.xml" })
            {
                var (_, html) = await GetAsync(client, path);

                // A search page repeats what was searched for, so its results are judged by the exercise's other texts.
                if (!path.Contains(Uri.EscapeDataString(_name), StringComparison.Ordinal))
                {
                    Assert.DoesNotContain(_name, html, StringComparison.Ordinal);
                }

                Assert.DoesNotContain(_summary, html, StringComparison.Ordinal);
                Assert.DoesNotContain(_caution, html, StringComparison.Ordinal);
                Assert.DoesNotContain(key, html, StringComparison.Ordinal);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, $"/exercises/{key}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, $"/api/exercises/{key}")).Status);
        }

        // The positive control: the catalog itself answers, and the owner sees the exercise where it belongs.
        Assert.Contains("Cat-cow", (await GetAsync(anonymous, "/api/exercises?q=cat")).Html, StringComparison.Ordinal);
        Assert.Contains(_name, (await GetAsync(owner, "/routines/exercises")).Html, StringComparison.Ordinal);
        Assert.Contains(_caution, (await GetAsync(owner, $"/routines/exercises/{key}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_signed_in_user_and_a_stranger_see_nothing_of_it_even_with_its_key()
    {
        var key = await OwnExerciseAsync();
        var (routine, _) = await SharedRoutineAsync(key);
        using var anonymous = _app.CreateClient();
        using var other = await _app.SignedInClientAsync(_otherEmail, Password);
        using var owner = await _app.SignedInClientAsync(_coachEmail, Password);
        var plan = PlanCode.Encode(Blocks(key, _name));

        foreach (var client in new[] { anonymous, other })
        {
            foreach (var path in new[] { "/routines/exercises", $"/routines/exercises/{key}", $"/routines/{routine}", $"/routines/{routine}/handout", $"/session?plan={plan}", "/routines" })
            {
                var (status, html) = await GetAsync(client, path);
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {status}");
                Assert.DoesNotContain(_name, html, StringComparison.Ordinal);
                Assert.DoesNotContain(_caution, html, StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(other, $"/routines/exercises/{key}")).Status);
        Assert.Null(await _own.GetAsync(_other, key));
        Assert.Empty(await _own.ListAsync(_other));
        Assert.Null((await _own.SaveAsync(_other, key, Form("Hijacked"))).Key);
        Assert.False((await _own.DeleteAsync(_other, key)).Found);
        Assert.Empty((await _own.ForBuilderAsync(_other)).All);

        // Another user's plan naming the key gets what any unknown name gets; the owner's plan has the exercise.
        var (_, otherPlan) = await GetAsync(other, $"/session?plan={plan}");
        Assert.Contains("which is not an exercise here", otherPlan, StringComparison.Ordinal);
        var (_, ownerPlan) = await GetAsync(owner, $"/session?plan={plan}");
        Assert.Contains(_name, ownerPlan, StringComparison.Ordinal);
        Assert.Contains(_name, (await GetAsync(owner, $"/routines/{routine}")).Html, StringComparison.Ordinal);
        Assert.Equal(_name, (await _own.GetAsync(_coach, key))!.Name);
    }

    [Fact]
    public async Task A_link_holder_sees_it_with_the_neutral_drawing_its_steps_and_cautions_only_while_the_link_works()
    {
        var key = await OwnExerciseAsync();
        var (routine, token) = await SharedRoutineAsync(key);
        using var anonymous = _app.CreateClient();

        var (status, html) = await GetAsync(anonymous, $"/r/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(_name, html, StringComparison.Ordinal);
        Assert.Contains(_caution, html, StringComparison.Ordinal);
        Assert.Contains("Slide the arms up the wall and back down.", html, StringComparison.Ordinal);
        Assert.Contains("img/no-picture", html, StringComparison.Ordinal);
        Assert.Contains(Illustration.NoPictureAlt, html, StringComparison.Ordinal);
        Assert.Contains("stop if you feel sharp pain", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(_name, (await GetAsync(anonymous, $"/r/{token}/handout")).Html, StringComparison.Ordinal);

        // The drawing it links is served.
        using var drawing = await anonymous.GetAsync("/" + Illustration.NoPictureFile);
        Assert.Equal(HttpStatusCode.OK, drawing.StatusCode);
        Assert.Equal("image/svg+xml", drawing.Content.Headers.ContentType?.MediaType);

        // The link holder reads the exercise only through the routine: its own address stays closed to them.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(anonymous, $"/exercises/{key}")).Status);
        Assert.DoesNotContain(_name, (await GetAsync(anonymous, $"/routines/exercises/{key}")).Html, StringComparison.Ordinal);

        Assert.True(await _routines.RevokeAsync(_coach, routine));
        foreach (var path in new[] { $"/r/{token}", $"/r/{token}/handout" })
        {
            var (after, afterHtml) = await GetAsync(anonymous, path);
            Assert.Equal(HttpStatusCode.NotFound, after);
            Assert.DoesNotContain(_name, afterHtml, StringComparison.Ordinal);
            Assert.DoesNotContain(_caution, afterHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_session_started_from_the_link_plays_it_with_its_cautions_even_after_its_owner_deletes_it()
    {
        var key = await OwnExerciseAsync();
        var (routine, token) = await SharedRoutineAsync(key);
        var shared = (await _routines.ByTokenAsync(token))!;
        var exercises = await _routines.ExercisesAsync(shared.Id, shared.Blocks);
        Assert.Equal(_caution, Assert.Single(exercises[key].Cautions));
        Assert.True(exercises[key].Illustration.IsNoPicture);

        var runs = _app.Services.GetRequiredService<SessionRuns>();
        var visitor = new Visitor(Guid.NewGuid().ToString("N"));
        var run = await runs.StartAsync(new Routine(new RoutineRequest(10, [], Level.Standard, false, 1), shared.Blocks), shared.Name, visitor, "Europe/Berlin", ownExercises: exercises.Values);

        Assert.True(await _routines.DeleteAsync(_coach, routine));
        Assert.True((await _own.DeleteAsync(_coach, key)).Found);
        await using (var db = _app.CreateDbContext())
        {
            Assert.False(await db.OwnExercises.AnyAsync(e => e.Key == key), "an exercise no routine uses goes for good");
        }

        await using var lease = await runs.OpenAsync(run, visitor);
        var played = lease!.Session.Exercises[key];
        Assert.Equal(_name, played.Name);
        Assert.Equal(_caution, Assert.Single(played.Cautions));
        Assert.Equal(3, played.Steps.Count);
    }

    [Fact]
    public async Task Editing_shows_in_its_routines_and_deleting_one_in_use_keeps_it_playable_there_until_the_routine_goes()
    {
        var key = await OwnExerciseAsync();
        var (routine, token) = await SharedRoutineAsync(key);
        var edited = Form($"{_name} (slow)");
        var (same, problems) = await _own.SaveAsync(_coach, key, edited);
        Assert.Empty(problems);
        Assert.Equal(key, same);
        var shared = (await _routines.ByTokenAsync(token))!;
        Assert.Equal($"{_name} (slow)", (await _routines.ExercisesAsync(shared.Id, shared.Blocks))[key].Name);

        var deletion = await _own.DeleteAsync(_coach, key);
        Assert.Equal(["Upper-back routine"], deletion.KeptFor);
        Assert.DoesNotContain(await _own.ListAsync(_coach), e => e.Key == key);
        Assert.Null(await _own.GetAsync(_coach, key));
        var kept = (await _routines.ExercisesAsync(shared.Id, shared.Blocks))[key];
        Assert.Equal(_caution, Assert.Single(kept.Cautions));
        using var anonymous = _app.CreateClient();
        Assert.Contains(_caution, (await GetAsync(anonymous, $"/r/{token}")).Html, StringComparison.Ordinal);

        // Taking it out of its last routine lets it go.
        Assert.Empty(await _routines.UpdateAsync(_coach, routine, r => r.Blocks = [.. r.Blocks.Where(b => b.Slug != key)]));
        await using var db = _app.CreateDbContext();
        Assert.False(await db.OwnExercises.AnyAsync(e => e.Key == key));
    }

    [Fact]
    public async Task Keeping_a_shared_routine_copies_its_own_exercises_into_the_keepers_account()
    {
        var key = await OwnExerciseAsync();
        var (_, token) = await SharedRoutineAsync(key);
        var (keptId, problems) = await _routines.KeepAsync(_other, token);
        Assert.Empty(problems);

        var kept = (await _routines.GetAsync(_other, keptId!.Value))!;
        var copyKey = kept.Blocks.Single(b => OwnExerciseKey.IsKey(b.Slug)).Slug;
        Assert.NotEqual(key, copyKey);
        Assert.Equal(_name, (await _own.GetAsync(_other, copyKey))!.Name);
        Assert.Null(await _own.GetAsync(_coach, copyKey));

        // The sender's later deletion leaves the keeper's copy alone.
        using var coach = await _app.SignedInClientAsync(_coachEmail, Password);
        using var deleted = await coach.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-account", new() { ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(_caution, Assert.Single((await _routines.ExercisesAsync(keptId.Value, kept.Blocks))[copyKey].Cautions));
    }

    [Fact]
    public async Task Deleting_the_account_removes_its_own_exercises_and_the_link_shows_nothing()
    {
        var key = await OwnExerciseAsync();
        var unused = await OwnExerciseAsync($"{_name} unused");
        var (_, token) = await SharedRoutineAsync(key);
        using var anonymous = _app.CreateClient();
        Assert.Contains(_name, (await GetAsync(anonymous, $"/r/{token}")).Html, StringComparison.Ordinal);

        using var coach = await _app.SignedInClientAsync(_coachEmail, Password);
        using var deleted = await coach.PostFormAsync("/Account/Manage/DeletePersonalData", "delete-account", new() { ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        await using var db = _app.CreateDbContext();
        Assert.False(await db.OwnExercises.AnyAsync(e => e.Key == key || e.Key == unused || e.UserId == _coach));
        var (status, html) = await GetAsync(anonymous, $"/r/{token}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain(_name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_has_the_users_own_exercises_in_the_catalogs_format_and_nobody_elses()
    {
        var key = await OwnExerciseAsync();
        using var coach = await _app.SignedInClientAsync(_coachEmail, Password);
        using var export = JsonDocument.Parse(await coach.GetStringAsync("/account/export.json"));
        var own = Assert.Single(export.RootElement.GetProperty("routinesAndPrograms").GetProperty("ownExercises").EnumerateArray());
        Assert.Equal(key, own.GetProperty("key").GetString());
        var exercise = own.GetProperty("exercise");
        Assert.Equal(_name, exercise.GetProperty("name").GetString());
        Assert.Equal(_caution, exercise.GetProperty("cautions")[0].GetString());
        Assert.Equal("reps", exercise.GetProperty("dose").GetProperty("kind").GetString());

        using var other = await _app.SignedInClientAsync(_otherEmail, Password);
        var otherExport = await other.GetStringAsync("/account/export.json");
        Assert.DoesNotContain(_name, otherExport, StringComparison.Ordinal);
    }
}
