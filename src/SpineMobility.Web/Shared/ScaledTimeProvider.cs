namespace SpineMobility.Web.Shared;

/// <summary>
/// Time that runs <see cref="Scale"/> times faster than the wall clock from the moment it is created,
/// for demos and tests (Player:TimeScale). Timers are scaled the same way, so everything that reads
/// time through the app's <see cref="TimeProvider"/> speeds up together.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _origin;
    private readonly DateTimeOffset _start;

    /// <param name="start">
    /// The instant the clock shows when created; by default the inner clock's now. Tests give a fixed one, so
    /// what they see does not depend on the time of day they run at.
    /// </param>
    public ScaledTimeProvider(TimeProvider inner, double scale, DateTimeOffset? start = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(scale, 0);
        _inner = inner;
        Scale = scale;
        _origin = inner.GetUtcNow();
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
