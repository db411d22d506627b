using System.Net;
using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests.Features.Sessions;

[Collection(AppCollection.Name)]
public sealed class SessionBuilderPageTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_ready_made_routine_is_one_link_away_and_shows_its_plan()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/session?preset=lower-back-relief"));

        Assert.Contains("Lower-back relief", html, StringComparison.Ordinal);
        foreach (var phase in new[] { "Warm-up", "Spine mobility", "Flexibility", "Cool-down" })
        {
            Assert.Contains($">{phase}</h3>", html, StringComparison.Ordinal);
        }

        foreach (var preset in new[] { "neck-relief", "better-posture", "lower-back-relief", "hips", "full-body-flow", "beginner-start" })
        {
            Assert.Contains($"href=\"/session?preset={preset}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_address_describes_the_routine_so_it_can_be_shared()
    {
        var first = await _client.GetStringAsync("/session?minutes=20&focus=cervical&focus=hip&level=beginner&seed=9");
        var second = await _client.GetStringAsync("/session?minutes=20&focus=cervical&focus=hip&level=beginner&seed=9");

        Assert.Equal(PlanOf(first), PlanOf(second));
        Assert.Contains("20-minute neck and hips routine", WebUtility.HtmlDecode(first), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_length_out_of_range_is_explained_and_replaced_by_the_default()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/session?minutes=500&focus=elbow"));

        Assert.Contains("500 minutes is too long: choose 5 to 90.", html, StringComparison.Ordinal);
        Assert.Contains("'elbow' cannot be a focus", html, StringComparison.Ordinal);
        Assert.Contains("15-minute routine", html, StringComparison.Ordinal);
    }

    private static string PlanOf(string html)
    {
        var start = html.IndexOf("plan-list", StringComparison.Ordinal);
        return html[start..html.LastIndexOf("</ol>", StringComparison.Ordinal)];
    }
}
