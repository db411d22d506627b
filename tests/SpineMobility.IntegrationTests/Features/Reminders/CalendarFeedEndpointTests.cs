using System.Net;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Settings;

namespace SpineMobility.IntegrationTests.Features.Reminders;

/// <summary>The calendar feed as calendar apps fetch it: no cookies, only the secret address.</summary>
[Collection(AppCollection.Name)]
public sealed class CalendarFeedEndpointTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Password = "Feed-test-1";
    private readonly string _aliceToken = $"Alice{Guid.NewGuid():N}_-1";
    private readonly string _bobToken = $"Bob{Guid.NewGuid():N}_-12";

    private readonly SpineMobilityApp _app = fixture.App;
    private HttpClient _client = default!;
    private string _aliceId = default!;
    private string _bobId = default!;

    public async Task InitializeAsync()
    {
        fixture.Clock.Reset(AppFixture.Morning);
        _client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        _aliceId = await _app.CreateUserAsync($"alice-{Guid.NewGuid():N}@example.com", Password);
        _bobId = await _app.CreateUserAsync($"bob-{Guid.NewGuid():N}@example.com", Password);

        await using var db = _app.CreateDbContext();
        db.UserSettings.AddRange(
            new UserSettings { UserId = _aliceId, CalendarToken = _aliceToken, TimeZone = "Europe/Berlin", ReminderDays = [DayOfWeek.Monday, DayOfWeek.Friday], ReminderTime = new(7, 0) },
            new UserSettings { UserId = _bobId, CalendarToken = _bobToken, TimeZone = null, ReminderDays = [DayOfWeek.Sunday], ReminderTime = new(19, 45) });
        await db.SaveChangesAsync();
    }

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string path)
    {
        var response = await _client.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_feed_at_a_users_token_is_that_users_reminder_calendar()
    {
        var (response, body) = await GetAsync($"/calendar/{_aliceToken}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var practice = Assert.Single(Calendar.Load(body)!.Events);
        Assert.Equal($"{_aliceId}-practice@spinemobility", practice.Uid);
        Assert.Equal("Europe/Berlin", practice.DtStart!.TzId);
        Assert.Equal(new TimeOnly(7, 0), practice.DtStart.Time);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], practice.RecurrenceRule!.ByDay.Select(d => d.DayOfWeek));
    }

    [Fact]
    public async Task The_feed_tells_calendar_apps_how_often_to_fetch_it_again()
    {
        var (_, body) = await GetAsync($"/calendar/{_aliceToken}.ics");

        Assert.Contains("REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n", body, StringComparison.Ordinal);
        Assert.Contains("X-PUBLISHED-TTL:PT12H\r\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_request_answers_like_the_feed_without_its_body()
    {
        var get = await _client.GetAsync($"/calendar/{_aliceToken}.ics");
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/calendar/{_aliceToken}.ics"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.True(head.Headers.CacheControl?.NoStore);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/calendar/NoSuchTokenNoSuchTokenNoSuchToken_-12345.ics"))).StatusCode);
    }

    [Fact]
    public async Task The_feed_is_neither_cached_nor_indexed()
    {
        var (response, _) = await GetAsync($"/calendar/{_aliceToken}.ics");

        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("noindex", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
    }

    [Fact]
    public async Task Another_users_token_never_yields_the_first_users_event()
    {
        var (response, body) = await GetAsync($"/calendar/{_bobToken}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var practice = Assert.Single(Calendar.Load(body)!.Events);
        Assert.Equal($"{_bobId}-practice@spinemobility", practice.Uid);
        Assert.True(practice.DtStart!.IsUtc, "Bob follows his browser's zone, so the feed has none but UTC.");
        Assert.DoesNotContain(_aliceId, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody's")]
    [InlineData("in capitals")]
    [InlineData("one character short")]
    [InlineData("too short")]
    [InlineData("SQL")]
    [InlineData("with more after it")]
    public async Task A_token_that_is_not_exactly_someones_is_a_404_that_reveals_nothing(string token)
    {
        var path = token switch
        {
            "nobody's" => "/calendar/NoSuchTokenNoSuchTokenNoSuchToken_-12345.ics",
            "in capitals" => $"/calendar/{_aliceToken.ToUpperInvariant()}.ics",
            "one character short" => $"/calendar/{_aliceToken[..^1]}.ics",
            "too short" => "/calendar/short.ics",
            "SQL" => "/calendar/%27%20OR%20%271%27%3D%271.ics",
            _ => $"/calendar/{_aliceToken}AliceAliceAliceAliceAliceAlice.ics",
        };
        var (response, body) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("VCALENDAR", body, StringComparison.Ordinal);
        Assert.DoesNotContain(_aliceId, body, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/calendar/.ics")]
    [InlineData("/calendar/")]
    [InlineData("/calendar")]
    public async Task An_address_without_a_token_is_a_404(string path)
    {
        var (response, body) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("VCALENDAR", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_token_cuts_off_calendars_holding_the_old_address()
    {
        const string newToken = "FreshFreshFreshFreshFreshFreshFresh_-12345";
        await using (var db = _app.CreateDbContext())
        {
            await db.UserSettings.Where(s => s.UserId == _aliceId).ExecuteUpdateAsync(set => set.SetProperty(s => s.CalendarToken, newToken));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/calendar/{_aliceToken}.ics")).Response.StatusCode);
        var (response, body) = await GetAsync($"/calendar/{newToken}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{_aliceId}-practice@spinemobility", Assert.Single(Calendar.Load(body)!.Events).Uid);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }
}
