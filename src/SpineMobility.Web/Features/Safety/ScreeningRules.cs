namespace SpineMobility.Web.Features.Safety;

public enum ScreeningResult
{
    /// <summary>No red flag: exercise is fine, within a comfortable range.</summary>
    Clear,

    /// <summary>A red flag: no session; see a doctor or physical therapist soon.</summary>
    SeeProfessional,

    /// <summary>A sign of nerve compression at the base of the spine: no session; get care today.</summary>
    Urgent,
}

/// <summary>Why the screening is asked for before the next session.</summary>
public enum ScreeningNeed
{
    None,

    /// <summary>It has never been answered.</summary>
    FirstSession,

    /// <summary>The user reported pain of <see cref="ScreeningRules.HighPain"/> or more since they last answered it.</summary>
    AfterHighPain,

    /// <summary>The last answers had a red flag; the screening stands between the user and every session until it is clear.</summary>
    FlagRaised,
}

/// <summary>The outcome of a set of answers, or what keeps them from being one.</summary>
public sealed record ScreeningOutcome(ScreeningResult Result, IReadOnlyList<RedFlag> YesTo, IReadOnlyList<string> Problems)
{
    public bool IsComplete => Problems.Count == 0;
}

/// <summary>The screening's rules: what the answers mean, and when the questions are asked again.</summary>
public static class ScreeningRules
{
    /// <summary>Pain from this rating up (of 10) asks the screening again.</summary>
    public const int HighPain = 7;

    /// <summary>Every question needs a yes or a no; any yes stops the session.</summary>
    public static ScreeningOutcome Evaluate(IReadOnlyDictionary<RedFlag, bool?> answers)
    {
        var unanswered = RedFlags.Questions.Where(q => answers.GetValueOrDefault(q.Flag) is null).ToList();
        if (unanswered.Count > 0)
        {
            var problems = unanswered.Select(q => $"Answer yes or no: \"{q.Question}\"").ToList();
            return new(ScreeningResult.Clear, [], problems);
        }

        var yes = RedFlags.Questions.Where(q => answers[q.Flag] == true).Select(q => q.Flag).ToList();
        return new(ResultOf(yes), yes, []);
    }

    public static ScreeningResult ResultOf(IReadOnlyCollection<RedFlag> yesTo) =>
        yesTo.Count == 0 ? ScreeningResult.Clear
        : yesTo.Any(f => RedFlags.Of(f).Urgent) ? ScreeningResult.Urgent
        : ScreeningResult.SeeProfessional;

    /// <param name="latest">The most recent answers, if any.</param>
    /// <param name="lastHighPainAt">When the user last reported pain of <see cref="HighPain"/> or more.</param>
    public static ScreeningNeed Need(SafetyScreening? latest, DateTimeOffset? lastHighPainAt)
    {
        if (latest is null)
        {
            return ScreeningNeed.FirstSession;
        }

        if (latest.YesTo.Count > 0)
        {
            return ScreeningNeed.FlagRaised;
        }

        return lastHighPainAt > latest.TakenAt ? ScreeningNeed.AfterHighPain : ScreeningNeed.None;
    }

    public static bool IsHighPain(int? pain) => pain >= HighPain;

    /// <summary>What stands before a session about to start: the stored need, or strong pain in the check-in just given.</summary>
    public static ScreeningNeed BeforeStart(ScreeningNeed stored, int? painBefore) =>
        stored == ScreeningNeed.None && IsHighPain(painBefore) ? ScreeningNeed.AfterHighPain : stored;
}
