namespace SpineMobility.Web.Features.Progress;

/// <summary>Chart colours that read on both the light and the dark theme (MudBlazor charts take literal colours).</summary>
public static class ChartColors
{
    public const string Teal = "#2a9d8f";
    public const string TealDark = "#1f7a6d";

    /// <summary>Five steps from an empty day to a long one, as the heat map wants them.</summary>
    public static readonly string[] HeatLight = ["#e3eeeb", "#a8d8cd", "#5fb3a3", "#2a8c7e", "#145a51"];

    public static readonly string[] HeatDark = ["#22312e", "#1f5c53", "#2a8c7e", "#4fb8a6", "#8de0d0"];
    public const string Warm = "#e07a3f";
    public const string WarmDark = "#b85c2a";
}
