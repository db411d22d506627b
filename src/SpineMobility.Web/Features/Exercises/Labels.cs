namespace SpineMobility.Web.Features.Exercises;

/// <summary>The words the user reads for the catalog's vocabularies.</summary>
public static class Labels
{
    public static string Of(Region region) => region switch
    {
        Region.Cervical => "Neck",
        Region.Thoracic => "Upper back",
        Region.Lumbar => "Lower back",
        Region.Hip => "Hips",
        Region.FullBody => "Full body",
        Region.Beginner => "Beginner",
        _ => region.ToString(),
    };

    /// <summary>The anatomical name beside the everyday one, as the article teaches them.</summary>
    public static string Anatomy(Region region) => region switch
    {
        Region.Cervical => "Cervical spine",
        Region.Thoracic => "Thoracic spine",
        Region.Lumbar => "Lumbar spine",
        Region.Hip => "Hips support the spine",
        Region.FullBody => "Whole spine",
        Region.Beginner => "Gentle first steps",
        _ => "",
    };

    public static string Of(StartingPosition position) => position switch
    {
        StartingPosition.Standing => "Standing",
        StartingPosition.Seated => "Seated",
        StartingPosition.LyingOnBack => "Lying on your back",
        StartingPosition.LyingOnFront => "Lying on your front",
        StartingPosition.AllFours => "On all fours",
        StartingPosition.Kneeling => "Kneeling",
        _ => position.ToString(),
    };

    public static string Of(Equipment equipment) => equipment switch
    {
        Equipment.None => "No equipment",
        Equipment.FoamRollerOrBall => "Foam roller or exercise ball",
        Equipment.Mat => "Mat",
        Equipment.Wall => "Wall",
        Equipment.Chair => "Chair",
        _ => equipment.ToString(),
    };

    public static string Of(MovementDirection direction) => direction switch
    {
        MovementDirection.Flexion => "Flexion",
        MovementDirection.Extension => "Extension",
        MovementDirection.Rotation => "Rotation",
        MovementDirection.SideBend => "Side bend",
        _ => direction.ToString(),
    };

    public static string Of(SessionPhase phase) => phase switch
    {
        SessionPhase.WarmUp => "Warm-up",
        SessionPhase.Mobility => "Spine mobility",
        SessionPhase.Flexibility => "Flexibility",
        SessionPhase.CoolDown => "Cool-down",
        _ => phase.ToString(),
    };

    public static string Of(Intensity intensity) => intensity switch
    {
        Intensity.Gentle => "Gentle",
        Intensity.Moderate => "Moderate",
        _ => intensity.ToString(),
    };
}
