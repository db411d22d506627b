using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SpineMobility.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Exercises;

/// <summary>
/// SQLite ignores column lengths, PostgreSQL enforces them: whatever the content rules let into the catalog
/// must fit its column on both, or a valid catalog would fail to sync on PostgreSQL.
/// </summary>
public sealed class ColumnLengthTests
{
    public static TheoryData<string, string> ContentFields => new()
    {
        { "slug", nameof(Exercise.Slug) },
        { "name", nameof(Exercise.Name) },
        { "summary", nameof(Exercise.Summary) },
        { "illustration/properties/start/properties/file", "Illustration.StartFile" },
        { "illustration/properties/start/properties/alt", "Illustration.StartAlt" },
        { "illustration/properties/end/properties/file", "Illustration.EndFile" },
        { "illustration/properties/end/properties/alt", "Illustration.EndAlt" },
    };

    [Theory]
    [MemberData(nameof(ContentFields))]
    public void Whatever_the_content_rules_allow_fits_its_column_on_both_providers(string schemaPath, string property)
    {
        var node = JsonNode.Parse(File.ReadAllText(RepoFiles.ExercisesSchema))!["$defs"]!["exercise"]!["properties"]!;
        foreach (var part in schemaPath.Split('/'))
        {
            node = node[part]!;
        }

        var allowed = node["maxLength"]?.GetValue<int>();
        foreach (AppDbContext db in new AppDbContext[] { new AppDbContextDesignTimeFactory().CreateDbContext([]), new PostgresAppDbContextDesignTimeFactory().CreateDbContext([]) })
        {
            using (db)
            {
                var column = MaxLength(db.Model.FindEntityType(typeof(Exercise))!, property);
                Assert.True(
                    column is null || allowed <= column,
                    $"{schemaPath} may be {allowed?.ToString(CultureInfo.InvariantCulture) ?? "any number of"} characters long, but its column on {db.GetType().Name} holds {column}");
            }
        }
    }

    private static int? MaxLength(IEntityType exercise, string property) => property.Split('.') switch
    {
        [var complex, var inner] => exercise.FindComplexProperty(complex)!.ComplexType.FindProperty(inner)!.GetMaxLength(),
        _ => exercise.FindProperty(property)!.GetMaxLength(),
    };
}
