using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace SpineMobility.Web.Components.Layout;

public partial class MainLayout : IAsyncDisposable
{
    private bool _drawerOpen;
    private ThemeChoice? _choice;
    private DotNetObjectReference<MainLayout>? _systemTheme;

    /// <summary>Whether the page shows the dark theme now (the html element's class); null until known.</summary>
    private bool? _shownDark;

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
        if (firstRender)
        {
            // The page was written with the theme of the cookie (App.razor); the system may prefer otherwise by now.
            _shownDark = InitialTheme.IsDark;
            _systemTheme = DotNetObjectReference.Create(this);
            // A browser that cannot tell (no matchMedia) answers nothing: light, as it would be drawn anyway.
            await SystemThemeChanged(await JS.InvokeAsync<bool?>("spine.theme.watchSystem", _systemTheme) ?? false);
        }

        if (_shownDark != Choice.IsDark)
        {
            _shownDark = Choice.IsDark;
            await JS.InvokeVoidAsync("spine.theme.show", Choice.IsDark);
        }
    }

    /// <summary>What the system prefers, told by the browser at first and whenever it changes.</summary>
    [JSInvokable]
    public async Task SystemThemeChanged(bool systemDark)
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
        if (_systemTheme is not null)
        {
            try
            {
                await JS.InvokeVoidAsync("spine.theme.stopWatching");
            }
            catch (JSDisconnectedException)
            {
                // The page is gone, and its watch with it.
            }

            _systemTheme.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
