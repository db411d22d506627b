using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Settings;
using SpineMobility.Web.Features.Streaks;

namespace SpineMobility.IntegrationTests.Features.Settings;

[Collection(AppCollection.Name)]
public sealed class SettingsStoreTests(AppFixture fixture) : IAsyncLifetime
{
    private readonly SpineMobilityApp _app = fixture.App;
    private string _userId = "";

    private SettingsStore Store => _app.Services.GetRequiredService<SettingsStore>();

    public async Task InitializeAsync()
    {
        // 23:30 UTC on the 26th is already the 27th in Berlin.
        fixture.Clock.Reset(new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero));
        _userId = await _app.CreateUserAsync($"settings-{Guid.NewGuid():N}@example.com", "Stretch-2026!");
    }

    [Fact]
    public async Task New_settings_have_the_defaults_the_browsers_time_zone_and_a_secret_calendar_token()
    {
        var settings = await Store.GetAsync(_userId, "Asia/Tokyo");

        Assert.Equal(5, settings.DailyMinimumMinutes);
        Assert.Equal(1, settings.RestDaysPerWeek);
        Assert.Equal(DayOfWeek.Monday, settings.WeekStart);
        Assert.Equal("Asia/Tokyo", settings.TimeZone);
        Assert.True(settings.CalendarToken.Length >= 40);
    }

    [Fact]
    public async Task Changing_the_daily_minimum_takes_effect_from_the_users_today_and_keeps_the_old_rule_before_it()
    {
        var settings = await Store.GetAsync(_userId);
        settings.DailyMinimumMinutes = 15;
        settings.TimeZone = "Europe/Berlin";

        Assert.Empty(await Store.SaveAsync(settings, "UTC"));

        var rules = (await Store.StreakInputsAsync(_userId, "UTC")).Rules.OrderBy(r => r.EffectiveFrom).ToList();
        Assert.Equal(2, rules.Count);
        Assert.Equal(new StreakRule(DateOnly.MinValue, 5, 1, DayOfWeek.Monday), rules[0]);
        Assert.Equal(new StreakRule(new DateOnly(2026, 11, 27), 15, 1, DayOfWeek.Monday), rules[1]);
    }

    [Fact]
    public async Task Two_changes_on_one_day_leave_one_rule_for_that_day()
    {
        var settings = await Store.GetAsync(_userId);
        settings.DailyMinimumMinutes = 15;
        await Store.SaveAsync(settings, "UTC");
        settings.DailyMinimumMinutes = 10;
        settings.RestDaysPerWeek = 2;
        await Store.SaveAsync(settings, "UTC");

        var rules = (await Store.StreakInputsAsync(_userId, "UTC")).Rules;

        Assert.Equal(new StreakRule(new DateOnly(2026, 11, 26), 10, 2, DayOfWeek.Monday), rules.OrderBy(r => r.EffectiveFrom).Last());
        Assert.Equal(2, rules.Count);
    }

    [Fact]
    public async Task Saving_never_changes_the_calendar_token()
    {
        var settings = await Store.GetAsync(_userId);
        var token = settings.CalendarToken;
        settings.CalendarToken = "attacker-chosen";
        settings.Voice = false;

        await Store.SaveAsync(settings, "UTC");

        var saved = await Store.GetAsync(_userId);
        Assert.Equal(token, saved.CalendarToken);
        Assert.False(saved.Voice);
    }

    [Theory]
    [InlineData(0, 1, "Mars/Olympus", "daily minimum")]
    [InlineData(5, 3, null, "Rest days")]
    [InlineData(61, 1, null, "daily minimum")]
    public async Task Invalid_settings_are_refused_with_a_reason_and_nothing_is_stored(int minimum, int restDays, string? zone, string named)
    {
        var settings = await Store.GetAsync(_userId);
        settings.DailyMinimumMinutes = minimum;
        settings.RestDaysPerWeek = restDays;
        settings.TimeZone = zone;

        var problems = await Store.SaveAsync(settings, "UTC");

        Assert.Contains(problems, p => p.Contains(named, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(5, (await Store.GetAsync(_userId)).DailyMinimumMinutes);
    }

    [Fact]
    public async Task Before_any_change_the_settings_are_the_one_rule_and_pauses_come_along()
    {
        await Store.AddPauseAsync(_userId, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3), null);

        var (settings, rules, pauses) = await Store.StreakInputsAsync(_userId, "Europe/Berlin");

        Assert.Equal("Europe/Berlin", settings.TimeZone);
        Assert.Equal(new StreakRule(DateOnly.MinValue, 5, 1, DayOfWeek.Monday), Assert.Single(rules));
        Assert.Equal(new StreakPause(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3)), Assert.Single(pauses));
    }

    [Fact]
    public async Task A_pause_longer_than_fourteen_days_is_refused()
    {
        var problems = await Store.AddPauseAsync(_userId, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15), "flu");

        Assert.NotEmpty(problems);
        Assert.Empty(await Store.PausesAsync(_userId));
    }

    [Fact]
    public async Task Pauses_cannot_overlap_or_run_straight_on_from_one_another()
    {
        Assert.Empty(await Store.AddPauseAsync(_userId, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 14), "flare-up"));

        Assert.NotEmpty(await Store.AddPauseAsync(_userId, new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 20), null));
        Assert.NotEmpty(await Store.AddPauseAsync(_userId, new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 20), null));
        Assert.Empty(await Store.AddPauseAsync(_userId, new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 20), null));
        Assert.Equal(2, (await Store.PausesAsync(_userId)).Count);
    }

    [Fact]
    public async Task Regenerating_the_calendar_token_replaces_it()
    {
        var before = (await Store.GetAsync(_userId)).CalendarToken;

        var after = await Store.RegenerateCalendarTokenAsync(_userId);

        Assert.NotEqual(before, after);
        await using var db = _app.CreateDbContext();
        Assert.Equal(after, await db.UserSettings.Where(s => s.UserId == _userId).Select(s => s.CalendarToken).SingleAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
