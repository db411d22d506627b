namespace SpineMobility.Web.Components.Layout;

public enum ThemeMode { System, Light, Dark }

/// <summary>The user's theme: a mode, and what their system preferred when we last saw it.</summary>
public sealed record ThemeChoice(ThemeMode Mode, bool SystemPrefersDark)
{
    public static readonly ThemeChoice Default = new(ThemeMode.System, false);

    public bool IsDark => Mode == ThemeMode.Dark || (Mode == ThemeMode.System && SystemPrefersDark);
}
