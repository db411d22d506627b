using MudBlazor;

namespace SpineMobility.Web.Features.Exercises;

public static class RegionIcons
{
    public static string Of(Region region) => region switch
    {
        Region.Cervical => Icons.Material.Filled.Face,
        Region.Thoracic => Icons.Material.Filled.AccessibilityNew,
        Region.Lumbar => Icons.Material.Filled.AirlineSeatReclineNormal,
        Region.Hip => Icons.Material.Filled.DirectionsWalk,
        Region.FullBody => Icons.Material.Filled.SelfImprovement,
        Region.Beginner => Icons.Material.Filled.Spa,
        _ => Icons.Material.Filled.Circle,
    };
}
