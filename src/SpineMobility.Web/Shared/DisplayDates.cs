using System.Globalization;

namespace SpineMobility.Web.Shared;

/// <summary>
/// Dates and times as the reader's culture writes them ("Tue 1 Dec 2026, 14:05" in Britain, "Tue, Dec 1, 2026, 2:05 PM"
/// in the US). The culture is the request's (the browser's language, see <see cref="Cultures"/>); the clock time is the
/// caller's, already in the user's zone.
/// </summary>
public static class DisplayDates
{
    /// <summary>The app's words are English, so only English cultures are used; another language reads as the default.</summary>
    public static readonly string[] Cultures = ["en-GB", "en", "en-US", "en-AU", "en-CA", "en-IE", "en-IN", "en-NZ"];

    public const string DefaultCulture = "en-GB";

    private static CultureInfo Or(CultureInfo? culture) => culture ?? CultureInfo.CurrentCulture;

    // .NET has no medium date format; the culture's short date tells whether the month or the day comes first.
    private static bool MonthFirst(CultureInfo culture) => culture.DateTimeFormat.ShortDatePattern.TrimStart().StartsWith('M');

    /// <summary>A clock time: "14:05" or "2:05 PM".</summary>
    public static string Time(DateTimeOffset local, CultureInfo? culture = null) => local.ToString("t", Or(culture));

    /// <summary>A day with its weekday: "Tue 1 Dec 2026" or "Tue, Dec 1, 2026".</summary>
    public static string Day(DateOnly date, CultureInfo? culture = null) =>
        date.ToString(MonthFirst(Or(culture)) ? "ddd, MMM d, yyyy" : "ddd d MMM yyyy", Or(culture));

    /// <summary>A day without its weekday: "1 Dec 2026" or "Dec 1, 2026".</summary>
    public static string Date(DateOnly date, CultureInfo? culture = null) =>
        date.ToString(MonthFirst(Or(culture)) ? "MMM d, yyyy" : "d MMM yyyy", Or(culture));

    /// <summary>A day in full: "Tuesday, 1 December 2026" or "Tuesday, December 1, 2026".</summary>
    public static string LongDay(DateOnly date, CultureInfo? culture = null) => date.ToString("D", Or(culture));

    /// <summary>A day of a chart's axis: "1 Dec" or "Dec 1".</summary>
    public static string DayOfMonth(DateOnly date, CultureInfo? culture = null) =>
        date.ToString(MonthFirst(Or(culture)) ? "MMM d" : "d MMM", Or(culture));

    /// <summary>A day and a clock time: "Tue 1 Dec 2026, 14:05".</summary>
    public static string DayAndTime(DateTimeOffset local, CultureInfo? culture = null) =>
        $"{Day(DateOnly.FromDateTime(local.DateTime), culture)}, {Time(local, culture)}";
}
