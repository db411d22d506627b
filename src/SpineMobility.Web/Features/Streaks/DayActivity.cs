namespace SpineMobility.Web.Features.Streaks;

/// <summary>
/// One calendar day of the user's activity, on the local date each session was recorded with. The database
/// groups sessions into days for the progress page; several entries for one date are added up.
/// </summary>
/// <param name="TotalSeconds">Active seconds of all the day's sessions together.</param>
/// <param name="LongestSessionSeconds">The longest single session: only one session long enough makes a day count.</param>
public readonly record struct DayActivity(DateOnly Date, int TotalSeconds, int LongestSessionSeconds);
