using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using SpineMobility.Web.Components.Layout;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Settings;

public partial class SettingsPage
{
    private static readonly IReadOnlyList<string> Zones =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static readonly Dictionary<string, object> Download = new() { ["download"] = "" };

    private UserSettings? _form;
    private ThemeMode _savedTheme;
    private IReadOnlyList<string> _problems = [];
    private bool _saving;
    private string? _saved;

    [CascadingParameter]
    public Visitor? Visitor { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private SettingsStore Store { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private Hosting.PublicAddress PublicAddress { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private static IEnumerable<DayOfWeek> WeekStarts => [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private IReadOnlyCollection<DayOfWeek> ReminderDays
    {
        get => _form!.ReminderDays;
        set => _form!.ReminderDays = [.. WeekStarts.Where(value.Contains)];
    }

    private TimeSpan? ReminderTime
    {
        get => _form!.ReminderTime.ToTimeSpan();
        set => _form!.ReminderTime = value is { } time ? TimeOnly.FromTimeSpan(time) : _form.ReminderTime;
    }

    private string LocalTimeText
    {
        get
        {
            var zone = _form!.TimeZone ?? Visitor?.BrowserTimeZone ?? "UTC";
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info))
            {
                return "Pick a time zone from the list.";
            }

            var now = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), info);
            return $"It is {now:HH:mm} on {now:dddd d MMMM} in {zone}; your days start at midnight there.";
        }
    }

    private static string? DailyMinimumProblem(int minutes) => minutes is < UserSettings.MinDailyMinimum or > UserSettings.MaxDailyMinimum
        ? $"Choose {UserSettings.MinDailyMinimum} to {UserSettings.MaxDailyMinimum} minutes, not {minutes}."
        : null;

    private static string? ReminderMinutesProblem(int minutes) => minutes is < UserSettings.MinReminderMinutes or > UserSettings.MaxReminderMinutes
        ? $"Choose {UserSettings.MinReminderMinutes} to {UserSettings.MaxReminderMinutes} minutes, not {minutes}."
        : null;

    // From the configured public address: in a circuit the base address is whatever the browser reported.
    private string FeedUrl => PublicAddress.LinkTo($"calendar/{_form!.CalendarToken}.ics").AbsoluteUri;

    private string FeedWebcalUrl => "webcal" + FeedUrl[FeedUrl.IndexOf(':', StringComparison.Ordinal)..];

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }

        _form = await Store.GetAsync(userId, Visitor?.BrowserTimeZone ?? "UTC");
        _savedTheme = _form.Theme;
    }

    private static Task<IEnumerable<string>> SearchZones(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? Zones.AsEnumerable()
            : Zones.Where(z => z.Contains(text.Trim().Replace(' ', '_'), StringComparison.OrdinalIgnoreCase)));

    private async Task SaveAsync()
    {
        _saving = true;
        _saved = null;
        try
        {
            _problems = await Store.SaveAsync(_form!, Visitor?.BrowserTimeZone ?? "UTC");
            if (_problems.Count > 0)
            {
                return;
            }

            // This browser's player follows the account's sound choices from now on.
            await JS.InvokeVoidAsync("localStorage.setItem", "sm-sound", _form!.Sound ? "on" : "off");
            await JS.InvokeVoidAsync("localStorage.setItem", "sm-voice", _form.Voice ? "on" : "off");
            Snackbar.Add("Settings saved.", Severity.Success);
            _saved = $"Saved at {DisplayDates.Time(TimeZones.LocalTime(Time.GetUtcNow(), _form.TimeZone))}.";
            if (_form.Theme != _savedTheme)
            {
                await JS.InvokeVoidAsync("spine.setCookie", ThemeCookie.Name, ThemeCookie.Format(new ThemeChoice(_form.Theme, false)));
                Navigation.Refresh(forceReload: true);
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task CopyFeedAsync()
    {
        await JS.InvokeVoidAsync("navigator.clipboard.writeText", FeedUrl);
        Snackbar.Add("Link copied.", Severity.Info);
    }

    private async Task RegenerateFeedAsync()
    {
        var sure = await Dialogs.ShowMessageBoxAsync("Get a new calendar link?", "Calendars that use the current link stop getting your reminders until you add the new one.", yesText: "Get a new link", cancelText: "Cancel");
        if (sure == true)
        {
            _form!.CalendarToken = await Store.RegenerateCalendarTokenAsync(_form.UserId);
            Snackbar.Add("New link ready. The old one no longer works.", Severity.Success);
        }
    }
}
