using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace SpineMobility.Web.Components.Layout;

public partial class MainLayout : IAsyncDisposable
{
    private MudThemeProvider? _themeProvider;
    private bool _drawerOpen;
    private bool _watchingSystemTheme;
    private ThemeChoice? _choice;

    // A page (the player) asks for the whole screen: no app bar, navigation or footer.
    private readonly FocusMode _focus = new();

    [CascadingParameter]
    public ThemeChoice InitialTheme { get; set; } = ThemeChoice.Default;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private ThemeChoice Choice => _choice ?? InitialTheme;

    /// <summary>A page rendered without interactivity at all (not merely prerendering): the account forms.</summary>
    private bool IsStaticPage => AssignedRenderMode is null && !RendererInfo.IsInteractive;

    private string CurrentPath => "/" + Navigation.ToBaseRelativePath(Navigation.Uri);

    private string SignInHref =>
        CurrentPath.StartsWith("/Account", StringComparison.OrdinalIgnoreCase) ? "/Account/Login" : $"/Account/Login?returnUrl={Uri.EscapeDataString(CurrentPath)}";

    protected override void OnInitialized() => _focus.Changed += OnFocusChanged;

    private void OnFocusChanged() => _ = InvokeAsync(StateHasChanged);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The theme provider renders in the head outlet, so it may arrive a render later than the layout.
        if (!_watchingSystemTheme && _themeProvider is not null)
        {
            _watchingSystemTheme = true;
            var systemDark = await _themeProvider.GetSystemDarkModeAsync();
            await _themeProvider.WatchSystemDarkModeAsync(OnSystemDarkModeChanged);
            await OnSystemDarkModeChanged(systemDark);
        }
    }

    private async Task OnSystemDarkModeChanged(bool systemDark)
    {
        if (systemDark != Choice.SystemPrefersDark)
        {
            await Remember(Choice with { SystemPrefersDark = systemDark });
        }
    }

    private Task OnThemeChosen(ThemeChoice choice) => Remember(choice);

    private async Task Remember(ThemeChoice choice)
    {
        _choice = choice;
        StateHasChanged();
        await JS.InvokeVoidAsync("spine.setCookie", ThemeCookie.Name, ThemeCookie.Format(choice));
    }

    public async ValueTask DisposeAsync()
    {
        _focus.Changed -= OnFocusChanged;
        if (_themeProvider is not null)
        {
            await _themeProvider.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
