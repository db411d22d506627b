namespace SpineMobility.Web.Shared;

public static class TimeZones
{
    /// <summary>The IANA zone if this machine knows it, else UTC: a day must always be computable.</summary>
    public static string KnownOrUtc(string? ianaZone) =>
        !string.IsNullOrWhiteSpace(ianaZone) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaZone, out _) ? ianaZone : "UTC";

    /// <summary>The calendar day an instant falls on in a zone.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, string ianaZone) => DateOnly.FromDateTime(LocalTime(instant, ianaZone).DateTime);

    /// <summary>The instant as the clock on the wall showed it in a zone (UTC when the zone is unknown).</summary>
    public static DateTimeOffset LocalTime(DateTimeOffset instant, string? ianaZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(KnownOrUtc(ianaZone)));
}
