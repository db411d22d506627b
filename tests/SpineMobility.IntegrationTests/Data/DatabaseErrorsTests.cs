using Microsoft.EntityFrameworkCore;
using SpineMobility.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Sessions;

namespace SpineMobility.IntegrationTests.Data;

/// <summary>Failures of the database the suite runs on, told apart by <see cref="DatabaseErrors"/> as the features need.</summary>
[Collection(AppCollection.Name)]
public sealed class DatabaseErrorsTests(AppFixture fixture)
{
    [Fact]
    public async Task A_second_completed_session_for_one_run_is_a_unique_violation()
    {
        var run = await fixture.App.RecordSessionAsync(null, "Once", AppFixture.Morning);
        await using var db = fixture.App.CreateDbContext();
        var first = await db.CompletedSessions.AsNoTracking().SingleAsync(s => s.RunId == run);
        first.Id = 0;
        first.Exercises = [];
        db.CompletedSessions.Add(first);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(error.IsUniqueViolation(), error.Describe());
        Assert.True(error.IsDatabaseError());
        Assert.False(error.IsBusy());
    }

    [Fact]
    public async Task A_row_pointing_at_a_run_that_does_not_exist_is_a_database_error_but_no_unique_violation()
    {
        await using var db = fixture.App.CreateDbContext();
        db.SideReports.Add(new SideReport { RunId = Guid.NewGuid(), BlockIndex = 0, ExerciseSlug = "cat-cow" });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(error.IsDatabaseError());
        Assert.False(error.IsUniqueViolation(), error.Describe());
        Assert.False(error.IsBusy());
    }

    [Fact]
    public async Task A_write_waiting_for_another_process_gives_up_as_busy_with_the_reason_on_one_line()
    {
        var run = await fixture.App.RecordSessionAsync(null, "Waiting", AppFixture.Morning, completed: false);
        await using var db = fixture.App.CreateDbContext();

        Exception error;
        await using (await fixture.App.Database.HoldWriteLockAsync())
        {
            error = await Assert.ThrowsAnyAsync<Exception>(() =>
                db.SessionRuns.Where(r => r.Id == run).ExecuteUpdateAsync(set => set.SetProperty(r => r.Title, "Changed")));
        }

        Assert.True(error.IsBusy(), error.ToString());
        Assert.True(error.IsDatabaseError());
        Assert.DoesNotContain('\n', error.Describe());
        Assert.Contains(fixture.App.Database.Provider == SqliteDatabase.Name ? "database is locked" : "55P03", error.Describe(), StringComparison.Ordinal);
    }
}
