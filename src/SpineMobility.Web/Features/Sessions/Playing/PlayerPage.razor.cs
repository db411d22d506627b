using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using SpineMobility.Web.Components.Layout;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Safety;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Sessions.Playing;

public partial class PlayerPage
{
    private readonly CancellationTokenSource _disposing = new();
    private readonly SemaphoreSlim _browser = new(1, 1);
    private LiveSessionLease? _lease;
    private ElementReference _root;
    private IJSObjectReference? _module;
    private DotNetObjectReference<PlayerPage>? _self;
    private string? _sentToBrowser;

    /// <summary>The plan the browser holds (the run's blocks are replaced whole when the plan changes).</summary>
    private object? _planSent;
    private bool _disposed;

    /// <summary>The user left focus mode: the site's app bar stays for this page.</summary>
    private bool _focusDeclined;
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

    /// <summary>The layout's focus mode: while a session plays, the site's app bar and navigation make way for it.</summary>
    [CascadingParameter]
    public FocusMode? Focus { get; set; }

    [Inject]
    private PageConnection Connection { get; set; } = default!;

    [Inject]
    private SessionRuns Runs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private Settings.SettingsStore Settings { get; set; } = default!;

    [Inject]
    private ExerciseCatalog Catalog { get; set; } = default!;

    [Inject]
    private SafetyStore Safety { get; set; } = default!;

    [Inject]
    private IllustrationAddresses Drawings { get; set; } = default!;

    private LiveSession? Live => _lease?.Session;

    /// <summary>
    /// The session as this render shows it: taken once as each render begins (see the page's first lines), since the live clock is replaced from other
    /// threads (its timer, other tabs) and a render reading it twice could see a step of a session that has just ended.
    /// </summary>
    private SessionClock? Clock => _shown ?? Live?.Clock;

    private SessionClock? _shown;

    private SessionStep? Step => Clock?.Current;

    private (string Name, string Dose) Next => StepView.Next(Step!, Clock!.Timeline);

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

    protected override void OnInitialized()
    {
        // At once, before anything loads, so the app bar does not flash up first; a finished session's summary gives it back.
        Focus?.Enter();
        Connection.Changed += OnConnectionChangedAsync;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_lease?.Session.Run.Id == Id)
        {
            return;
        }

        await ReleaseAsync();
        LiveSessionLease? lease;
        try
        {
            // Only a page connected to its browser keeps a running session going; a prerendered page does not.
            lease = Visitor is null ? null : await Runs.OpenAsync(Id, Visitor, connected: RendererInfo.IsInteractive && Connection.IsUp, _disposing.Token);
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
            return;
        }

        if (_disposed)
        {
            // The page went away while the session was opening: let go of it, or it would live on with its timer.
            if (lease is not null)
            {
                await lease.DisposeAsync();
            }

            return;
        }

        _lease = lease;
        if (_lease is null)
        {
            Navigation.NotFound();
            return;
        }

        _lease.Session.Changed += OnSessionChanged;
        if (RendererInfo.IsInteractive)
        {
            // The connection may have changed while the session was opening.
            await _lease.SetConnectedAsync(Connection.IsUp);
        }

        UpdateFocus();

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

    private void OnSessionChanged() => _ = InvokeAsync(() =>
    {
        UpdateFocus();
        StateHasChanged();
    });

    private Task OnConnectionChangedAsync(bool up) => _lease?.SetConnectedAsync(up) ?? Task.CompletedTask;

    /// <summary>Focus mode while the session plays, unless the user left it; the summary has the site's navigation again.</summary>
    private void UpdateFocus()
    {
        if (Live is not null && Live.Clock.State.IsOver || _focusDeclined)
        {
            Focus?.Leave();
        }
        else
        {
            Focus?.Enter();
        }
    }

    private void ToggleFocus()
    {
        _focusDeclined = Focus?.On == true;
        UpdateFocus();
    }

    /// <summary>The browser is back after a dropped connection: it shows the server's state, whatever it did meanwhile.</summary>
    [JSInvokable]
    public Task Resync() => InvokeAsync(async () =>
    {
        if (Live is null)
        {
            return;
        }

        await Live.CatchUpAsync();
        await _browser.WaitAsync();
        try
        {
            _sentToBrowser = null;
            _planSent = null;
            if (!_disposed)
            {
                await SendToBrowserAsync();
            }
        }
        finally
        {
            _browser.Release();
        }

        StateHasChanged();
    });

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive || Live is null)
        {
            return;
        }

        // One conversation with the browser at a time: renders can follow each other while a call is still out, and a
        // second "start" after the plan had been sent would leave the browser without it.
        await _browser.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            if (_module is null)
            {
                await StartBrowserAsync();
            }

            await SendToBrowserAsync();
            if (_focusControls)
            {
                _focusControls = false;
                await _module!.InvokeVoidAsync("focusControls");
            }
        }
        finally
        {
            _browser.Release();
        }
    }

    private async Task StartBrowserAsync()
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

    /// <summary>
    /// Tells the browser the plan (once, and again when it changes) and where the session is (once per change of step,
    /// state or announcement), so it animates the countdown and can carry on by itself through a dropped connection.
    /// </summary>
    private async Task SendToBrowserAsync()
    {
        if (_module is null || Live is not { } live)
        {
            return;
        }

        var clock = live.Clock;
        if (!ReferenceEquals(_planSent, live.Run.Blocks))
        {
            _planSent = live.Run.Blocks;
            _sentToBrowser = null;
            await _module.InvokeVoidAsync("plan", StepView.Plan(clock.Timeline, live.Exercises, live.Options, Drawings.Size));
        }

        var key = $"{clock.State.StepIndex}:{clock.Status}:{clock.State.StepRemaining.Ticks}:{clock.State.StepEndsAt?.Ticks}:{live.LastAnnouncement?.Sequence}";
        if (key == _sentToBrowser)
        {
            return;
        }

        _sentToBrowser = key;
        var final = clock.State.IsOver ? live.LastAnnouncement?.Text ?? (clock.Status == SessionStatus.Completed ? Announcer.Complete : Announcer.Ended) : null;
        await _module.InvokeVoidAsync("update", new BrowserUpdate(clock.State.StepIndex, clock.Status == SessionStatus.Running, clock.State.IsOver, clock.Remaining.TotalMilliseconds, final));
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
        if (Live.Clock.Current is not { } step)
        {
            return;
        }

        _hurtBlock = step.BlockIndex;
        var upcoming = _hurtBlock + 1 < Live.Run.Blocks.Count ? Live.Run.Blocks[_hurtBlock + 1].Slug : null;
        _easier = Live.Exercises.GetValueOrDefault(step.Block.Slug) is { } current ? EasierOption.For(current, await Catalog.ActiveAsync(), Live.Run.HasEquipment, avoid: upcoming) : null;
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

    private const string IconSmall = "mud-icon-root mud-svg-icon mud-icon-size-small";
    private const string IconMedium = "mud-icon-root mud-svg-icon mud-icon-size-medium";
    private const string IconLarge = "mud-icon-root mud-svg-icon mud-icon-size-large";

    private const string LargeOutlinedIconButton = "mud-button-root mud-icon-button mud-button mud-button-outlined mud-button-outlined-default " +
        "mud-button-outlined-size-large mud-ripple mud-icon-button-size-large";

    /// <summary>One of MudBlazor's icons as <c>MudIcon</c> draws it, inside the player's own markup rather than as a component of its own.</summary>
    private static RenderFragment Icon(string icon, string classes) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", classes);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    };

    private static string Percent(double fraction) => (Math.Clamp(fraction, 0, 1) * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private async Task ReleaseAsync()
    {
        if (_lease is { } lease)
        {
            _lease = null;
            _shown = null;
            lease.Session.Changed -= OnSessionChanged;
            await lease.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _disposing.CancelAsync();
        Connection.Changed -= OnConnectionChangedAsync;
        Focus?.Leave();
        await ReleaseAsync();
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
        _disposing.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The tones and voice switches, remembered by the browser.</summary>
    public sealed record SoundPreferences(bool Sound, bool Voice);
}
