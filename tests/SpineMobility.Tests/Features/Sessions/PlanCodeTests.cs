using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions.Planning;

namespace SpineMobility.Tests.Features.Sessions;

public sealed class PlanCodeTests
{
    private static readonly IReadOnlyList<Exercise> Catalog = TestCatalog.Exercises;

    private static Routine Generate(int minutes = 30, int seed = 4) =>
        RoutineGenerator.Generate(new RoutineRequest(minutes, [Region.Lumbar], Level.Standard, false, seed), Catalog);

    [Theory]
    [InlineData(10)]
    [InlineData(45)]
    [InlineData(90)]
    public void A_plan_written_into_its_address_reads_back_exactly(int minutes)
    {
        var routine = Generate(minutes);

        var code = PlanCode.Encode(routine.Blocks);
        var (blocks, problems) = PlanCode.Decode(code, Catalog);

        Assert.Empty(problems);
        Assert.Equal(routine.Blocks, blocks);
        Assert.True(code.Length < PlanCode.MaxLength / 2, $"{code.Length} characters");
        Assert.Equal(code, Uri.EscapeDataString(code));
    }

    [Fact]
    public void The_format_is_short_and_readable()
    {
        var code = PlanCode.Encode([
            RoutineGenerator.BlockFor(TestCatalog.Get("hip-circles"), SessionPhase.WarmUp, null) with { Sets = 2, Reps = 10, WorkSeconds = 50 },
            RoutineGenerator.BlockFor(TestCatalog.Get("childs-pose"), SessionPhase.Flexibility, null) with { WorkSeconds = 45 },
        ]);

        Assert.Equal("1~hip-circles-2x10~~childs-pose-1x45~", code);
    }

    [Fact]
    public void Getting_ready_follows_from_the_positions_when_read()
    {
        var (blocks, _) = PlanCode.Decode("1~neck-circles-1x8.neck-tilts-2x10.cat-cow-1x8~~~", Catalog);

        Assert.Equal([10, 5, 10], blocks!.Select(b => b.GetReadySeconds));
        Assert.Equal(Dosing.RestBetweenSetsSeconds, blocks![1].RestSeconds);
        Assert.Equal(0, blocks[0].RestSeconds);
    }

    [Theory]
    [InlineData("", "start with its version")]
    [InlineData("abc", "start with its version")]
    [InlineData("2~cat-cow-1x8~~~", "format 2, which this version of SpineMobility does not read")]
    [InlineData("1~cat-cow-1x8", "four phases")]
    [InlineData("1~~~~", "no exercises")]
    [InlineData("1~elbow-circles-1x8~~~", "'elbow-circles', which is not an exercise here")]
    [InlineData("1~cat-cow~~~", "'cat-cow' in the plan is not an exercise and its dose")]
    [InlineData("1~cat-cow-1x99999~~~", "is not an exercise and its dose")]
    [InlineData("1~~~~squat-hold-1x45", "Squat hold does not belong in the cool-down")]
    [InlineData("1~~childs-pose-1x45~~", "Child's pose does not belong in the spine mobility")]
    [InlineData("1~~cat-cow-9x8~~", "Cat-cow: 9 sets; a block has 1 to 4")]
    [InlineData("1~~cat-cow-1x31~~", "Cat-cow: 31 repetitions; a set has 1 to 30")]
    [InlineData("1~~squat-hold-1x90~~", "Squat hold: a hold of 90 s; it is held 30 to 60 s")]
    public void A_plan_that_cannot_be_read_is_refused_with_a_reason(string code, string reason)
    {
        var (blocks, problems) = PlanCode.Decode(code, Catalog);

        Assert.Null(blocks);
        Assert.Contains(problems, p => p.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_or_crowded_plan_is_refused_before_it_is_read()
    {
        var many = "1~" + string.Join('.', Enumerable.Repeat("cat-cow-1x8", 70)) + "~~~";
        var huge = "1~" + new string('a', 5000) + "~~~";

        Assert.Contains("more than 60 exercises", Assert.Single(PlanCode.Decode(many, Catalog).Problems), StringComparison.Ordinal);
        Assert.Contains("at most 2,000", Assert.Single(PlanCode.Decode(huge, Catalog).Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Many_problems_are_counted_rather_than_all_listed_and_echoes_are_cut_short()
    {
        var code = "1~" + string.Join('.', Enumerable.Range(0, 20).Select(i => $"nope{i}{new string('x', 80)}-1x8")) + "~~~";

        var problems = PlanCode.Decode(code, Catalog).Problems;

        Assert.Equal(4, problems.Count);
        Assert.Contains("17 more", problems[^1], StringComparison.Ordinal);
        Assert.All(problems, p => Assert.True(p.Length < 120, p));
    }

    [Fact]
    public void Any_text_at_all_gives_a_plan_or_a_reason_and_never_an_exception()
    {
        var random = new Random(5);
        const string alphabet = "1~.-x0123456789abcdefghijklmnopqrstuvwxyz%&= ";
        for (var i = 0; i < 2000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var (blocks, problems) = PlanCode.Decode(random.Next(3) == 0 ? "1~" + text : text, Catalog);
            Assert.True(blocks is not null ^ problems.Count > 0, text);
        }
    }
}
