using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Programs;

/// <summary>
/// A coach builds, edits, saves, schedules and shares a routine and prints its handout; a second person opens the
/// link signed out, does the session, signs up, follows it sharing their progress; the coach sees it, until the
/// person stops sharing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ProgramJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Stretch-2026!";

    /// <summary>Set to a folder to keep pictures of every page of the journey, at phone and desktop width, light and dark.</summary>

    private static async Task RegisterAsync(IPage page, string email, string? from = null)
    {
        if (from is null)
        {
            await page.GotoAsync("/Account/Register");
        }

        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }

    [Fact]
    public Task A_coach_shares_a_program_and_sees_a_followers_progress_only_while_they_share_it() => StepsAsync(async () =>
    {
        var coachEmail = $"coach-{Guid.NewGuid():N}@example.com";
        var personEmail = $"robin-{Guid.NewGuid():N}@example.com";
        var coach = Page;

        // The coach signs up, builds a 5-minute session, removes its first exercise, and saves it with a note.
        await RegisterAsync(coach, coachEmail);
        await Expect(coach).ToHaveURLAsync(new Regex("/progress$"));
        await OpenAsync("/session?minutes=5&seed=4");
        var firstRow = coach.Locator(".plan-row").First;
        var rows = await coach.Locator(".plan-row").CountAsync();
        await firstRow.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Remove ") }).ClickAsync();
        await Expect(coach.Locator(".plan-row")).ToHaveCountAsync(rows - 1);
        await Expect(coach).ToHaveURLAsync(new Regex("plan="));
        var kept = await coach.Locator(".plan-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.slug)");

        var save = coach.GetByTestId("save-routine");
        await save.GetByRole(AriaRole.Button, new() { Name = "Save routine" }).ClickAsync();
        await save.GetByLabel("Name").FillAsync("Lower-back program");
        await save.GetByLabel("Note (optional)").FillAsync("Keep the movement small on the left side");
        await save.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await save.GetByRole(AriaRole.Link, new() { Name = "Open it in My routines" }).ClickAsync();
        await Expect(coach.GetByRole(AriaRole.Heading, new() { Name = "Lower-back program", Level = 1 })).ToBeVisibleAsync();
        await WaitUntilInteractiveAsync();
        var routineUrl = coach.Url;

        // Exactly what was saved: the same exercises in the same order, the removed one gone.
        var saved = await coach.GetByTestId("routine-exercises").Locator("[data-slug]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.slug)");
        Assert.Equal(kept, saved);
        Assert.Equal(rows - 1, saved.Length);
        await Expect(coach.GetByTestId("routine-note")).ToHaveTextAsync("Keep the movement small on the left side");

        // A schedule: Monday, Thursday (the fast clock's today) and Saturday, for 4 weeks from today.
        var schedule = coach.GetByTestId("schedule-panel");
        await schedule.GetByText("Chosen weekdays").ClickAsync();
        foreach (var day in new[] { "Mon", "Thu", "Sat" })
        {
            await schedule.GetByText(day, new() { Exact = true }).ClickAsync();
        }

        await schedule.GetByRole(AriaRole.Button, new() { Name = "Save schedule" }).ClickAsync();
        await Expect(schedule).ToContainTextAsync("Mon, Thu, Sat for 4 weeks");

        // Share: a link and its QR code.
        var share = coach.GetByTestId("share-panel");
        await share.GetByLabel("Your name as they will see it").FillAsync("Sam (physio)");
        await share.GetByRole(AriaRole.Button, new() { Name = "Create share link" }).ClickAsync();
        await Expect(share.GetByTestId("share-qr")).ToBeVisibleAsync();
        var link = await share.GetByLabel("Share link").InputValueAsync();
        Assert.Matches(new Regex(@"/r/[A-Za-z0-9_-]{43}$"), link);
        await PicturesAsync(coach.Context, "routine", new Uri(routineUrl).PathAndQuery);

        // The handout prints on one page with every exercise's name, the safety line and the QR code.
        var handout = await coach.Context.NewPageAsync();
        await handout.GotoAsync(new Uri(routineUrl).AbsolutePath + "/handout");
        await Expect(handout.GetByTestId("handout-qr")).ToBeVisibleAsync();
        await handout.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var slug in kept)
        {
            await Expect(handout.GetByTestId("handout").Locator(".handout-name").Filter(new() { HasText = await NameOfAsync(slug) })).ToHaveCountAsync(1);
        }

        var pdf = await handout.PdfAsync(new() { Format = "A4", PrintBackground = true, Tagged = true, Outline = true });
        if (PicturesFolder is not null)
        {
            await File.WriteAllBytesAsync(Path.Combine(PicturesFolder, "handout.pdf"), pdf);
            await handout.ScreenshotAsync(new() { Path = Path.Combine(PicturesFolder, "handout-print.png"), FullPage = true });
        }

        var document = Encoding.Latin1.GetString(pdf);
        Assert.Single(PdfPages().Matches(document));
        Assert.Contains("/Subtype /Image", document, StringComparison.Ordinal);
        foreach (var slug in kept)
        {
            Assert.Contains(PdfText(await NameOfAsync(slug)), document, StringComparison.Ordinal);
        }

        await handout.CloseAsync();

        // A second person opens the link signed out: the routine, its note and the safety line; Start asks the safety questions first.
        await using var personContext = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.BaseAddress.ToString(), ViewportSize = new() { Width = PhoneWidth, Height = 800 }, Locale = "en-GB", TimezoneId = BrowserFixture.TimeZone });
        personContext.SetDefaultTimeout(15_000);
        var person = await personContext.NewPageAsync();
        var token = new Uri(link).AbsolutePath;
        await person.GotoAsync(token);
        await InteractiveAsync(person);
        await Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Lower-back program" })).ToBeVisibleAsync();
        await Expect(person.GetByText("Shared with you by Sam (physio)")).ToBeVisibleAsync();
        await Expect(person.GetByTestId("routine-note")).ToContainTextAsync("Keep the movement small on the left side");
        await Expect(person.GetByTestId("safety-line")).ToContainTextAsync("stop if you feel sharp pain");
        await PicturesAsync(personContext, "shared-link", token);

        await person.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await Expect(person.GetByTestId("safety-check")).ToContainTextAsync("Before your first session");
        await AnswerNoAsync(person);
        await person.GetByTestId("safety-check").GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();
        await Expect(person).ToHaveURLAsync(new Regex("/session/play/"));
        await Expect(person.GetByTestId("summary-title")).ToHaveTextAsync("Session complete", new() { Timeout = 60_000 });

        // Signs up from the link, which keeps the routine; then follows it, sharing progress with the coach.
        await person.GotoAsync(token);
        await InteractiveAsync(person);
        await person.GetByRole(AriaRole.Link, new() { Name = "Sign up to keep it" }).ClickAsync();
        await RegisterAsync(person, personEmail, from: token);
        await Expect(person.GetByTestId("kept")).ToContainTextAsync("Kept in My routines", new() { Timeout = 20_000 });

        var follow = person.GetByTestId("follow-panel");
        await Expect(follow).ToContainTextAsync("Sam (physio) suggests Mon, Thu, Sat for 4 weeks");
        await follow.GetByText("Share my progress on this program with Sam (physio)").ClickAsync();
        await follow.GetByLabel("Your name as they will see it").FillAsync("Robin");
        await follow.GetByRole(AriaRole.Button, new() { Name = "Follow this program" }).ClickAsync();
        await Expect(person).ToHaveURLAsync(new Regex("/programs/[0-9a-f-]{36}$"));
        await InteractiveAsync(person);
        var programUrl = new Uri(person.Url).AbsolutePath;
        await Expect(person.GetByTestId("program-headline")).ToContainTextAsync("Lower-back program · week 1 of 4");
        await Expect(person.GetByTestId("sharing-state")).ToContainTextAsync("You share your progress on this program with Sam (physio)");

        // A session of the program, with a "This hurts" report of 5 in the lower back.
        await person.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Start (today's )?(a )?session$") }).ClickAsync();
        await Expect(person).ToHaveURLAsync(new Regex("/session/play/"));
        await InteractiveAsync(person);
        await person.GetByTestId("this-hurts-button").ClickAsync();
        var panel = person.GetByTestId("this-hurts");
        await panel.GetByText("5", new() { Exact = true }).ClickAsync();
        await panel.GetByText("Lower back", new() { Exact = true }).ClickAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "It has eased: keep going" }).ClickAsync();
        await Expect(person.GetByTestId("summary-title")).ToHaveTextAsync("Session complete", new() { Timeout = 60_000 });

        // Home shows the program with this week.
        await person.GotoAsync("/");
        await Expect(person.GetByTestId("program-panel-headline")).ToContainTextAsync("Lower-back program · week 1 of 4");
        await PicturesAsync(personContext, "home", "/");
        await PicturesAsync(personContext, "program", programUrl);

        // The coach sees Robin, their adherence and the pain report.
        await OpenAsync("/programs/people");
        var row = coach.GetByTestId("follower");
        await Expect(row).ToContainTextAsync("Robin");
        await Expect(row).ToContainTextAsync("Last 7 days");
        await PicturesAsync(coach.Context, "people", "/programs/people");
        await row.ClickAsync();
        // The list page is interactive too: wait for the follower's page before waiting for its circuit.
        await Expect(coach).ToHaveURLAsync(new Regex("/programs/people/[0-9a-f-]{36}$"));
        await InteractiveAsync(coach);
        await Expect(coach.GetByTestId("adherence-7")).ToContainTextAsync("1 of 1 (100 %)");
        await Expect(coach.GetByTestId("program-pain")).ToContainTextAsync("pain 5/10, lower back, carried on");
        var followerUrl = new Uri(coach.Url).AbsolutePath;
        await PicturesAsync(coach.Context, "follower", followerUrl);

        // The person stops sharing: the coach's open page says so within the revalidation interval, and the list no longer has them.
        await person.GotoAsync(programUrl);
        await InteractiveAsync(person);
        await person.GetByRole(AriaRole.Button, new() { Name = "Stop sharing" }).ClickAsync();
        await Expect(person.GetByTestId("sharing-state")).ToContainTextAsync("You stopped sharing your progress with Sam (physio) on");
        await Expect(coach.GetByTestId("sharing-stopped")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await OpenAsync("/programs/people");
        await Expect(coach.GetByTestId("no-followers")).ToBeVisibleAsync();
        await Expect(coach.GetByText("Robin")).ToHaveCountAsync(0);

        // The coach stops sharing the link: the person's open page of it says so.
        await person.GotoAsync(token);
        await InteractiveAsync(person);
        await coach.GotoAsync(new Uri(routineUrl).AbsolutePath);
        await InteractiveAsync(coach);
        await coach.GetByTestId("share-panel").GetByRole(AriaRole.Button, new() { Name = "Stop sharing" }).ClickAsync();
        await Expect(person.GetByTestId("link-gone")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    });

    private async Task<string> NameOfAsync(string slug)
    {
        await using var db = Fixture.App.CreateDbContext();
        return (await db.Exercises.SingleAsync(e => e.Slug == slug)).Name;
    }

    private static async Task AnswerNoAsync(IPage page)
    {
        var questions = page.Locator(".screening-question");
        await Expect(questions).ToHaveCountAsync(6);
        for (var i = 0; i < 6; i++)
        {
            await questions.Nth(i).GetByRole(AriaRole.Radio).Nth(1).CheckAsync();
        }
    }

    /// <summary>How Chromium writes a text string in a tagged PDF's outline or structure: UTF-16 in hex, or a literal.</summary>
    private static string PdfText(string text) => text;

    [GeneratedRegex(@"/Type\s*/Page\b")]
    private static partial Regex PdfPages();
}
