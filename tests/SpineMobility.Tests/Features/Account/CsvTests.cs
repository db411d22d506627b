using SpineMobility.Web.Features.Account;
using SpineMobility.Web.Features.Exercises;
using SpineMobility.Web.Features.Sessions;
using SpineMobility.Web.Shared;

namespace SpineMobility.Tests.Features.Account;

public sealed class CsvTests
{
    [Theory]
    [InlineData("Neck reset", "Neck reset")]
    [InlineData("2026-11-27", "2026-11-27")]
    [InlineData("12.5", "12.5")]
    [InlineData("Café ☕", "Café ☕")]
    public void Plain_text_is_written_as_it_is(string value, string expected) =>
        Assert.Equal(expected, DataExport.Csv.Field(value));

    [Theory]
    [InlineData("Neck, then back", "\"Neck, then back\"")]
    [InlineData("The \"good\" one", "\"The \"\"good\"\" one\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("\"", "\"\"\"\"")]
    public void Text_with_a_comma_quote_or_line_break_is_quoted_with_its_quotes_doubled(string value, string expected) =>
        Assert.Equal(expected, DataExport.Csv.Field(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("=1,2", "\"'=1,2\"")]
    public void Text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe(string value, string expected) =>
        Assert.Equal(expected, DataExport.Csv.Field(value));

    [Fact]
    public void A_formula_character_later_in_the_text_is_left_alone() =>
        Assert.Equal("Neck = calm", DataExport.Csv.Field("Neck = calm"));

    [Fact]
    public void Missing_values_are_empty_cells() =>
        Assert.Equal("a,,,b", DataExport.Csv.Row(["a", null, "", "b"]));

    [Fact]
    public void A_session_is_one_row_in_the_headers_order_with_minutes_to_one_decimal()
    {
        var session = new CompletedSession
        {
            BrowserKey = "b",
            Title = "Morning, slow",
            TimeZone = "Asia/Tokyo",
            LocalDate = new DateOnly(2026, 11, 27),
            FinishedAt = new DateTimeOffset(2026, 11, 27, 8, 5, 9, TimeSpan.FromHours(9)),
            ActiveSeconds = 545,
            PlannedSeconds = 600,
            Finished = false,
            Exercises =
            [
                new() { Exercise = Named("cat-cow", "Cat-cow"), Phase = SessionPhase.WarmUp, Seconds = 60 },
                new() { Exercise = Named("thread-needle", "Thread the needle"), Phase = SessionPhase.Mobility, Seconds = 90 },
            ],
            Before = new CheckIn { Stiffness = 6, Pain = 2, Areas = [BodyArea.Neck, BodyArea.LowerBack] },
            After = new CheckIn { Stiffness = 3 },
        };

        var row = DataExport.Csv.Row(DataExport.CsvFields(session));

        Assert.Equal(14, DataExport.CsvHeader.Split(',').Length);
        Assert.Equal("2026-11-27,Asia/Tokyo,2026-11-26T23:05:09Z,\"Morning, slow\",9.1,10.0,false,Cat-cow; Thread the needle,6,2,Neck; LowerBack,3,,", row);
    }

    private static Exercise Named(string slug, string name) => new()
    {
        Slug = slug,
        Name = name,
        Summary = "",
        Dose = Dose.Hold(30, 60),
    };
}
