namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>
/// The builder's Undo list for one browser tab: the addresses it showed before each change. It lives as
/// long as the tab's connection, so a visit to an exercise and back keeps it; a reload starts afresh
/// (the plan itself is in the address and survives).
/// </summary>
public sealed class BuilderHistory
{
    /// <summary>Enough changes back for a few slips; the oldest are forgotten.</summary>
    public const int Depth = 20;

    private readonly List<string> _addresses = [];

    public int Count => _addresses.Count;

    /// <summary>The addresses to go back to, oldest first, as the tab keeps them (see <see cref="Restore"/>).</summary>
    public IReadOnlyList<string> Addresses => _addresses;

    /// <summary>
    /// Takes back what this tab kept when it left the builder: the exercise pages have no circuit, so going to one and
    /// back starts a new circuit, and with it an empty history. Only builder addresses are taken.
    /// </summary>
    public void Restore(IEnumerable<string>? addresses)
    {
        if (_addresses.Count > 0 || addresses is null)
        {
            return;
        }

        _addresses.AddRange(addresses.Where(a => a.StartsWith("/session", StringComparison.Ordinal)).TakeLast(Depth));
    }

    public void Push(string address)
    {
        _addresses.Add(address);
        if (_addresses.Count > Depth)
        {
            _addresses.RemoveAt(0);
        }
    }

    public string? Pop()
    {
        if (_addresses.Count == 0)
        {
            return null;
        }

        var last = _addresses[^1];
        _addresses.RemoveAt(_addresses.Count - 1);
        return last;
    }
}
