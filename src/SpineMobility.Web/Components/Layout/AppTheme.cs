using MudBlazor;

namespace SpineMobility.Web.Components.Layout;

/// <summary>Calm teal and warm sand: readable on a bright phone outdoors and easy on the eyes at night.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f7a6d",
            PrimaryDarken = "#17635a",
            Secondary = "#c76b29",
            Tertiary = "#5b6bb5",
            Info = "#2f6fb0",
            Success = "#2e7d32",
            Warning = "#b86e00",
            Error = "#c62828",
            AppbarBackground = "#1f7a6d",
            AppbarText = "#ffffff",
            Background = "#f6f8f7",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1c2624",
            TextSecondary = "#4a5a57",
            ActionDefault = "#4a5a57",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#5cc2b0",
            PrimaryDarken = "#3fa796",
            Secondary = "#f0a46b",
            Tertiary = "#9aa8ee",
            Info = "#7db4ea",
            Success = "#81c784",
            Warning = "#ffb74d",
            Error = "#ef7a7a",
            AppbarBackground = "#15201e",
            AppbarText = "#e3ecea",
            Background = "#0f1716",
            Surface = "#17221f",
            DrawerBackground = "#15201e",
            TextPrimary = "#e3ecea",
            TextSecondary = "#a9bbb7",
            ActionDefault = "#a9bbb7",
            LinesDefault = "#2b3b38",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
            H1 = new H1Typography { FontSize = "2.25rem", FontWeight = "700", LineHeight = "1.2" },
            H2 = new H2Typography { FontSize = "1.75rem", FontWeight = "700", LineHeight = "1.25" },
            H3 = new H3Typography { FontSize = "1.4rem", FontWeight = "600", LineHeight = "1.3" },
            H4 = new H4Typography { FontSize = "1.2rem", FontWeight = "600", LineHeight = "1.35" },
            H5 = new H5Typography { FontSize = "1.1rem", FontWeight = "600", LineHeight = "1.4" },
            H6 = new H6Typography { FontSize = "1rem", FontWeight = "600", LineHeight = "1.4" },
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "12px" },
    };
}
