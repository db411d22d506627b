namespace SpineMobility.Web.Features.Safety;

/// <summary>
/// Signs that back or neck pain may need a clinician rather than exercise: the accepted red flags,
/// stored by name so the questions' wording can improve without changing what old answers mean.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A red flag is the clinical term for these signs, not a [Flags] enum.")]
public enum RedFlag
{
    LimbNumbnessOrWeakness,
    SaddleNumbness,
    BladderOrBowel,
    FallOrAccident,
    FeverOrWeightLoss,
    PainAtNightOrRest,
}

/// <summary>A red flag as the user is asked about it.</summary>
/// <param name="Urgent">Needs care the same day: these signs can mean pressure on the nerves at the base of the spine.</param>
public sealed record RedFlagQuestion(RedFlag Flag, string Question, string Detail, bool Urgent);

public static class RedFlags
{
    public static readonly IReadOnlyList<RedFlagQuestion> Questions =
    [
        new(RedFlag.LimbNumbnessOrWeakness,
            "Do you have new numbness, tingling or weakness in your legs or arms?",
            "For example a foot that drags, a hand that drops things, or pins and needles that have not gone away.",
            Urgent: false),
        new(RedFlag.SaddleNumbness,
            "Is there numbness around your groin, buttocks or inner thighs?",
            "The areas that would touch a saddle, as when you wipe after using the toilet.",
            Urgent: true),
        new(RedFlag.BladderOrBowel,
            "Do you have new trouble controlling your bladder or bowel?",
            "Not being able to pass urine, leaking, or not feeling when you need to go.",
            Urgent: true),
        new(RedFlag.FallOrAccident,
            "Did your pain start after a fall, an accident or a blow?",
            "For example a car accident, a fall down stairs or a sports collision.",
            Urgent: false),
        new(RedFlag.FeverOrWeightLoss,
            "Do you have a fever, or have you lost weight without trying, along with your back or neck pain?",
            "Feeling hot and unwell, night sweats, or clothes that have become loose for no reason.",
            Urgent: false),
        new(RedFlag.PainAtNightOrRest,
            "Is your pain severe at night or when you are resting?",
            "Pain that wakes you, or that no position eases, rather than stiffness that eases as you move.",
            Urgent: false),
    ];

    public static RedFlagQuestion Of(RedFlag flag) => Questions.Single(q => q.Flag == flag);
}
