using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd.Features.Programs;

/// <summary>
/// A coach writes an exercise of their own (a bad value first, which the form explains beside the field), adds it to a
/// plan in the builder, saves and shares the routine; someone with the link, signed out, sees it with the neutral
/// drawing and its cautions, and starts the session after the safety check.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OwnExerciseJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Stretch-2026!";
    private const string Caution = "Keep your lower back against the wall.";

    /// <summary>Set to a folder to keep pictures of the new pages at phone and desktop width, light and dark.</summary>

    /// <summary>Notes every caution and drawing the player shows, however briefly (a get-ready lasts a quarter second at the test's speed).</summary>
    private const string Recorder = """
        window.__seen = { cautions: [], drawings: [] };
        new MutationObserver(() => {
          for (const c of document.querySelectorAll('[data-testid=cautions]')) {
            if (!window.__seen.cautions.includes(c.textContent)) window.__seen.cautions.push(c.textContent);
          }
          for (const img of document.querySelectorAll('[data-testid=figure] img')) {
            const src = img.getAttribute('src');
            if (!window.__seen.drawings.includes(src)) window.__seen.drawings.push(src);
          }
        }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        """;

    [Fact]
    public Task A_coach_shares_a_routine_with_an_exercise_of_their_own_and_a_link_holder_plays_it() => StepsAsync(async () =>
    {
        var coach = Page;
        await coach.GotoAsync("/Account/Register");
        await coach.GetByLabel("E-mail").FillAsync($"coach-{Guid.NewGuid():N}@example.com");
        await coach.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await coach.GetByLabel("Confirm password").FillAsync(Password);
        await coach.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(coach).ToHaveURLAsync(new Regex("/progress$"));

        // From the builder, "Write a new exercise" opens the form and comes back to this plan.
        await OpenAsync("/session?minutes=5&seed=4");
        var planBefore = await coach.Locator(".plan-row").CountAsync();
        await PicturesAsync(coach.Context, "builder-no-own", "/session?minutes=5&seed=4");
        await coach.GetByTestId("add-own-exercise").GetByRole(AriaRole.Link, new() { Name = "Write a new exercise" }).ClickAsync();
        await Expect(coach.GetByRole(AriaRole.Heading, new() { Name = "Write an exercise", Level = 1 })).ToBeVisibleAsync();
        await WaitUntilInteractiveAsync();
        await PicturesAsync(coach.Context, "form-empty", "/routines/exercises/new");

        await coach.GetByLabel("Name").FillAsync("Wall angels");
        await coach.GetByLabel("Summary (one line)").FillAsync("Slides the arms up a wall to open the upper back.");
        await coach.Locator("[data-field=regions]").GetByText("Upper back", new() { Exact = true }).ClickAsync();
        await coach.Locator("[data-field=directions]").GetByText("Extension", new() { Exact = true }).ClickAsync();
        await coach.Locator("[data-field=phases]").GetByText("Spine mobility", new() { Exact = true }).ClickAsync();
        await coach.Locator("[data-field=position]").GetByText("Standing", new() { Exact = true }).ClickAsync();
        await coach.Locator("[data-field=equipment]").GetByText("Wall", new() { Exact = true }).ClickAsync();
        await coach.GetByRole(AriaRole.Textbox, new() { Name = "Repetitions", Exact = true }).FillAsync("150");
        await coach.GetByLabel("Seconds per repetition").FillAsync("4");
        await coach.GetByLabel("Steps (3 to 6)").FillAsync("Stand with your back against a wall.\nRaise your arms to shoulder height, elbows bent.\nSlide the arms up the wall and back down.");
        await coach.GetByLabel("Cues (2 to 4)").FillAsync("Move slowly.\nBreathe out as the arms rise.");
        await coach.GetByLabel("Cautions (1 to 3)").FillAsync(Caution);

        // A bad value: the catalog's message, beside the field, naming the range; nothing is saved.
        await coach.GetByRole(AriaRole.Button, new() { Name = "Save exercise" }).ClickAsync();
        var reps = coach.Locator(".mud-input-control", new() { Has = coach.GetByRole(AriaRole.Textbox, new() { Name = "Repetitions", Exact = true }) });
        await Expect(reps).ToContainTextAsync("Repetitions must be from 1 to 100, not 150.");
        await Expect(coach.GetByRole(AriaRole.Textbox, new() { Name = "Repetitions", Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(coach.GetByTestId("form-problems")).ToContainTextAsync("One thing to fix");
        await Expect(coach).ToHaveURLAsync(new Regex("/routines/exercises/new"));
        if (PicturesFolder is not null)
        {
            foreach (var width in new[] { PhoneWidth, 1280 })
            {
                await coach.SetViewportSizeAsync(width, 900);
                await coach.ScreenshotAsync(new() { Path = Path.Combine(PicturesFolder, $"form-problem-{width}-light.png"), FullPage = true });
            }

            await coach.SetViewportSizeAsync(Width, 900);
        }

        await coach.GetByRole(AriaRole.Textbox, new() { Name = "Repetitions", Exact = true }).FillAsync("8");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Save exercise" }).ClickAsync();

        // Back in the builder, with the plan as it was: add the exercise to the spine-mobility phase.
        await Expect(coach).ToHaveURLAsync(new Regex("/session\\?minutes=5&seed=4"));
        await WaitUntilInteractiveAsync();
        var add = coach.GetByTestId("add-own-exercise");
        await add.GetByText("Wall angels", new() { Exact = true }).ClickAsync();
        await add.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Add Wall angels") }).ClickAsync();
        await Expect(coach.Locator(".plan-row")).ToHaveCountAsync(planBefore + 1);
        await Expect(coach).ToHaveURLAsync(new Regex("plan=.*my_[a-z0-9]{16}-1x8"));
        var ownRow = coach.Locator(".plan-row[data-slug^='my_']");
        await Expect(ownRow).ToContainTextAsync("Wall angels");
        await Expect(ownRow).ToContainTextAsync("8 reps");
        await PicturesAsync(coach.Context, "builder-with-own", new Uri(coach.Url).PathAndQuery);

        var save = coach.GetByTestId("save-routine");
        await save.GetByRole(AriaRole.Button, new() { Name = "Save routine" }).ClickAsync();
        await save.GetByLabel("Name").FillAsync("Upper-back routine");
        await save.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await save.GetByRole(AriaRole.Link, new() { Name = "Open it in My routines" }).ClickAsync();
        await Expect(coach.GetByRole(AriaRole.Heading, new() { Name = "Upper-back routine", Level = 1 })).ToBeVisibleAsync();
        await WaitUntilInteractiveAsync();
        await Expect(coach.GetByTestId("routine-exercises")).ToContainTextAsync(Caution);

        var share = coach.GetByTestId("share-panel");
        await share.GetByLabel("Your name as they will see it").FillAsync("Sam (physio)");
        await share.GetByRole(AriaRole.Button, new() { Name = "Create share link" }).ClickAsync();
        var link = new Uri(await share.GetByLabel("Share link").InputValueAsync()).AbsolutePath;
        await PicturesAsync(coach.Context, "my-exercises", "/routines/exercises");

        // Someone with the link, signed out: the exercise with the neutral drawing, its steps and cautions, and the safety line.
        await using var personContext = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.BaseAddress.ToString(), ViewportSize = new() { Width = PhoneWidth, Height = 800 }, Locale = "en-GB", TimezoneId = BrowserFixture.TimeZone });
        personContext.SetDefaultTimeout(15_000);
        var person = await personContext.NewPageAsync();
        await person.AddInitScriptAsync(Recorder);
        await person.GotoAsync(link);
        await InteractiveAsync(person);
        var own = person.GetByTestId("routine-exercises").Locator("[data-slug^='my_']");
        await Expect(own).ToContainTextAsync("Wall angels");
        await Expect(own).ToContainTextAsync("Slide the arms up the wall and back down.");
        await Expect(own).ToContainTextAsync(Caution);
        var drawing = own.GetByRole(AriaRole.Img, new() { Name = "No picture for this exercise: follow its steps." }).First;
        await Expect(drawing).ToBeVisibleAsync();
        Assert.Matches(new Regex(@"^/img/no-picture\.[a-z0-9]+\.svg$"), await drawing.GetAttributeAsync("src"));
        Assert.True(await drawing.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the neutral drawing did not load");
        await Expect(person.GetByTestId("safety-line")).ToContainTextAsync("stop if you feel sharp pain");
        await PicturesAsync(personContext, "shared-with-own", link);

        await person.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await Expect(person.GetByTestId("safety-check")).ToContainTextAsync("Before your first session");
        var questions = person.Locator(".screening-question");
        await Expect(questions).ToHaveCountAsync(6);
        for (var i = 0; i < 6; i++)
        {
            await questions.Nth(i).GetByRole(AriaRole.Radio).Nth(1).CheckAsync();
        }

        await person.GetByTestId("safety-check").GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();
        await Expect(person).ToHaveURLAsync(new Regex("/session/play/"));
        await InteractiveAsync(person);

        // The player came to the coach's exercise with its caution and the neutral drawing, as it does for the catalog's.
        await Expect(person.GetByTestId("summary-title")).ToHaveTextAsync("Session complete", new() { Timeout = 60_000 });
        var cautions = await person.EvaluateAsync<string[]>("() => window.__seen.cautions");
        Assert.Contains(cautions, c => c.Contains(Caution, StringComparison.Ordinal));
        var drawings = await person.EvaluateAsync<string[]>("() => window.__seen.drawings");
        Assert.Contains(drawings, d => d.Contains("no-picture", StringComparison.Ordinal));
    });
}
