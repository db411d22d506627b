using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Streaks;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Settings;

/// <summary>Reads and saves an account's settings, keeping a dated record of every change to the streak rules.</summary>
public sealed class SettingsStore(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The account's settings, created on first use with the defaults and the browser's time zone.</summary>
    public async Task<UserSettings> GetAsync(string userId, string browserTimeZone = "UTC", CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.UserSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (settings is not null)
        {
            return settings;
        }

        settings = new UserSettings { UserId = userId, CalendarToken = NewToken(), TimeZone = TimeZones.KnownOrUtc(browserTimeZone) };
        db.UserSettings.Add(settings);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created meanwhile by another request (two tabs at once): use that one.
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await again.UserSettings.AsNoTracking().SingleAsync(s => s.UserId == userId, cancellationToken);
        }

        return settings;
    }

    /// <summary>What is wrong with the settings, in words the user can act on; empty when they can be saved.</summary>
    public static IReadOnlyList<string> Problems(UserSettings settings)
    {
        var problems = new List<string>();
        if (settings.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            problems.Add($"'{zone}' is not a time zone this server knows; pick one from the list.");
        }

        if (settings.DailyMinimumMinutes is < UserSettings.MinDailyMinimum or > UserSettings.MaxDailyMinimum)
        {
            problems.Add($"The daily minimum is {UserSettings.MinDailyMinimum} to {UserSettings.MaxDailyMinimum} minutes, not {settings.DailyMinimumMinutes}.");
        }

        if (settings.RestDaysPerWeek is < 0 or > StreakRule.MaxRestDaysPerWeek)
        {
            problems.Add($"Rest days per week are 0 to {StreakRule.MaxRestDaysPerWeek}, not {settings.RestDaysPerWeek}.");
        }

        if (settings.ReminderMinutes is < UserSettings.MinReminderMinutes or > UserSettings.MaxReminderMinutes)
        {
            problems.Add($"A reminder blocks {UserSettings.MinReminderMinutes} to {UserSettings.MaxReminderMinutes} minutes, not {settings.ReminderMinutes}.");
        }

        return problems;
    }

    /// <summary>
    /// Saves the settings. A change to the streak rules takes effect from the user's today, so the days
    /// before it keep the rules they were lived under.
    /// </summary>
    public async Task<IReadOnlyList<string>> SaveAsync(UserSettings changed, string browserTimeZone, CancellationToken cancellationToken = default)
    {
        var problems = Problems(changed);
        if (problems.Count > 0)
        {
            return problems;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.UserSettings.SingleAsync(s => s.UserId == changed.UserId, cancellationToken);
        var rulesChanged = stored.DailyMinimumMinutes != changed.DailyMinimumMinutes
                           || stored.RestDaysPerWeek != changed.RestDaysPerWeek
                           || stored.WeekStart != changed.WeekStart;
        if (rulesChanged)
        {
            var today = TimeZones.LocalDate(time.GetUtcNow(), changed.TimeZone ?? browserTimeZone);
            var rules = await db.StreakRuleChanges.Where(r => r.UserId == changed.UserId).ToListAsync(cancellationToken);
            if (rules.Count == 0)
            {
                // The rules the user lived under until now.
                db.StreakRuleChanges.Add(new StreakRuleChange
                {
                    UserId = changed.UserId,
                    EffectiveFrom = DateOnly.MinValue,
                    DailyMinimumMinutes = stored.DailyMinimumMinutes,
                    RestDaysPerWeek = stored.RestDaysPerWeek,
                    WeekStart = stored.WeekStart,
                });
            }

            var todays = rules.SingleOrDefault(r => r.EffectiveFrom == today);
            if (todays is null)
            {
                todays = new StreakRuleChange { UserId = changed.UserId, EffectiveFrom = today };
                db.StreakRuleChanges.Add(todays);
            }

            todays.DailyMinimumMinutes = changed.DailyMinimumMinutes;
            todays.RestDaysPerWeek = changed.RestDaysPerWeek;
            todays.WeekStart = changed.WeekStart;
        }

        db.Entry(stored).CurrentValues.SetValues(changed);
        stored.CalendarToken = db.Entry(stored).OriginalValues.GetValue<string>(nameof(UserSettings.CalendarToken));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Gives the calendar feed a new secret address; calendars holding the old one stop receiving it.</summary>
    public async Task<string> RegenerateCalendarTokenAsync(string userId, CancellationToken cancellationToken = default)
    {
        await GetAsync(userId, cancellationToken: cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = NewToken();
        await db.UserSettings.Where(s => s.UserId == userId).ExecuteUpdateAsync(set => set.SetProperty(s => s.CalendarToken, token), cancellationToken);
        return token;
    }

    /// <summary>Everything the streak is computed from for an account: its settings, dated rules and pauses.</summary>
    public async Task<(UserSettings Settings, IReadOnlyList<StreakRule> Rules, IReadOnlyList<StreakPause> Pauses)> StreakInputsAsync(
        string userId, string browserTimeZone, CancellationToken cancellationToken = default)
    {
        var settings = await GetAsync(userId, browserTimeZone, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.StreakRuleChanges.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.ToRule()).ToListAsync(cancellationToken);
        var pauses = await db.Pauses.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.ToPause()).ToListAsync(cancellationToken);

        // Until the rules first change, the settings are the one rule there is.
        IReadOnlyList<StreakRule> effective = rules.Count > 0
            ? rules
            : [new StreakRule(DateOnly.MinValue, settings.DailyMinimumMinutes, settings.RestDaysPerWeek, settings.WeekStart)];
        return (settings, effective, pauses);
    }

    public async Task<IReadOnlyList<PauseEntry>> PausesAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Pauses.AsNoTracking().Where(p => p.UserId == userId).OrderByDescending(p => p.Start).ToListAsync(cancellationToken);
    }

    /// <summary>Adds a pause unless it is invalid or overlaps another; returns the problems.</summary>
    public async Task<IReadOnlyList<string>> AddPauseAsync(string userId, DateOnly start, DateOnly end, string? note, CancellationToken cancellationToken = default)
    {
        var problems = new StreakPause(start, end).Problems().ToList();
        if (note is { Length: > UserSettings.MaxPauseNote })
        {
            problems.Add($"Keep the note to {UserSettings.MaxPauseNote} characters, not {note.Length}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Touching pauses would chain into one longer than the limit, so they count as overlapping.
        var touching = await db.Pauses.AsNoTracking()
            .Where(p => p.UserId == userId && p.Start <= end.AddDays(1) && start.AddDays(-1) <= p.End)
            .FirstOrDefaultAsync(cancellationToken);
        if (touching is not null)
        {
            problems.Add($"It overlaps or runs straight on from your pause from {touching.Start:d MMM yyyy} to {touching.End:d MMM yyyy}; a pause lasts at most {StreakPause.MaxDays} days in a row.");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        db.Pauses.Add(new PauseEntry { UserId = userId, Start = start, End = end, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task DeletePauseAsync(string userId, int pauseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Pauses.Where(p => p.Id == pauseId && p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
