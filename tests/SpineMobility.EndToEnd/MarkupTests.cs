using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpineMobility.Testing;
using static Microsoft.Playwright.Assertions;

namespace SpineMobility.EndToEnd;

/// <summary>
/// The markup of every page follows the standards: html-validate (npm, its <c>standard</c> preset plus explicit
/// button types and unique landmarks, see .htmlvalidate.json) over the HTML the server sends, and in the browser
/// one main landmark, one h1 before any other heading, and no skipped heading level.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MarkupTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = "Stretch-2026!";

    private static readonly string Folder = Path.Combine(RepoFiles.Root, "tests", "SpineMobility.EndToEnd");

    private static readonly string HtmlValidate = Path.Combine(Folder, "node_modules", "html-validate", "bin", "html-validate.mjs");

    /// <summary>
    /// Elements MudBlazor renders with Blazor's <c>@onclick:stopPropagation</c>, which prerendering writes out as
    /// <c>__internal_stopPropagation_*</c> attributes; their markup is MudBlazor's own and takes no parameter to change it.
    /// Our own buttons let clicks bubble (<c>ClickPropagation="true"</c>), so they carry none.
    /// </summary>
    private static readonly string[] MudBlazorStopsPropagation =
    [
        "mud-menu-icon-button-activator", // MudMenu's built-in activator (the theme menu); a custom one would nest a button in its role="button" wrapper.
        "mud-select",                     // MudSelect's input (the filters on /exercises).
        "mud-list-item",                  // MudListItem (the steps on an exercise's page).
        "mud-toggle-item",                // MudToggleItem (the choice of months on /progress).
        "mud-chart-legend-item",          // MudChart's legend (the charts on /progress).
        "mud-input-adornment-icon-button", // MudInput's adornment buttons (the pickers' "Open", the calendar link's "Copy").
        "aria-label=\"Increment\"",       // MudNumericField's spin buttons (the minutes on /settings).
        "aria-label=\"Decrement\"",
    ];

    /// <summary>Signs in a new account with a finished session; returns the session's address.</summary>
    private async Task<string> SignInWithAHistoryAsync()
    {
        var email = $"markup-{Guid.NewGuid():N}@example.com";
        var userId = await Fixture.App.CreateUserAsync(email, Password);
        var run = await Fixture.App.RecordSessionAsync(userId, "Evening stretch", Fixture.Now.AddDays(-1));
        await Fixture.App.RecordSessionAsync(userId, "Morning stretch", Fixture.Now.AddHours(-2));

        await Page.GotoAsync("/Account/Login");
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
        return $"/progress/sessions/{run}";
    }

    [Fact]
    public Task Html_validate_finds_no_error_on_any_server_rendered_page() => StepsAsync(async () =>
    {
        Assert.True(File.Exists(HtmlValidate), $"html-validate is missing at {HtmlValidate}: run ./test.sh, which installs it with npm ci.");
        var folder = TempFiles.NewPath("markup", "");
        Directory.CreateDirectory(folder);
        try
        {
            var pages = new List<string>
            {
                "/", "/exercises", "/exercises?region=neck", "/exercises/cat-cow", "/exercises/pigeon-pose", "/session",
                "/session?preset=hips", "/safety", "/about", "/progress", "/no-such-page", "/exercises/no-such-exercise",
                "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ForgotPasswordConfirmation",
                "/Account/InvalidPasswordReset", "/Account/Lockout", "/Account/AccessDenied",
            };
            await SaveAsync(folder, "anonymous", pages);

            var session = await SignInWithAHistoryAsync();
            await SaveAsync(folder, "signed-in",
            [
                "/", "/progress", session, "/settings", "/session", "/safety", "/Account/Manage", "/Account/Manage/ChangePassword",
                "/Account/Manage/DeletePersonalData", "/Account/Register", "/routines/exercises", "/routines/exercises/new",
            ]);

            var files = Directory.GetFiles(folder, "*.html").Order().ToList();
            var report = await RunHtmlValidateAsync(files);
            var errors = report.AsArray()
                .SelectMany(file => file!["messages"]!.AsArray().Select(m => (File: Path.GetFileName(file["filePath"]!.GetValue<string>()), Message: m!)))
                .Where(m => m.Message["severity"]!.GetValue<int>() == 2)
                .Select(m => $"{m.File}:{m.Message["line"]} {m.Message["ruleId"]}: {m.Message["message"]} ({m.Message["selector"]})")
                .ToList();
            Assert.True(errors.Count == 0, $"{errors.Count} html-validate errors:\n" + string.Join("\n", errors.Take(60)));

            var internalAttributes = new List<string>();
            foreach (var file in files)
            {
                foreach (Match element in StopPropagationElement().Matches(await File.ReadAllTextAsync(file)))
                {
                    if (!MudBlazorStopsPropagation.Any(element.Value.Contains))
                    {
                        internalAttributes.Add($"{Path.GetFileName(file)}: {element.Value[..Math.Min(200, element.Value.Length)]}");
                    }
                }
            }

            Assert.True(internalAttributes.Count == 0, "__internal_stopPropagation_* attributes on our own elements:\n" + string.Join("\n", internalAttributes));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    });

    [Fact]
    public async Task Html_validate_fails_on_the_errors_the_pages_had_before()
    {
        // A positive control: the old page shapes (a style in the body, aria-label on a plain div, a button without a type) fail.
        var file = TempFiles.NewPath("markup-control", ".html");
        await File.WriteAllTextAsync(file, """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Old</title></head>
            <body><style>p { color: red; }</style><div aria-label="Regions">Neck</div><button>Go</button></body></html>
            """);
        try
        {
            var rules = (await RunHtmlValidateAsync([file]))[0]!["messages"]!.AsArray().Select(m => m!["ruleId"]!.GetValue<string>()).ToHashSet();

            Assert.Superset(new HashSet<string> { "element-permitted-content", "aria-label-misuse", "no-implicit-button-type" }, rules);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public Task Every_main_page_has_one_main_landmark_one_h1_first_and_no_skipped_heading_level() => StepsAsync(async () =>
    {
        var pages = new List<string> { "/", "/exercises", "/exercises/cat-cow", "/session", "/safety", "/about", "/no-such-page" };
        foreach (var path in pages)
        {
            await OpenAsync(path);
            await AssertOutlineAsync(path);
        }

        await Page.GotoAsync("/Account/Login");
        await AssertOutlineAsync("/Account/Login");

        var session = await SignInWithAHistoryAsync();
        foreach (var path in new[] { "/progress", session, "/settings" })
        {
            await OpenAsync(path);
            await Expect(Page.Locator(".mud-skeleton")).ToHaveCountAsync(0);
            await AssertOutlineAsync(path);
        }

        await Page.GotoAsync("/Account/Manage");
        await AssertOutlineAsync("/Account/Manage");
    });

    private async Task AssertOutlineAsync(string path)
    {
        var outline = await Page.EvaluateAsync<Outline>(OutlineScript);

        Assert.True(outline.Mains == 1, $"{path}: {outline.Mains} main landmarks");
        Assert.True(outline.Headings.Length > 0 && outline.Headings[0].Level == 1, $"{path}: the first heading is {Describe(outline.Headings.FirstOrDefault())}");
        Assert.True(outline.Headings.Count(h => h.Level == 1) == 1, $"{path}: {outline.Headings.Count(h => h.Level == 1)} h1 headings");
        for (var i = 1; i < outline.Headings.Length; i++)
        {
            Assert.True(outline.Headings[i].Level <= outline.Headings[i - 1].Level + 1,
                $"{path}: {Describe(outline.Headings[i - 1])} is followed by {Describe(outline.Headings[i])}");
        }

        Assert.True(outline.DuplicateLandmarks.Length == 0, $"{path}: landmarks without a name of their own: {string.Join(", ", outline.DuplicateLandmarks)}");
    }

    private static string Describe(Heading? heading) => heading is null ? "missing" : $"h{heading.Level} \"{heading.Text}\"";

    // Landmarks as assistive technology counts them: header and footer only outside sectioning elements.
    private const string OutlineScript = """
        () => {
          const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")].map(h => ({
            level: h.hasAttribute("aria-level") ? Number(h.getAttribute("aria-level")) : Number(h.tagName.substring(1)),
            text: h.textContent.trim().slice(0, 50),
          }));
          const sectioning = "article, aside, main, nav, section";
          const roleOf = e => e.getAttribute("role") || {
            MAIN: "main", NAV: "navigation", ASIDE: "complementary",
            HEADER: e.parentElement.closest(sectioning) ? null : "banner",
            FOOTER: e.parentElement.closest(sectioning) ? null : "contentinfo",
            SECTION: e.hasAttribute("aria-label") || e.hasAttribute("aria-labelledby") ? "region" : null,
          }[e.tagName];
          const nameOf = e => e.getAttribute("aria-label")
            || (e.getAttribute("aria-labelledby") || "").split(" ").map(id => document.getElementById(id)?.textContent.trim() || "").join(" ").trim();
          const landmarks = [...document.querySelectorAll("main, nav, aside, header, footer, section, [role=main], [role=navigation], [role=complementary], [role=banner], [role=contentinfo], [role=region], [role=search]")]
            .map(e => ({ role: roleOf(e), name: nameOf(e) }))
            .filter(l => ["main", "navigation", "complementary", "banner", "contentinfo", "region", "search"].includes(l.role));
          const keys = landmarks.map(l => `${l.role} "${l.name}"`);
          return {
            mains: landmarks.filter(l => l.role === "main").length,
            headings,
            duplicateLandmarks: [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))],
          };
        }
        """;

    private async Task SaveAsync(string folder, string who, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var response = await Page.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });
            Assert.True(response.Status is 200 or 404, $"{path} ({who}) answered {response.Status}");
            var name = $"{who}{NotFileName().Replace(path, "_")}.html";
            await File.WriteAllTextAsync(Path.Combine(folder, name), await response.TextAsync());
        }
    }

    private static async Task<JsonNode> RunHtmlValidateAsync(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("node", [HtmlValidate, "--config", Path.Combine(Folder, ".htmlvalidate.json"), "--formatter", "json", .. files])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["NO_COLOR"] = "1" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        Assert.True(text.TrimStart().StartsWith('['), $"html-validate did not report (exit {process.ExitCode}): {text}{await errors}");
        return JsonNode.Parse(text)!;
    }

    [GeneratedRegex(@"<[a-z][^>]*__internal_stopPropagation_[^>]*>")]
    private static partial Regex StopPropagationElement();

    [GeneratedRegex(@"[^A-Za-z0-9-]+")]
    private static partial Regex NotFileName();

    private sealed class Heading
    {
        public int Level { get; set; }

        public string Text { get; set; } = "";
    }

    private sealed class Outline
    {
        public int Mains { get; set; }

        public Heading[] Headings { get; set; } = [];

        public string[] DuplicateLandmarks { get; set; } = [];
    }
}
