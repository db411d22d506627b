namespace SpineMobility.Web.Features.Sessions;

public static class Duration
{
    /// <summary>"45 s", "12 min", "12 min 30 s".</summary>
    public static string Text(int seconds) => seconds switch
    {
        < 60 => $"{seconds} s",
        _ when seconds % 60 == 0 => $"{seconds / 60} min",
        _ => $"{seconds / 60} min {seconds % 60} s",
    };

    /// <summary>"4:05", as on a countdown.</summary>
    public static string Clock(TimeSpan span)
    {
        var seconds = (int)Math.Ceiling(span.TotalSeconds);
        return $"{seconds / 60}:{seconds % 60:00}";
    }
}
