using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Web.Features.Sessions.Planning;

/// <summary>
/// Doses a physiotherapist would write: holds within the exercise's range, sets of 8–12 repetitions,
/// and for a longer session more sets of the same exercise (with a short rest) rather than the
/// exercise again later.
/// </summary>
public static class Dosing
{
    public const int MinRepsPerSet = 8;
    public const int MaxRepsPerSet = 12;

    public const int MaxSets = 4;

    public const int RestBetweenSetsSeconds = 15;

    /// <summary>Holds move in 5-second steps so the plan reads "30 s", not "31 s".</summary>
    public const int HoldStepSeconds = 5;

    /// <summary>What one set may hold: seconds for a hold, repetitions for a rep exercise.</summary>
    public static (int Min, int Max) UnitRange(Dose dose) => dose.IsHold
        ? (dose.MinSeconds!.Value, dose.MaxSeconds!.Value)
        : (MinRepsPerSet, MaxRepsPerSet);

    /// <summary>
    /// Where a set starts before the plan is tuned to its length: mid-range holds and the catalog's
    /// repetitions in a short session, the longest holds and 12 repetitions from 45 minutes on.
    /// </summary>
    public static int StartingUnits(Dose dose, int minutes)
    {
        var (min, max) = UnitRange(dose);
        var length = Math.Clamp((minutes - 15) / 30.0, 0, 1);
        if (dose.IsHold)
        {
            var middle = (min + max) / 2.0;
            var seconds = middle + ((max - middle) * length);
            return Math.Clamp((int)(Math.Round(seconds / HoldStepSeconds) * HoldStepSeconds), min, max);
        }

        var usual = Math.Clamp(dose.Reps!.Value, min, max);
        return (int)Math.Round(usual + ((max - usual) * length));
    }
}
