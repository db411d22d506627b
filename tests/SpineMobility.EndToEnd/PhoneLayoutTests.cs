namespace SpineMobility.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    protected override int Width => PhoneWidth;

    [Theory]
    [InlineData("/")]
    [InlineData("/exercises")]
    [InlineData("/exercises?region=cervical&region=thoracic")]
    [InlineData("/exercises/quadruped-thoracic-mobilisations")]
    [InlineData("/exercises/no-such-exercise")]
    [InlineData("/session")]
    [InlineData("/session?preset=better-posture")]
    [InlineData("/progress")]
    [InlineData("/safety")]
    [InlineData("/about")]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    public Task Pages_fit_a_360px_phone_without_horizontal_scrolling(string path) => StepsAsync(async () =>
    {
        // Account pages are static: there is no circuit to wait for.
        if (path.StartsWith("/Account", StringComparison.Ordinal))
        {
            await Page.GotoAsync(path);
        }
        else
        {
            await OpenAsync(path);
        }

        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at {PhoneWidth}px");
    }, $"Phone_{path.Replace('/', '_').Replace('?', '_')}");
}
