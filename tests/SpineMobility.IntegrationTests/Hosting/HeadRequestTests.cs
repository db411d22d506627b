using System.Net;

namespace SpineMobility.IntegrationTests.Hosting;

/// <summary>HEAD answers like GET, without the body: link checkers, monitors and calendar apps ask it first.</summary>
[Collection(AppCollection.Name)]
public sealed class HeadRequestTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/exercises?region=neck")]
    [InlineData("/exercises/cat-cow")]
    [InlineData("/session")]
    [InlineData("/progress")]
    [InlineData("/safety")]
    [InlineData("/about")]
    [InlineData("/api/exercises")]
    [InlineData("/api/exercises/cat-cow")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/illustrations/cat-cow-start.svg")]
    [InlineData("/healthz")]
    [InlineData("/exercises/no-such-exercise")]
    [InlineData("/api/exercises/no-such-exercise")]
    [InlineData("/no/such/page")]
    public async Task A_head_request_gets_the_status_and_type_of_a_get_and_no_body(string address)
    {
        var get = await _client.GetAsync(address);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, address));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_head_request_is_still_a_head_request_for_the_next_one()
    {
        await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/exercises"));

        var response = await _client.GetAsync("/api/exercises");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }
}
