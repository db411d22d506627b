using System.Globalization;
using Microsoft.AspNetCore.Components;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Progress;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Features.Sessions.Planning;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Home;

public partial class HomePage
{
    private static readonly (SessionPhase Phase, string Name, string What)[] Phases =
    [
        (SessionPhase.WarmUp, "Warm-up", "Easy movement that gets blood flowing and readies your muscles."),
        (SessionPhase.Mobility, "Spine mobility", "Focused work on the parts of your spine that need it most."),
        (SessionPhase.Flexibility, "Flexibility", "Whole-body stretches that open up your range of motion."),
        (SessionPhase.CoolDown, "Cool-down", "Slow, gentle stretching and relaxation to help you recover."),
    ];

    private int _minutes = BuilderQuery.DefaultMinutes;

    /// <summary>
    /// The session length the phase cards show ("?minutes=20"): one of the suggested lengths, else the default (read as
    /// text, since a typed number would fail the whole page on "?minutes=abc").
    /// </summary>
    [SupplyParameterFromQuery(Name = "minutes")]
    public string? Minutes { get; set; }
    private IReadOnlyList<Exercise> _catalog = [];
    private IReadOnlyDictionary<SessionPhase, int> _phaseSeconds = new Dictionary<SessionPhase, int>();

    [Inject]
    private ExerciseCatalog Catalog { get; set; } = default!;

    [Inject]
    private SessionRuns Runs { get; set; } = default!;

    [Inject]
    private ProgressData Progress { get; set; } = default!;

    [CascadingParameter]
    public Visitor? Visitor { get; set; }

    [PersistentState]
    public Dictionary<Region, int>? Counts { get; set; }

    /// <summary>What a returning visitor sees first: today's streak and a session to resume; null for a first visit.</summary>
    [PersistentState]
    public ReturningVisitor? Returning { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Counts ??= new(await Catalog.CountByRegionAsync());
        _catalog = await Catalog.ActiveAsync();
        _minutes = int.TryParse(Minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && RoutineRequest.SuggestedMinutes.Contains(chosen)
            ? chosen
            : BuilderQuery.DefaultMinutes;
        _phaseSeconds = PhasePreview.Of(_minutes, _catalog);
        if (Returning is null && Visitor is not null)
        {
            var streak = StreakStatus.Of(await Progress.StreakAsync(Visitor));
            var unfinished = await Runs.UnfinishedAsync(Visitor);
            Returning = streak is null && unfinished is null ? null : new(streak, unfinished?.Id, unfinished?.Title);
        }
    }

    /// <summary>The home page with another length chosen, back at the phase cards (not the top of the page).</summary>
    private static string LengthHref(int minutes) => $"/?minutes={minutes}#session-flow";

    private string CountText(Region region) => Counts?.GetValueOrDefault(region) switch
    {
        null => "…",
        1 => "1 exercise",
        var n => $"{n} exercises",
    };
}

/// <param name="Streak">"Day 5 — done today"; null before the first session.</param>
public sealed record ReturningVisitor(string? Streak, Guid? UnfinishedId, string? UnfinishedTitle);
