namespace SpineMobility.Web.Components.Pages;

/// <summary>What the 404 page says, for the kind of address that was not found.</summary>
/// <param name="Reason">Why there may be nothing there, in the user's terms.</param>
/// <param name="ActionText">The most useful place to go instead.</param>
public sealed record NotFoundAdvice(string Reason, string ActionText, string ActionHref)
{
    public static NotFoundAdvice For(string? path)
    {
        var address = (path ?? "").TrimEnd('/').ToLowerInvariant();
        return address switch
        {
            _ when address.StartsWith("/exercises/", StringComparison.Ordinal) =>
                new("The link may be old or mistyped, or the exercise may have left the catalog.", "Browse exercises", "/exercises"),
            _ when address.StartsWith("/session/play/", StringComparison.Ordinal) =>
                new("This session does not exist here: the link may be mistyped, or the session was started in another browser or account.", "Plan a session", "/session"),
            _ when address.StartsWith("/progress/sessions/", StringComparison.Ordinal) =>
                new("This session is not in your history: the link may be mistyped, or it belongs to another browser or account.", "See your progress", "/progress"),
            _ => new("The link may be old or mistyped.", "Browse exercises", "/exercises"),
        };
    }
}
