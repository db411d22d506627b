using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Components.Layout;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Playing;
using SpineMobility.Web.Features.Settings;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Account;

/// <summary>The right to a copy of one's data: everything stored about the signed-in account, as JSON or as a session CSV.</summary>
public static class DataExport
{
    public const string CsvHeader =
        "local_date,time_zone,finished_at_utc,title,active_minutes,planned_minutes,finished,exercises," +
        "stiffness_before,pain_before,areas_before,stiffness_after,pain_after,areas_after";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // A download, never embedded in HTML: titles and notes stay readable ("Café", "Alice's") instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // The API's style for enum values: "warm-up", "monday".
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static IEndpointRouteBuilder MapDataExport(this IEndpointRouteBuilder app)
    {
        // Download links clicked in a browser: signed out, they lead to the sign-in page and back, not to a bare 401.
        var export = app.MapGroup("/account").RequireAuthorization().AllowCookieRedirect().ExcludeFromDescription();
        export.MapGet("/export.json", JsonAsync).WithName("ExportJson");
        export.MapGet("/export.csv", CsvAsync).WithName("ExportCsv");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> JsonAsync(
        ClaimsPrincipal user, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        PrivateDownload(context);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = userId is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new AccountExport(u.Id, u.Email, u.UserName))
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return AccountGone();
        }

        var settings = await SettingsAsync(db, account.Id, cancellationToken);
        var streakRules = await db.StreakRuleChanges.AsNoTracking()
            .Where(r => r.UserId == account.Id)
            .OrderBy(r => r.EffectiveFrom)
            .Select(r => new StreakRuleExport(r.EffectiveFrom, r.DailyMinimumMinutes, r.RestDaysPerWeek, r.WeekStart))
            .ToListAsync(cancellationToken);
        var pauses = await db.Pauses.AsNoTracking()
            .Where(p => p.UserId == account.Id)
            .OrderBy(p => p.Start)
            .Select(p => new PauseExport(p.Start, p.End, p.Note))
            .ToListAsync(cancellationToken);
        var sessions = await SessionsAsync(db, account.Id, cancellationToken);

        // Started and never recorded as done, but the check-in given before them is the user's data too.
        var unfinished = await db.SessionRuns.AsNoTracking()
            .Where(r => r.UserId == account.Id && !db.CompletedSessions.Any(s => s.RunId == r.Id))
            .OrderBy(r => r.CreatedAt)
            .ToListAsync(cancellationToken);

        var screenings = await db.SafetyScreenings.AsNoTracking()
            .Where(s => s.UserId == account.Id)
            .OrderBy(s => s.TakenAt)
            .ToListAsync(cancellationToken);
        var runs = db.SessionRuns.Where(r => r.UserId == account.Id).Select(r => r.Id);
        var painReports = await db.PainReports.AsNoTracking()
            .Where(p => runs.Contains(p.RunId))
            .OrderBy(p => p.ReportedAt)
            .Select(p => new PainReportExport(p.RunId, p.ReportedAt, p.ExerciseSlug, p.ExerciseName, p.Pain, p.Area, p.Choice, p.EasierSlug))
            .ToListAsync(cancellationToken);
        var sideReports = await db.SideReports.AsNoTracking()
            .Where(s => runs.Contains(s.RunId))
            .OrderBy(s => s.ReportedAt)
            .Select(s => new SideReportExport(s.RunId, s.LocalDate, s.ExerciseSlug, s.Tighter))
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        var export = new DataExportDocument(
            now,
            account,
            settings is null ? null : SettingsExport.From(settings),
            streakRules,
            pauses,
            [.. sessions.Select(SessionExport.From)],
            [.. unfinished.Select(UnfinishedSessionExport.From)],
            [.. screenings.Select(s => new ScreeningExport(s.TakenAt, s.Reason, s.Result, s.YesTo))],
            painReports,
            sideReports,
            await Programs.ProgramsExport.LoadAsync(db, account.Id, cancellationToken));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(export, JsonOptions);
        return TypedResults.File(bytes, "application/json; charset=utf-8", $"spinemobility-export-{FileDate(settings, now)}.json");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(
        ClaimsPrincipal user, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        PrivateDownload(context);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return AccountGone();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await SettingsAsync(db, userId, cancellationToken);
        var sessions = await SessionsAsync(db, userId, cancellationToken);

        var csv = new StringBuilder();
        csv.Append(CsvHeader).Append(Csv.LineEnd);
        foreach (var session in sessions)
        {
            csv.Append(Csv.Row(CsvFields(session))).Append(Csv.LineEnd);
        }

        // With the byte order mark, spreadsheet apps read the file as UTF-8 rather than the local code page.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"spinemobility-sessions-{FileDate(settings, time.GetUtcNow())}.csv");
    }

    // Personal data: no cache may keep a copy, and no browser may guess the user's own text into HTML.
    private static void PrivateDownload(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>One completed session as the CSV's cells, in the order of <see cref="CsvHeader"/>.</summary>
    internal static IEnumerable<string?> CsvFields(CompletedSession session) =>
    [
        session.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        session.TimeZone,
        session.FinishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        session.Title,
        Minutes(session.ActiveSeconds),
        Minutes(session.PlannedSeconds),
        session.Finished ? "true" : "false",
        string.Join("; ", session.Exercises.Select(e => e.Exercise?.Name)),
        session.Before?.Stiffness?.ToString(CultureInfo.InvariantCulture),
        session.Before?.Pain?.ToString(CultureInfo.InvariantCulture),
        session.Before is null ? null : string.Join("; ", session.Before.Areas),
        session.After?.Stiffness?.ToString(CultureInfo.InvariantCulture),
        session.After?.Pain?.ToString(CultureInfo.InvariantCulture),
        session.After is null ? null : string.Join("; ", session.After.Areas),
    ];

    private static string Minutes(int seconds) => (seconds / 60.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static Task<UserSettings?> SettingsAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        db.UserSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);

    /// <summary>The user's sessions with their exercises, in one query.</summary>
    private static Task<List<CompletedSession>> SessionsAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        db.CompletedSessions.AsNoTracking()
            .Where(s => s.UserId == userId)
            .Include(s => s.Exercises.OrderBy(e => e.Id))
            .ThenInclude(e => e.Exercise)
            .OrderBy(s => s.FinishedAt)
            .ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The user's today, for the file name: a download at 00:30 in Tokyo is named for the Tokyo day.</summary>
    private static string FileDate(UserSettings? settings, DateTimeOffset now) =>
        TimeZones.LocalDate(now, settings?.TimeZone ?? "UTC").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Signed in with a cookie whose account has since been deleted.
    private static ProblemHttpResult AccountGone() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Account not found");

    private sealed record DataExportDocument(
        DateTimeOffset ExportedAt,
        AccountExport Account,
        SettingsExport? Settings,
        IReadOnlyList<StreakRuleExport> StreakRules,
        IReadOnlyList<PauseExport> Pauses,
        IReadOnlyList<SessionExport> Sessions,
        IReadOnlyList<UnfinishedSessionExport> UnfinishedSessions,
        IReadOnlyList<ScreeningExport> SafetyScreenings,
        IReadOnlyList<PainReportExport> PainReports,
        IReadOnlyList<SideReportExport> SideReports,
        Programs.ProgramsExport RoutinesAndPrograms);

    private sealed record ScreeningExport(DateTimeOffset TakenAt, ScreeningReason Reason, ScreeningResult Result, IReadOnlyList<RedFlag> YesTo);

    private sealed record PainReportExport(Guid RunId, DateTimeOffset ReportedAt, string ExerciseSlug, string ExerciseName, int Pain, BodyArea Area, PainChoice Choice, string? EasierSlug);

    private sealed record SideReportExport(Guid RunId, DateOnly Date, string ExerciseSlug, TighterSide Tighter);

    private sealed record AccountExport(string Id, string? Email, string? UserName);

    /// <summary>The settings without the calendar token: a copy of one's data must not be a key to the feed.</summary>
    private sealed record SettingsExport(
        string? TimeZone,
        DayOfWeek WeekStart,
        int DailyMinimumMinutes,
        int RestDaysPerWeek,
        bool Sound,
        bool Voice,
        ThemeMode Theme,
        IReadOnlyList<DayOfWeek> ReminderDays,
        TimeOnly ReminderTime,
        int ReminderMinutes,
        bool CalendarFeedEnabled)
    {
        public static SettingsExport From(UserSettings s) => new(
            s.TimeZone, s.WeekStart, s.DailyMinimumMinutes, s.RestDaysPerWeek, s.Sound, s.Voice, s.Theme,
            s.ReminderDays, s.ReminderTime, s.ReminderMinutes, !string.IsNullOrEmpty(s.CalendarToken));
    }

    private sealed record StreakRuleExport(DateOnly EffectiveFrom, int DailyMinimumMinutes, int RestDaysPerWeek, DayOfWeek WeekStart);

    private sealed record PauseExport(DateOnly Start, DateOnly End, string? Note);

    private sealed record CheckInExport(int? Stiffness, int? Pain, IReadOnlyList<BodyArea> Areas)
    {
        public static CheckInExport? From(CheckIn? c) => c is null ? null : new(c.Stiffness, c.Pain, c.Areas);
    }

    private sealed record ExerciseExport(string? Slug, string? Name, SessionPhase Phase, int Seconds);

    private sealed record SessionExport(
        Guid Id,
        string Title,
        DateOnly LocalDate,
        string TimeZone,
        DateTimeOffset StartedAt,
        DateTimeOffset FinishedAt,
        int ActiveSeconds,
        int PlannedSeconds,
        bool Finished,
        CheckInExport? Before,
        CheckInExport? After,
        IReadOnlyList<ExerciseExport> Exercises)
    {
        public static SessionExport From(CompletedSession s) => new(
            s.RunId, s.Title, s.LocalDate, s.TimeZone, s.StartedAt, s.FinishedAt, s.ActiveSeconds, s.PlannedSeconds, s.Finished,
            CheckInExport.From(s.Before), CheckInExport.From(s.After),
            [.. s.Exercises.Select(e => new ExerciseExport(e.Exercise?.Slug, e.Exercise?.Name, e.Phase, e.Seconds))]);
    }

    private sealed record UnfinishedSessionExport(
        Guid Id, string Title, string TimeZone, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, SessionStatus Status, int Minutes, CheckInExport? Before)
    {
        public static UnfinishedSessionExport From(SessionRun r) => new(
            r.Id, r.Title, r.TimeZone, r.CreatedAt, r.UpdatedAt, r.Status, r.Minutes, CheckInExport.From(r.Before));
    }

    /// <summary>RFC 4180 cells, made safe to open in a spreadsheet.</summary>
    internal static class Csv
    {
        public const string LineEnd = "\r\n";

        public static string Row(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));

        /// <summary>
        /// One cell. Text the user typed (a session title) starting like a formula would run as one in a
        /// spreadsheet, so it is prefixed with an apostrophe; then cells with separators, quotes or line
        /// breaks are quoted, their quotes doubled.
        /// </summary>
        public static string Field(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return "";
            }

            if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                value = "'" + value;
            }

            return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
        }
    }
}
