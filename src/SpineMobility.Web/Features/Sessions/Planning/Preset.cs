using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>A ready-made routine from the article, one click away; its length can be changed and it stays itself.</summary>
public sealed record Preset(string Slug, string Name, string Description, string Icon, RoutineRequest Request)
{
    public static readonly IReadOnlyList<Preset> All =
    [
        // A desk worker's routine: on a chair or standing, no mat, neck and upper back only.
        new("neck-relief", "Neck relief", "Ease a stiff neck and the tension of a long day at the desk, on your chair.",
            MudBlazor.Icons.Material.Filled.Face, new(10, [Region.Cervical, Region.Thoracic], Level.Standard, false, 1, HasMat: false, OnlyFocus: true)),
        // The foam roller's thoracic extensions are its heart, when there is a roller (without one they are left out).
        new("better-posture", "Better posture (upper back)", "Open a rounded upper back and chest, with a foam roller if you have one.",
            MudBlazor.Icons.Material.Filled.AccessibilityNew, new(15, [Region.Thoracic], Level.Standard, true, 1, Include: ["thoracic-extensions"])),
        new("lower-back-relief", "Lower-back relief", "Gentle rounding, tilting and hugging movements for a tight lower back and hips.",
            MudBlazor.Icons.Material.Filled.AirlineSeatReclineNormal, new(15, [Region.Lumbar, Region.Hip], Level.Standard, false, 1, OnlyFocus: true)),
        new("hips", "Hips", "Free up your hips, which take load off your lower back.",
            MudBlazor.Icons.Material.Filled.DirectionsWalk, new(15, [Region.Hip], Level.Standard, false, 1)),
        new("full-body-flow", "Full-body flow", "Every part of your spine in turn, then whole-body stretches.",
            MudBlazor.Icons.Material.Filled.SelfImprovement, new(20, [], Level.Standard, false, 1)),
        new("beginner-start", "Beginner start", "Short and gentle: low-impact movements to build up from.",
            MudBlazor.Icons.Material.Filled.Spa, new(10, [], Level.Beginner, false, 1)),
    ];

    public static Preset? Find(string? slug) => All.FirstOrDefault(p => p.Slug == slug);

    /// <summary>Whether a request is still this routine: the same focus, level and setting; its length, seed and equipment may differ.</summary>
    public bool Matches(RoutineRequest request) =>
        request.Focus.Order().SequenceEqual(Request.Focus.Order())
        && request.Level == Request.Level
        && request.HasMat == Request.HasMat
        && request.OnlyFocus == Request.OnlyFocus;
}
