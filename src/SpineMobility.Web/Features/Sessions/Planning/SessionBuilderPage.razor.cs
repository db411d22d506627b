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
    private IReadOnlyList<string> _planProblems = [];
    private IReadOnlyList<Exercise> _catalog = [];

    /// <summary>The signed-in user's own exercises, which only their plans can name (by key, never by a catalog slug).</summary>
    private IReadOnlyList<Exercise> _own = [];

    /// <summary>Own exercises the user deleted: routines that have them keep them, but they are not offered for adding.</summary>
    private IReadOnlySet<string> _deletedOwn = new HashSet<string>();

    /// <summary>The catalog and the user's own exercises: what a plan in the address may name and edits may use.</summary>
    private IReadOnlyList<Exercise> _planCatalog = [];
    private Dictionary<string, string> _presetNeeds = [];
    private Routine? _routine;
    private Preset? _preset;
    private bool _customMinutes;
    private string? _customText;
    private string? _customError;
    private bool _starting;
    private CheckIn _before = new();

    /// <summary>Set when a ready-made routine was just chosen: the plan comes into view.</summary>
    private bool _focusPlan;
    private string? _shownPreset;
    private bool _parametersSeen;
    private ElementReference _planHeading;

    /// <summary>Set while the safety questions stand between the user and the session, with why they are asked.</summary>
    private ScreeningNeed _screening;
    private ElementReference _checkHeading;
    private bool _focusCheck;

    [Inject]
    private ExerciseCatalog Catalog { get; set; } = default!;

    [Inject]
    private SessionRuns Runs { get; set; } = default!;

    [Inject]
    private Programs.OwnExerciseStore OwnExercises { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private SafetyStore Safety { get; set; } = default!;

    /// <summary>The addresses this page showed before each change, for Undo.</summary>
    [Inject]
    private BuilderHistory History { get; set; } = default!;

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

    [SupplyParameterFromQuery(Name = "mat")]
    public string? Mat { get; set; }

    [SupplyParameterFromQuery(Name = "only")]
    public string? Only { get; set; }

    [SupplyParameterFromQuery(Name = "include")]
    public string[]? Include { get; set; }

    [SupplyParameterFromQuery(Name = "plan")]
    public string? Plan { get; set; }

    /// <summary>The saved routine this plan is being edited for (My routines → Edit); kept through every change.</summary>
    [SupplyParameterFromQuery(Name = "routine")]
    public Guid? RoutineId { get; set; }

    /// <summary>A session this browser left running or paused, offered for resuming.</summary>
    [PersistentState]
    public SessionRunSummary? Unfinished { get; set; }

    private RoutineRequest Request { get; set; } = new(BuilderQuery.DefaultMinutes, [], Level.Standard, false, 1);

    private string Title { get; set; } = "";

    private int ChipMinutes => _customMinutes || !RoutineRequest.SuggestedMinutes.Contains(Request.Minutes) ? 0 : Request.Minutes;

    private string PlanSummary => _routine!.Blocks.Count == 1
        ? $"1 exercise · {Duration.Text(_routine.TotalSeconds)} in all"
        : $"{_routine.Blocks.Count} exercises · {Duration.Text(_routine.TotalSeconds)} in all";

    protected override async Task OnInitializedAsync()
    {
        if (Unfinished is null && Visitor is not null && await Runs.UnfinishedAsync(Visitor) is { } run)
        {
            Unfinished = new(run.Id, run.Title);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var choice = BuilderQuery.Parse(new BuilderAddress(PresetSlug, Minutes, Focus, LevelTag, Equipment, Seed, Mat, Only, Include, Plan));
        _catalog = await Catalog.ActiveAsync();
        (_own, _deletedOwn) = Visitor?.UserId is { } userId ? await OwnExercises.ForBuilderAsync(userId) : ([], new HashSet<string>());
        _planCatalog = _own.Count == 0 ? _catalog : [.. _catalog, .. _own];
        var (request, includeProblems) = Include is null or [] ? (choice.Request, []) : BuilderQuery.CheckIncluded(choice.Request, _catalog);
        Request = request;
        _preset = choice.Preset;
        Title = choice.Title;
        _problems = [.. choice.Problems, .. includeProblems];

        // A length that could not be read is explained next to the field, with what was typed still in it.
        _customError = choice.MinutesProblem;
        _customMinutes |= choice.MinutesProblem is not null || !RoutineRequest.SuggestedMinutes.Contains(request.Minutes);
        _customText = choice.MinutesProblem is not null ? PlanCode.Shown(Minutes!) : request.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture);

        if (_presetNeeds.Count == 0)
        {
            _presetNeeds = Preset.All.ToDictionary(p => p.Slug, p => NeedsText.Of(RoutineGenerator.Generate(p.Request, _catalog).Needs(_catalog)));
        }

        _routine = RoutineGenerator.Generate(request, _catalog);
        _planProblems = [];
        if (choice.Plan is { } code)
        {
            var (blocks, problems) = PlanCode.Decode(code, _planCatalog);
            _planProblems = blocks is null ? [.. problems, "So this is a fresh plan instead."] : [];
            if (blocks is not null)
            {
                _routine = new Routine(request, blocks);
            }
        }

        // Choosing a ready-made routine brings its plan into view; arriving with one in a link does not jump.
        _focusPlan |= _parametersSeen && PresetSlug is not null && PresetSlug != _shownPreset;
        _shownPreset = PresetSlug;
        _parametersSeen = true;
    }

    /// <summary>Keeps Undo's history in the tab (sessionStorage), for when the builder comes back on a new circuit.</summary>
    private void KeepHistory() => _ = JS.InvokeVoidAsync("spine.keepUndo", History.Addresses).AsTask();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && History.Count == 0)
        {
            History.Restore(await JS.InvokeAsync<string[]?>("spine.keptUndo"));
            if (History.Count > 0)
            {
                StateHasChanged();
            }
        }

        // The questions replace the plan: focus (and the screen) moves to their heading.
        if (_focusCheck && _screening != ScreeningNeed.None)
        {
            _focusCheck = false;
            await _checkHeading.FocusAsync();
        }
        else if (_focusPlan && _routine is not null)
        {
            _focusPlan = false;
            await _planHeading.FocusAsync();
        }
    }

    /// <summary>Shows a changed request (and plan) by changing the address, so reload, Back and a shared link keep it.</summary>
    private void Show(RoutineRequest request, string? plan = null)
    {
        var current = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        var query = BuilderQuery.ToQueryString(request, _preset, plan);
        var next = "/session" + (RoutineId is { } routine ? $"{query}{(query.Length == 0 ? "?" : "&")}routine={routine}" : query);
        if (next == current)
        {
            return;
        }

        History.Push(current);
        KeepHistory();
        Navigation.NavigateTo(next, replace: true);
    }

    private void ShowPlan(Routine edited) => Show(Request, PlanCode.Encode(edited.Blocks));

    private Task UndoAsync()
    {
        if (History.Pop() is { } previous)
        {
            KeepHistory();
            Navigation.NavigateTo(previous, replace: true);
        }

        return Task.CompletedTask;
    }

    private void OnMinutesChosen(int minutes)
    {
        _customMinutes = minutes == 0;
        if (minutes > 0)
        {
            _customError = null;
            Show(Request with { Minutes = minutes });
        }
    }

    private void OnCustomMinutes(string? text)
    {
        _customText = text;
        var (minutes, problem) = BuilderQuery.ParseMinutes(text);
        if (minutes is { } value)
        {
            _customError = null;
            Show(Request with { Minutes = value });
        }
        else
        {
            // Nothing is guessed: the plan stays as it is until the length is one a session can have.
            _customError = $"{problem} The plan stays at {Request.Minutes} minutes.";
        }
    }

    private void OnFocusChosen(IReadOnlyCollection<Region>? focus) =>
        Show(Request with { Focus = [.. RoutineRequest.FocusRegions.Where(r => focus?.Contains(r) == true)] });

    private void OnOnlyFocusChosen(bool onlyFocus) => Show(Request with { OnlyFocus = onlyFocus });

    private void OnLevelChosen(Level level) => Show(Request with { Level = level });

    private void OnEquipmentChosen(bool hasEquipment) => Show(Request with { HasEquipment = hasEquipment });

    private void OnMatChosen(bool hasMat) => Show(Request with { HasMat = hasMat });

    private void Shuffle() => Show(Request with { Seed = unchecked((Request.Seed * 31) + 17) & 0x7fffffff });

    private Task SwapAsync((int Index, Exercise Replacement) swap)
    {
        ShowPlan(RoutineEditor.Replace(_routine!, swap.Index, swap.Replacement, _planCatalog));
        return Task.CompletedTask;
    }

    private Task RemoveAsync(int index)
    {
        if (RoutineEditor.CanRemove(_routine!))
        {
            ShowPlan(RoutineEditor.Remove(_routine!, index, _planCatalog));
        }

        return Task.CompletedTask;
    }

    private Task MoveAsync((int Index, int Direction) move)
    {
        if (RoutineEditor.CanMove(_routine!, move.Index, move.Direction))
        {
            ShowPlan(RoutineEditor.Move(_routine!, move.Index, move.Direction, _planCatalog));
        }

        return Task.CompletedTask;
    }

    private Task AddAsync((Exercise Exercise, SessionPhase Phase) add)
    {
        if (RoutineEditor.CannotAdd(_routine!, add.Exercise, add.Phase) is null)
        {
            ShowPlan(RoutineEditor.Add(_routine!, add.Exercise, add.Phase, _planCatalog));
        }

        return Task.CompletedTask;
    }

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
        var id = await Runs.StartAsync(_routine!, Title, Visitor!, timeZone, _before, _own);
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
