using Microsoft.Extensions.Configuration;
using SpineMobility.Web.Features.Sessions.Playing;

namespace SpineMobility.Tests.Features.Sessions;

public sealed class PlayerOptionsTests
{
    private static PlayerOptions From(params (string Key, string Value)[] settings) =>
        PlayerOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void A_time_scale_origin_is_read_as_an_instant_in_utc()
    {
        var options = From(("Player:TimeScale", "20"), ("Player:TimeScaleOrigin", "2026-12-01T19:30:00+01:00"));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 18, 30, 0, TimeSpan.Zero), options.TimeScaleOrigin);
        Assert.Equal(TimeSpan.Zero, options.TimeScaleOrigin!.Value.Offset);
    }

    [Fact]
    public void Without_a_time_scale_origin_each_process_counts_from_its_own_start()
    {
        Assert.Null(From(("Player:TimeScale", "20")).TimeScaleOrigin);
    }

    [Fact]
    public void A_time_scale_origin_that_is_not_a_date_stops_the_start_with_a_message_naming_the_setting_and_the_value()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("Player:TimeScaleOrigin", "yesterday")));

        Assert.Contains("Player:TimeScaleOrigin", error.Message, StringComparison.Ordinal);
        Assert.Contains("'yesterday'", error.Message, StringComparison.Ordinal);
    }
}
