namespace SpineMobility.Web.Components.Layout;

/// <summary>
/// Whether the layout hides the site's app bar, navigation and footer so a page has the whole screen (the session
/// player, read from a mat). The layout cascades one per page tree; a page turns it on and off.
/// </summary>
public sealed class FocusMode
{
    public bool On { get; private set; }

    /// <summary>Raised when <see cref="On"/> changes; the layout re-renders.</summary>
    public event Action? Changed;

    public void Enter() => Set(true);

    public void Leave() => Set(false);

    private void Set(bool on)
    {
        if (On != on)
        {
            On = on;
            Changed?.Invoke();
        }
    }
}
