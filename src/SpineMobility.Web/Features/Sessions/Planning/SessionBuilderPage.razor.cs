using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Sessions.Planning;

public partial class SessionBuilderPage
{
    private IReadOnlyList<string> _problems = [];
    private IReadOnlyList<Exercise> _catalog = [];
    private Routine? _routine;
    private bool _customMinutes;
    private bool _starting;
    private CheckIn _before = new();

    /// <summary>Set while the safety questions stand between the user and the session, with why they are asked.</summary>
    private ScreeningNeed _screening;
    private ElementReference _checkHeading;
    private bool _focusCheck;

    [Inject]
    private ExerciseCatalog Catalog { get; set; } = default!;

    [Inject]
    private SessionRuns Runs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private SafetyStore Safety { get; set; } = default!;

    [CascadingParameter]
    public Visitor? Visitor { get; set; }

    [SupplyParameterFromQuery(Name = "preset")]
    public string? PresetSlug { get; set; }

    [SupplyParameterFromQuery(Name = "minutes")]
    public string? Minutes { get; set; }

    [SupplyParameterFromQuery(Name = "focus")]
    public string[]? Focus { get; set; }

    [SupplyParameterFromQuery(Name = "level")]
    public string? LevelTag { get; set; }

    [SupplyParameterFromQuery(Name = "equipment")]
    public string? Equipment { get; set; }

    [SupplyParameterFromQuery(Name = "seed")]
    public string? Seed { get; set; }

    /// <summary>A session this browser left running or paused, offered for resuming.</summary>
    [PersistentState]
    public SessionRunSummary? Unfinished { get; set; }

    private RoutineRequest Request { get; set; } = new(BuilderQuery.DefaultMinutes, [], Level.Standard, false, 1);

    private string Title { get; set; } = "";

    private int ChipMinutes => _customMinutes || !RoutineRequest.SuggestedMinutes.Contains(Request.Minutes) ? 0 : Request.Minutes;

    protected override async Task OnInitializedAsync()
    {
        if (Unfinished is null && Visitor is not null && await Runs.UnfinishedAsync(Visitor) is { } run)
        {
            Unfinished = new(run.Id, run.Title);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var choice = BuilderQuery.Parse(new BuilderAddress(PresetSlug, Minutes, Focus, LevelTag, Equipment, Seed));
        var request = choice.Request;
        Request = request;
        Title = choice.Title;
        _problems = choice.MinutesProblem is { } minutesProblem ? [minutesProblem, .. choice.Problems] : choice.Problems;
        _customMinutes |= !RoutineRequest.SuggestedMinutes.Contains(request.Minutes);
        _catalog = await Catalog.ActiveAsync();
        _routine = RoutineGenerator.Generate(request, _catalog);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The questions replace the plan: focus (and the screen) moves to their heading.
        if (_focusCheck && _screening != ScreeningNeed.None)
        {
            _focusCheck = false;
            await _checkHeading.FocusAsync();
        }
    }

    private void Show(RoutineRequest request) =>
        Navigation.NavigateTo("/session" + BuilderQuery.ToQueryString(request), replace: true);

    private void OnMinutesChosen(int minutes)
    {
        _customMinutes = minutes == 0;
        if (minutes > 0)
        {
            Show(Request with { Minutes = minutes });
        }
    }

    private void OnCustomMinutes(int minutes)
    {
        if (minutes is >= RoutineRequest.MinMinutes and <= RoutineRequest.MaxMinutes)
        {
            Show(Request with { Minutes = minutes });
        }
    }

    private void OnFocusChosen(IReadOnlyCollection<Region>? focus) =>
        Show(Request with { Focus = [.. RoutineRequest.FocusRegions.Where(r => focus?.Contains(r) == true)] });

    private void OnLevelChosen(Level level) => Show(Request with { Level = level });

    private void OnEquipmentChosen(bool hasEquipment) => Show(Request with { HasEquipment = hasEquipment });

    private void Shuffle() => Show(Request with { Seed = unchecked(Request.Seed * 31 + 17) & 0x7fffffff });

    private void Swap(int index) => _routine = RoutineEditor.Replace(_routine!, index, RoutineEditor.Alternatives(_routine!, index, _catalog)[0], _catalog);

    private void Remove(int index) => _routine = RoutineEditor.Remove(_routine!, index, _catalog);

    private async Task StartAsync()
    {
        // Events of one circuit run one at a time, so a double click finds this already set.
        if (_starting || _routine is null || Visitor is null)
        {
            return;
        }

        _starting = true;
        try
        {
            var need = ScreeningRules.BeforeStart(await Safety.NeedAsync(Visitor), _before.Pain);
            if (need != ScreeningNeed.None)
            {
                _screening = need;
                _starting = false;
                _focusCheck = true;
                return;
            }

            await StartSessionAsync();
        }
        catch (Exception e) when (e is JSException or InvalidOperationException || e.IsDatabaseError())
        {
            _starting = false;
            Snackbar.Add("The session could not be started. Please try again.", Severity.Error);
        }
    }

    private async Task OnScreenedAsync(SafetyScreening screening)
    {
        if (screening.Result != ScreeningResult.Clear || _routine is null || Visitor is null)
        {
            // The advice shows in place of the questions; the session does not start.
            return;
        }

        _screening = ScreeningNeed.None;
        _starting = true;
        try
        {
            await StartSessionAsync();
        }
        catch (Exception e) when (e is JSException or InvalidOperationException || e.IsDatabaseError())
        {
            _starting = false;
            Snackbar.Add("The session could not be started. Please try again.", Severity.Error);
        }
    }

    private async Task StartSessionAsync()
    {
        var timeZone = await JS.InvokeAsync<string>("spine.timeZone");
        var id = await Runs.StartAsync(_routine!, Title, Visitor!, timeZone, _before);
        Navigation.NavigateTo($"/session/play/{id}");
    }

    private ScreeningReason ScreeningReasonOf => _screening switch
    {
        ScreeningNeed.AfterHighPain => ScreeningReason.AfterHighPain,
        ScreeningNeed.FlagRaised => ScreeningReason.FlagRaised,
        _ => ScreeningReason.FirstSession,
    };

    private string ScreeningHeading => _screening switch
    {
        ScreeningNeed.AfterHighPain => "You reported strong pain: a quick safety check",
        ScreeningNeed.FlagRaised => "Last time, you answered yes to a warning sign",
        _ => "Before your first session: a quick safety check",
    };
}

/// <summary>Enough of a run to offer it for resuming.</summary>
public sealed record SessionRunSummary(Guid Id, string Title);
