using MudBlazor;

namespace SpineMobility.Web.Components.Layout;

/// <summary>Calm teal and warm sand: readable on a bright phone outdoors and easy on the eyes at night.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            // Dark enough to stay above 4.5:1 even on MudBlazor's tinted alert and chip backgrounds.
            Primary = "#1b6f63",
            PrimaryDarken = "#155a50",
            // Deep enough for white labels and for secondary-coloured text on white (WCAG AA, 4.5:1).
            Secondary = "#a8561c",
            Tertiary = "#5b6bb5",
            Info = "#2f6fb0",
            Success = "#2e7d32",
            Warning = "#935800",
            Error = "#c62828",
            AppbarBackground = "#1b6f63",
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

            // Light fills on a dark theme take dark labels: white on them would be below 2.5:1.
            PrimaryContrastText = "#0f1716",
            SecondaryContrastText = "#1c1206",
            TertiaryContrastText = "#0f1716",
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
