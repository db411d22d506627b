namespace SpineMobility.Web.Shared;

/// <summary>
/// Time that runs <see cref="Scale"/> times faster than the wall clock from the moment it is created (or from a
/// given origin), for demos and tests (Player:TimeScale). Timers are scaled the same way, so everything that reads
/// time through the app's <see cref="TimeProvider"/> speeds up together.
/// </summary>
/// <remarks>
/// Several instances of one cluster save deadlines that the others read, so their fast clocks must agree: given the
/// same origin (Player:TimeScaleOrigin), each shows the same time whenever its process started. Without one, two
/// processes started 5 s apart at scale 20 would be 95 s apart, and a restarted one further still.
/// </remarks>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _origin;
    private readonly DateTimeOffset _start;

    /// <param name="start">
    /// The instant the clock shows at <paramref name="origin"/>; by default the origin itself. Tests give a fixed one,
    /// so what they see does not depend on the time of day they run at.
    /// </param>
    /// <param name="origin">The wall-clock instant the scaling counts from; by default the inner clock's now.</param>
    public ScaledTimeProvider(TimeProvider inner, double scale, DateTimeOffset? start = null, DateTimeOffset? origin = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(scale, 0);
        _inner = inner;
        Scale = scale;
        _origin = origin?.ToUniversalTime() ?? inner.GetUtcNow();
        _start = start?.ToUniversalTime() ?? _origin;
    }

    public double Scale { get; }

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => _start + ((_inner.GetUtcNow() - _origin) * Scale);

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() => (long)(_inner.GetTimestamp() * Scale);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)), this);

    private TimeSpan Shrink(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / Scale;

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Shrink(dueTime), owner.Shrink(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
