using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Data;

/// <summary>
/// While another process holds the database's write lock, saves give up after a short wait and say so, the
/// player keeps its state, and the health check tells. Once the lock is gone, everything is saved again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DatabaseFailureTests(AppFixture fixture)
{
    // The old behaviour to rule out: Microsoft.Data.Sqlite's 30-second busy wait, then a 500. Not a speed target.
    private static readonly TimeSpan FarLessThanTheOldThirtySeconds = TimeSpan.FromSeconds(15);

    private readonly Visitor _visitor = new(Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task While_another_process_holds_the_write_lock_registering_gives_up_quickly_and_says_nothing_was_saved()
    {
        using var browser = fixture.App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var email = $"waiting-{Guid.NewGuid():N}@example.com";
        await browser.GetAsync("/Account/Register");

        HttpResponseMessage response;
        var watch = Stopwatch.StartNew();
        await using (await fixture.App.Database.HoldWriteLockAsync())
        {
            response = await browser.PostFormAsync("/Account/Register", "register", new()
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "Waiting-2026!",
                ["Input.ConfirmPassword"] = "Waiting-2026!",
            });
        }

        Assert.True(watch.Elapsed < FarLessThanTheOldThirtySeconds, $"registering waited {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(DatabaseUnavailable.Message, await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.RetryAfter);

        // Nothing half-saved: the same address registers once the lock is gone.
        using var again = await browser.PostFormAsync("/Account/Register", "register", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Waiting-2026!",
            ["Input.ConfirmPassword"] = "Waiting-2026!",
        });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task While_another_process_holds_the_write_lock_a_skip_gives_up_quickly_keeps_its_state_and_is_saved_with_the_next_change()
    {
        fixture.Clock.Reset(AppFixture.Morning);
        var runs = fixture.App.Services.GetRequiredService<SessionRuns>();
        var catalog = await fixture.App.Services.GetRequiredService<ExerciseCatalog>().ActiveAsync();
        var id = await runs.StartAsync(RoutineGenerator.Generate(new RoutineRequest(10, [Region.Cervical], Level.Standard, false, 3), catalog), "Locked out", _visitor, "UTC");
        int skippedTo;
        using (var lease = await runs.OpenAsync(id, _visitor))
        {
            var session = lease!.Session;
            var before = session.Clock.State.StepIndex;
            var watch = Stopwatch.StartNew();
            await using (await fixture.App.Database.HoldWriteLockAsync())
            {
                await session.SkipAsync();
                Assert.True(watch.Elapsed < FarLessThanTheOldThirtySeconds, $"the skip waited {watch.Elapsed}");
                Assert.True(session.SaveFailed, "the player did not say the skip was not saved");
                Assert.True(session.Clock.State.StepIndex > before, "the skip was undone");
                skippedTo = session.Clock.State.StepIndex;
                Assert.Equal("Degraded", await fixture.Client.GetStringAsync("/healthz"));
            }

            await session.PauseAsync();
            Assert.False(session.SaveFailed);
        }

        Assert.Equal("Healthy", await fixture.Client.GetStringAsync("/healthz"));
        using var reopened = await runs.OpenAsync(id, _visitor);
        Assert.Equal(skippedTo, reopened!.Session.Clock.State.StepIndex);
        Assert.Equal(SessionStatus.Paused, reopened.Session.Clock.Status);
    }

    [Fact]
    public async Task The_health_check_reports_degraded_while_another_process_holds_the_write_lock_even_before_anyone_saves()
    {
        Assert.Equal("Healthy", await fixture.Client.GetStringAsync("/healthz"));

        await using (await fixture.App.Database.HoldWriteLockAsync())
        {
            var response = await fixture.Client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Degraded", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal("Healthy", await fixture.Client.GetStringAsync("/healthz"));
    }
}
