using System.Text.Json;
using Microsoft.Playwright;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Shared;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd;

/// <summary>axe-core, from npm, run inside the main pages as a user sees them, light and dark.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string Axe = Path.Combine(RepoFiles.Root, "tests", "SpineMobility.EndToEnd", "node_modules", "axe-core", "axe.min.js");

    // Only what axe itself rates serious or critical fails the test; the rest is reported for a person to weigh.
    private const string Scan = """
        async () => {
          const result = await axe.run(document, { resultTypes: ["violations"] });
          return result.violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 4)
              .map(n => `${n.target.join(" ")} "${(n.html || "").slice(0, 120)}" ${(n.any[0] && n.any[0].message) || ""}`).join(" | ")}`);
        }
        """;

    private async Task AssertNoSeriousViolationsAsync(string page)
    {
        if (!File.Exists(Axe))
        {
            throw new InvalidOperationException($"axe-core is missing at {Axe}: run ./test.sh, which installs it with npm ci.");
        }

        // Evaluated through the browser's debugging channel: the app's Content-Security-Policy rightly refuses inline scripts.
        await Page.EvaluateAsync(await File.ReadAllTextAsync(Axe));
        var violations = await Page.EvaluateAsync<string[]>(Scan);
        Assert.True(violations.Length == 0, $"{page}:\n" + string.Join("\n", violations));
    }

    private async Task UseDarkThemeAsync()
    {
        await Page.Context.AddCookiesAsync([new() { Name = "sm-theme", Value = "dark", Url = Fixture.BaseAddress.ToString() }]);
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/exercises", false)]
    [InlineData("/exercises/pigeon-pose", false)]
    [InlineData("/session", false)]
    [InlineData("/safety", false)]
    [InlineData("/about", false)]
    [InlineData("/", true)]
    [InlineData("/exercises", true)]
    [InlineData("/exercises/pigeon-pose", true)]
    [InlineData("/session", true)]
    public Task The_page_has_no_serious_accessibility_violations(string path, bool dark) => StepsAsync(async () =>
    {
        if (dark)
        {
            await UseDarkThemeAsync();
        }

        await OpenAsync(path);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await AssertNoSeriousViolationsAsync(path);
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task The_player_and_the_safety_check_have_no_serious_accessibility_violations(bool dark) => StepsAsync(async () =>
    {
        if (dark)
        {
            await UseDarkThemeAsync();
        }

        await OpenAsync("/session?preset=hips");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("safety-check")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync("safety check before the first session");

        await AnswerSafetyQuestionsAsync(yesTo: null);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();
        await Expect(Page.GetByTestId("exercise-name")).ToBeVisibleAsync();
        await WaitUntilInteractiveAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await AssertNoSeriousViolationsAsync("player");

        await Page.GetByTestId("this-hurts-button").ClickAsync();
        await Expect(Page.GetByTestId("this-hurts")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync("This hurts");
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task The_progress_page_with_history_has_no_serious_accessibility_violations(bool dark) => StepsAsync(async () =>
    {
        if (dark)
        {
            await UseDarkThemeAsync();
        }

        // A history of this browser's own: sessions, a pain report and side answers, so every chart and list is drawn.
        await OpenAsync("/");
        var browserKey = (await Page.Context.CookiesAsync()).Single(c => c.Name == "sm-visitor").Value;
        var now = Fixture.Now;
        var run = await Fixture.App.RecordSessionAsync(null, "Evening stretch", now.AddDays(-1), "UTC", browserKey);
        await Fixture.App.RecordSessionAsync(null, "Morning stretch", now.AddHours(-2), "UTC", browserKey);
        await using (var db = Fixture.App.CreateDbContext())
        {
            db.PainReports.Add(new PainReport { RunId = run, ReportedAt = now.AddDays(-1), ExerciseSlug = "cat-cow", ExerciseName = "Cat-cow", Pain = 4, Area = BodyArea.LowerBack });
            db.SideReports.Add(new SideReport { RunId = run, BlockIndex = 0, ExerciseSlug = "pigeon-pose", Tighter = TighterSide.Left, ReportedAt = now, LocalDate = DateOnly.FromDateTime(now.UtcDateTime) });
            await db.SaveChangesAsync();
        }

        await OpenAsync("/progress");
        await Expect(Page.GetByTestId("side-balance")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("history-pain")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("recent-pain")).ToContainTextAsync("Cat-cow: pain 4/10, lower back");
        await AssertNoSeriousViolationsAsync("progress");

        await OpenAsync($"/progress/sessions/{run}");
        await Expect(Page.GetByTestId("pain-reports")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync("session details");
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task The_own_exercise_form_and_its_problems_have_no_serious_accessibility_violations(bool dark) => StepsAsync(async () =>
    {
        if (dark)
        {
            await UseDarkThemeAsync();
        }

        await Page.GotoAsync("/Account/Register");
        await Page.GetByLabel("E-mail").FillAsync($"a11y-{Guid.NewGuid():N}@example.com");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("Stretch-2026!");
        await Page.GetByLabel("Confirm password").FillAsync("Stretch-2026!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/progress$"));

        await OpenAsync("/routines/exercises");
        await AssertNoSeriousViolationsAsync("my exercises");
        await OpenAsync("/routines/exercises/new");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save exercise" }).ClickAsync();
        await Expect(Page.GetByTestId("form-problems")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync("own exercise form with problems");
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task The_account_pages_and_their_menus_have_no_serious_accessibility_violations(bool dark) => StepsAsync(async () =>
    {
        if (dark)
        {
            await UseDarkThemeAsync();
        }

        // Static pages: there is no circuit to wait for.
        await Page.GotoAsync("/Account/Login");
        await AssertNoSeriousViolationsAsync("sign in");

        await Page.SetViewportSizeAsync(PhoneWidth, 800);
        await Page.GetByLabel("Open navigation").ClickAsync();
        await AssertNoSeriousViolationsAsync("sign in, navigation open");
        await Page.GetByLabel("Theme").ClickAsync();
        await AssertNoSeriousViolationsAsync("sign in, theme menu open");

        await Page.GotoAsync("/Account/Register");
        await Page.GetByLabel("E-mail").FillAsync("not an address");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("abc");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(Page.GetByText("Use at least one digit")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync("register, with every broken rule shown");
    });
}
