using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Sessions.Playing;

public partial class PlayerPage
{
    private LiveSessionLease? _lease;
    private ElementReference _root;
    private IJSObjectReference? _module;
    private DotNetObjectReference<PlayerPage>? _self;
    private string? _sentToBrowser;
    private bool _sound = true;
    private bool _voice = true;
    private bool _reducedMotion;
    private bool _hurting;
    private Exercise? _easier;

    /// <summary>Set when the This hurts panel closes: focus goes back to the play/pause button.</summary>
    private bool _focusControls;

    /// <summary>The latest safety answers, when they hold a red flag: the session may not go on.</summary>
    private SafetyScreening? _blockedBy;

    /// <summary>The exercise of the plan that hurt, fixed when the user said so: other tabs may move the session on meanwhile.</summary>
    private int _hurtBlock;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    public Visitor? Visitor { get; set; }

    [Inject]
    private SessionRuns Runs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private Settings.SettingsStore Settings { get; set; } = default!;

    [Inject]
    private ExerciseCatalog Catalog { get; set; } = default!;

    [Inject]
    private SafetyStore Safety { get; set; } = default!;

    private LiveSession? Live => _lease?.Session;

    private SessionClock? Clock => Live?.Clock;

    private SessionStep? Step => Clock?.Current;

    private string StepLabel => Step!.Kind switch
    {
        StepKind.GetReady when Step.IsRestBetweenSets => "Rest",
        StepKind.GetReady => "Get ready",
        StepKind.SwitchSides => "Switch sides",
        _ => Step.IsReps ? "Move" : "Hold",
    };

    private IReadOnlyList<SessionPhase> Phases => [.. Live!.Run.Blocks.Select(b => b.Phase).Distinct()];

    private int PhaseNumber => Phases.ToList().IndexOf(Step!.Block.Phase) + 1;

    private int PhaseCount => Phases.Count;

    private Exercise? ExerciseOfStep => Live!.Exercises.GetValueOrDefault(Step!.Block.Slug);

    /// <summary>What to read while this step runs: how to set up before it, the cues during it.</summary>
    private IEnumerable<string> Guidance => Step!.Kind switch
    {
        StepKind.GetReady when Step.IsRestBetweenSets => [$"Breathe easy. Set {Step.Set} of {Step.Block.Sets} comes next."],
        StepKind.GetReady when ExerciseOfStep is { } e => [$"{Labels.Of(e.Position)}. {e.Steps.FirstOrDefault()}"],
        StepKind.SwitchSides => ["Ease out slowly, then set up the same way on your other side."],
        _ => ExerciseOfStep?.Cues.Take(2) ?? [],
    };

    private bool HasFigure => ExerciseOfStep is { Illustration.Exists: true };

    /// <summary>Getting ready shows where to start; a rep set moves at the exercise's tempo; a hold eases into the position and stays.</summary>
    private FigureView FigureViewOfStep => Step!.Kind switch
    {
        StepKind.Work when Step.IsReps => FigureView.Moving,
        StepKind.Work => FigureView.Settling,
        _ => FigureView.Start,
    };

    private double StepProgress => Step!.Seconds == 0 ? 1 : 1 - (Clock!.Remaining.TotalSeconds / Step.Seconds);

    private double SessionProgress => Clock!.Timeline.Total == TimeSpan.Zero ? 1 : 1 - (Clock.SessionRemaining / Clock.Timeline.Total);

    private int CurrentRep
    {
        get
        {
            var spent = Step!.Duration - Clock!.Remaining;
            return Math.Min(Step.Block.Reps ?? 1, (int)(spent.TotalSeconds / (Step.Block.SecondsPerRep ?? 1)) + 1);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_lease?.Session.Run.Id == Id)
        {
            return;
        }

        Release();
        _lease = Visitor is null ? null : await Runs.OpenAsync(Id, Visitor);
        if (_lease is null)
        {
            Navigation.NotFound();
            return;
        }

        _lease.Session.Changed += OnSessionChanged;

        // Red-flag answers given since this session was paused (on the safety page, in another tab) stop it here too.
        if (!_lease.Session.Clock.State.IsOver && await Safety.CheckAsync(Visitor!) is (ScreeningNeed.FlagRaised, { } flagged))
        {
            _blockedBy = flagged;
            if (RendererInfo.IsInteractive)
            {
                await _lease.Session.PauseAsync();
            }
        }
    }

    private void OnSessionChanged() => _ = InvokeAsync(StateHasChanged);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive || Live is null)
        {
            return;
        }

        if (_module is null)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/player.js");
            _self = DotNetObjectReference.Create(this);
            // An account's sound choices are the defaults on a device that has made none of its own.
            var defaults = Visitor?.UserId is { } userId && await Settings.GetAsync(userId, Visitor.BrowserTimeZone) is { } settings
                ? new SoundPreferences(settings.Sound, settings.Voice)
                : new SoundPreferences(true, true);
            await _module.InvokeVoidAsync("start", Clock!.State.IsOver ? null : _root, _self, defaults);
            var preferences = await _module.InvokeAsync<SoundPreferences>("preferences");
            var reducedMotion = await _module.InvokeAsync<bool>("reducedMotion");
            if (preferences.Sound != _sound || preferences.Voice != _voice || reducedMotion != _reducedMotion)
            {
                (_sound, _voice, _reducedMotion) = (preferences.Sound, preferences.Voice, reducedMotion);
                StateHasChanged();
            }
        }

        await SendToBrowserAsync();
        if (_focusControls)
        {
            _focusControls = false;
            await _module.InvokeVoidAsync("focusControls");
        }
    }

    /// <summary>Tells the browser what to animate, once per change of step, state or announcement.</summary>
    private async Task SendToBrowserAsync()
    {
        var clock = Clock!;
        var key = $"{clock.State.StepIndex}:{clock.Status}:{clock.State.StepRemaining.Ticks}:{clock.State.StepEndsAt?.Ticks}:{Live!.LastAnnouncement?.Sequence}";
        if (key == _sentToBrowser || _module is null)
        {
            return;
        }

        _sentToBrowser = key;
        var step = clock.Current;
        await _module.InvokeVoidAsync("update", new
        {
            key = $"{clock.State.StepIndex}:{clock.Status is SessionStatus.Completed or SessionStatus.Ended}",
            running = clock.Status == SessionStatus.Running,
            over = clock.State.IsOver,
            remainingMs = clock.Remaining.TotalMilliseconds,
            durationMs = step?.Duration.TotalMilliseconds ?? 0,
            sessionRemainingMs = clock.SessionRemaining.TotalMilliseconds,
            sessionTotalMs = clock.Timeline.Total.TotalMilliseconds,
            scale = Time is ScaledTimeProvider scaled ? scaled.Scale : 1.0,
            reps = step is { IsReps: true } ? new { count = step.Block.Reps, secondsPerRep = step.Block.SecondsPerRep } : null,
            announcement = Live.LastAnnouncement is { } a ? new { seq = a.Sequence, text = a.Text } : null,
        });
    }

    /// <summary>Space pauses or resumes, → skips, ← goes back.</summary>
    [JSInvokable]
    public Task OnKey(string action) => Live is null || Clock!.State.IsOver || _hurting || _blockedBy is not null ? Task.CompletedTask : PlayerKeys.Run(action, Live);

    /// <summary>Pauses at once, then asks how much it hurts with the gentler option ready.</summary>
    private async Task OpenThisHurtsAsync()
    {
        if (Live is null || _hurting)
        {
            return;
        }

        await Live.PauseAsync();
        if (Step is not { } step)
        {
            return;
        }

        _hurtBlock = step.BlockIndex;
        var upcoming = _hurtBlock + 1 < Live.Run.Blocks.Count ? Live.Run.Blocks[_hurtBlock + 1].Slug : null;
        _easier = ExerciseOfStep is { } current ? EasierOption.For(current, await Catalog.ActiveAsync(), Live.Run.HasEquipment, avoid: upcoming) : null;
        _hurting = true;
    }

    private void CloseThisHurts()
    {
        _hurting = false;
        _focusControls = true;
    }

    private async Task OnSafetyStopAsync(SafetyScreening screening)
    {
        _hurting = false;
        await Live!.StopForSafetyAsync(screening);
    }

    private async Task OnHurtChosenAsync(PainChoice choice)
    {
        CloseThisHurts();
        await (choice switch
        {
            PainChoice.EasierExercise when _easier is not null => Live!.SwapForEasierAsync(_hurtBlock, _easier),
            PainChoice.EasierExercise or PainChoice.SkipExercise => Live!.SkipExerciseAsync(_hurtBlock),
            PainChoice.EndSession => Live!.EndAsync(),
            _ => Live!.ResumeAsync(),
        });
    }

    private async Task ToggleSoundAsync(bool on)
    {
        _sound = on;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("setPreference", "sound", on);
        }
    }

    private async Task ToggleVoiceAsync(bool on)
    {
        _voice = on;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("setPreference", "voice", on);
        }
    }

    private async Task ConfirmEndAsync()
    {
        var end = await Dialogs.ShowMessageBoxAsync(
            "End this session?",
            Clock!.HasFinishedAnExercise ? "What you have done so far is saved to your history." : "You have not finished an exercise yet, so nothing will be saved.",
            yesText: "End session",
            cancelText: "Keep going");
        if (end == true)
        {
            await Live!.EndAsync();
        }
    }

    private static string Percent(double fraction) => (Math.Clamp(fraction, 0, 1) * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private void Release()
    {
        if (_lease is not null)
        {
            _lease.Session.Changed -= OnSessionChanged;
            _lease.Dispose();
            _lease = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("stop");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is already gone; there is nothing to stop.
            }
        }

        _self?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The tones and voice switches, remembered by the browser.</summary>
    public sealed record SoundPreferences(bool Sound, bool Voice);
}
