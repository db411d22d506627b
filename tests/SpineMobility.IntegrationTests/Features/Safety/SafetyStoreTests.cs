using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Hosting;
using SpineMobility.Web.Shared;

namespace SpineMobility.IntegrationTests.Features.Safety;

/// <summary>When the red-flag questions come back, worked out from what is stored in the database.</summary>
[Collection(AppCollection.Name)]
public sealed class SafetyStoreTests
{
    private readonly Visitor _browser = new(Guid.NewGuid().ToString("N"));

    private readonly TestClock _time;
    private readonly SpineMobilityApp _app;

    public SafetyStoreTests(AppFixture fixture)
    {
        _app = fixture.App;
        _time = fixture.Clock;
        _time.Reset(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    }

    private SafetyStore Store => _app.Services.GetRequiredService<SafetyStore>();

    private static Dictionary<RedFlag, bool?> Answers(RedFlag? yes = null) =>
        Enum.GetValues<RedFlag>().ToDictionary(f => f, f => (bool?)(f == yes));

    private void Later() => _time.Advance(TimeSpan.FromMinutes(5));

    [Fact]
    public async Task The_questions_come_first_then_after_strong_pain_in_the_player_and_after_a_session()
    {
        Assert.Equal(ScreeningNeed.FirstSession, await Store.NeedAsync(_browser));

        await Store.SaveScreeningAsync(_browser, ScreeningReason.FirstSession, Answers());
        Assert.Equal(ScreeningNeed.None, await Store.NeedAsync(_browser));

        // Moderate pain in the player changes nothing; 7 or more brings the questions back.
        Later();
        var run = await _app.RecordSessionAsync(null, "Morning", _time.GetUtcNow(), browserKey: _browser.BrowserKey, completed: false);
        await Store.ReportPainAsync(new PainReport { RunId = run, ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 6, Area = BodyArea.LowerBack });
        Assert.Equal(ScreeningNeed.None, await Store.NeedAsync(_browser));
        Later();
        await Store.ReportPainAsync(new PainReport { RunId = run, ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 7, Area = BodyArea.LowerBack });
        Assert.Equal(ScreeningNeed.AfterHighPain, await Store.NeedAsync(_browser));

        Later();
        await Store.SaveScreeningAsync(_browser, ScreeningReason.AfterHighPain, Answers());
        Assert.Equal(ScreeningNeed.None, await Store.NeedAsync(_browser));

        // Pain of 8 in the check-in after a session does too.
        Later();
        var session = await _app.RecordSessionAsync(null, "Evening", _time.GetUtcNow(), browserKey: _browser.BrowserKey);
        Assert.True(await _app.Services.GetRequiredService<SessionRuns>().SaveAfterCheckInAsync(session, _browser, new CheckIn { Pain = 8 }));
        Assert.Equal(ScreeningNeed.AfterHighPain, await Store.NeedAsync(_browser));
    }

    [Fact]
    public async Task A_red_flag_keeps_asking_until_the_answers_are_clear_and_every_answer_is_kept()
    {
        await Store.SaveScreeningAsync(_browser, ScreeningReason.FirstSession, Answers(RedFlag.SaddleNumbness));
        Assert.Equal(ScreeningNeed.FlagRaised, await Store.NeedAsync(_browser));

        Later();
        await Store.SaveScreeningAsync(_browser, ScreeningReason.FlagRaised, Answers());
        Assert.Equal(ScreeningNeed.None, await Store.NeedAsync(_browser));

        var history = await Store.HistoryAsync(_browser);
        Assert.Equal([ScreeningResult.Clear, ScreeningResult.Urgent], history.Select(s => s.Result));
        Assert.Equal([RedFlag.SaddleNumbness], history[1].YesTo);
    }

    [Fact]
    public async Task Incomplete_answers_are_refused_naming_the_question_and_nothing_is_stored()
    {
        var answers = Answers();
        answers.Remove(RedFlag.BladderOrBowel);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveScreeningAsync(_browser, ScreeningReason.FirstSession, answers));

        Assert.Contains(RedFlags.Of(RedFlag.BladderOrBowel).Question, error.Message, StringComparison.Ordinal);
        await using var db = _app.CreateDbContext();
        Assert.False(await db.SafetyScreenings.AnyAsync(s => s.BrowserKey == _browser.BrowserKey));
    }

    [Fact]
    public async Task A_pain_rating_outside_zero_to_ten_is_refused()
    {
        var run = await _app.RecordSessionAsync(null, "Morning", _time.GetUtcNow(), browserKey: _browser.BrowserKey, completed: false);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.ReportPainAsync(new PainReport { RunId = run, ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 11, Area = BodyArea.Neck }));

        Assert.Contains("0 to 10, not 11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_browsers_answers_and_pain_are_not_this_ones()
    {
        var other = new Visitor(Guid.NewGuid().ToString("N"));
        await Store.SaveScreeningAsync(other, ScreeningReason.FirstSession, Answers(RedFlag.FallOrAccident));
        Assert.Equal(ScreeningNeed.FirstSession, await Store.NeedAsync(_browser));
        Assert.Empty(await Store.HistoryAsync(_browser));

        // This browser is clear; strong pain on the other browser's session does not bring its questions back.
        await Store.SaveScreeningAsync(_browser, ScreeningReason.FirstSession, Answers());
        Later();
        var theirs = await _app.RecordSessionAsync(null, "Theirs", _time.GetUtcNow(), browserKey: other.BrowserKey, completed: false);
        await Store.ReportPainAsync(new PainReport { RunId = theirs, ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 9, Area = BodyArea.LowerBack });

        Assert.Equal(ScreeningNeed.None, await Store.NeedAsync(_browser));
        Assert.Equal(ScreeningNeed.FlagRaised, await Store.NeedAsync(other));
    }
}
