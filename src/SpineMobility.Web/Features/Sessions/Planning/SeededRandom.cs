namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>SplitMix64: a tiny generator whose sequence is fixed by its seed on every platform and .NET version.</summary>
/// <remarks>System.Random's seeded sequence is an implementation detail that may change between runtimes.</remarks>
internal sealed class SeededRandom(int seed)
{
    private ulong _state = unchecked(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) + 0x632BE59BD9B4E019UL);

    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private ulong NextUInt64()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
