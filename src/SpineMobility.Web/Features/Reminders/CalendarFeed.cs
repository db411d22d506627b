using System.Buffers;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Settings;
using SpineMobility.Web.Shared;
using Duration = Ical.Net.DataTypes.Duration;

namespace SpineMobility.Web.Features.Reminders;

/// <summary>
/// The user's practice reminders as an iCalendar feed. Calendar apps fetch it without cookies, so it is
/// public by design: the unguessable token in its address is what keeps it private.
/// </summary>
public static class CalendarFeed
{
    public const string CalendarName = "SpineMobility practice";

    public const string EventSummary = "Spine mobility session";

    /// <summary>How often calendar apps are asked to fetch the feed again.</summary>
    public const string RefreshInterval = "PT12H";

    public const string EventDescription = "A few minutes for your spine. Open SpineMobility and start a session.";

    // A token too short to be unguessable (under 128 bits of base64url) is refused even if one were stored,
    // so a bad row can never become an open door; longer than the column cannot exist.
    private const int MinTokenLength = 22;
    private const int MaxTokenLength = 64;

    private static readonly SearchValues<char> Base64UrlCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", GetAsync).WithName("CalendarFeed").ExcludeFromDescription();
        return app;
    }

    /// <summary>The UID of the user's practice event: from the user id, so a new token does not duplicate it in calendars.</summary>
    public static string EventUid(string userId) => $"{userId}-practice@spinemobility";

    /// <summary>
    /// The iCalendar text: one weekly event on the reminder days at the reminder time in
    /// <paramref name="timeZone"/>, starting on the first such day on or after today there; no event without days.
    /// </summary>
    public static string Build(UserSettings settings, string timeZone, DateTimeOffset now, IReadOnlyList<Programs.ProgramFollow>? programs = null)
    {
        var zone = TimeZones.KnownOrUtc(timeZone);
        var calendar = new Calendar { ProductId = "-//SpineMobility//Practice reminders//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", CalendarName);

        // How often calendar apps should fetch the feed again, so changed reminder days arrive the same day:
        // RFC 7986's property, and the one Apple and Outlook read.
        var refresh = new CalendarProperty("REFRESH-INTERVAL", RefreshInterval);
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", RefreshInterval);

        var days = settings.ReminderDays.Distinct().Order().ToList();
        if (days.Count > 0)
        {
            var firstDay = FirstDayOnOrAfter(TimeZones.LocalDate(now, zone), days);
            if (zone != "UTC")
            {
                AddTimeZoneIfKnown(calendar, zone, firstDay.ToDateTime(settings.ReminderTime));
            }

            var practice = new CalendarEvent
            {
                Uid = EventUid(settings.UserId),
                Summary = EventSummary,
                Description = EventDescription,
                DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
                DtStart = new CalDateTime(firstDay, settings.ReminderTime, zone),
                Duration = Duration.FromMinutes(settings.ReminderMinutes),
                RecurrenceRule = new RecurrenceRule(FrequencyType.Weekly) { ByDay = [.. days.Select(d => new WeekDay(d))] },
            };
            practice.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = "Time for your spine mobility session.",
                Trigger = new Trigger(Duration.Zero),
            });
            calendar.Events.Add(practice);
        }

        if (programs is { Count: > 0 })
        {
            if (zone != "UTC" && days.Count == 0)
            {
                AddTimeZoneIfKnown(calendar, zone, TimeZones.LocalDate(now, zone).ToDateTime(settings.ReminderTime));
            }

            Programs.ProgramCalendar.Add(calendar, programs, TimeZones.LocalDate(now, zone), settings.ReminderTime, settings.ReminderMinutes, zone, now);
        }

        return new CalendarSerializer().SerializeToString(calendar)
               ?? throw new InvalidOperationException("Ical.Net serialized the calendar to nothing.");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        string token, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        // Personal, and its address is a secret: neither caches nor search engines may keep it, found or not.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Robots-Tag"] = "noindex";

        UserSettings? settings = null;
        List<Programs.ProgramFollow> programs = [];
        if (IsWellFormed(token))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            settings = await db.UserSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CalendarToken == token, cancellationToken);
            if (settings is not null)
            {
                programs = await db.ProgramFollows.AsNoTracking().Where(f => f.UserId == settings.UserId && f.Status == Programs.FollowStatus.Active).ToListAsync(cancellationToken);
            }
        }

        if (settings is null)
        {
            // The same answer for malformed and unknown tokens, so probing learns nothing.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var ics = Build(settings, settings.TimeZone ?? "UTC", time.GetUtcNow(), programs);
        return TypedResults.Text(ics, "text/calendar", Encoding.UTF8);
    }

    private static bool IsWellFormed(string token) =>
        token.Length is >= MinTokenLength and <= MaxTokenLength && !token.AsSpan().ContainsAnyExcept(Base64UrlCharacters);

    private static DateOnly FirstDayOnOrAfter(DateOnly today, IReadOnlyCollection<DayOfWeek> days)
    {
        var day = today;
        while (!days.Contains(day.DayOfWeek))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static void AddTimeZoneIfKnown(Calendar calendar, string zone, DateTime earliest)
    {
        try
        {
            calendar.AddTimeZone(zone, earliest, includeHistoricalData: false);
        }
        catch (ArgumentException)
        {
            // Ical.Net's zone database (NodaTime's) can lag the system's. A TZID naming an IANA zone is still
            // understood by the calendar apps that matter, so the event keeps its local time without a VTIMEZONE.
        }
    }
}
