using Microsoft.Extensions.Time.Testing;

namespace SpineMobility.Testing;

/// <summary>
/// The app's clock in tests that share one host: a <see cref="FakeTimeProvider"/> that each test can set to
/// its own instant, earlier or later than the last test's (<see cref="Reset"/>). Timers started before a reset
/// belong to the old time and never fire.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private FakeTimeProvider _time = new(start);

    /// <summary>Starts the clock again at <paramref name="start"/>.</summary>
    public void Reset(DateTimeOffset start) => _time = new FakeTimeProvider(start);

    public void Advance(TimeSpan by) => _time.Advance(by);

    public void SetUtcNow(DateTimeOffset value) => _time.SetUtcNow(value);

    public override DateTimeOffset GetUtcNow() => _time.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => _time.LocalTimeZone;

    public override long TimestampFrequency => _time.TimestampFrequency;

    public override long GetTimestamp() => _time.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _time.CreateTimer(callback, state, dueTime, period);
}
