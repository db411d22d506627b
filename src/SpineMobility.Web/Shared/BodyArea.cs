namespace SpineMobility.Web.Shared;

public enum BodyArea { Neck, UpperBack, LowerBack, Hips, Elsewhere }

public static class BodyAreas
{
    /// <summary>The name a user sees for an area of the body.</summary>
    public static string Label(BodyArea area) => area switch
    {
        BodyArea.Neck => "Neck",
        BodyArea.UpperBack => "Upper back",
        BodyArea.LowerBack => "Lower back",
        BodyArea.Hips => "Hips",
        BodyArea.Elsewhere => "Somewhere else",
        _ => area.ToString(),
    };
}
