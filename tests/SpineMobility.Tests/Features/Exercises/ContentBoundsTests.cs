using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SpineMobility.Testing;
using SpineMobility.Web.Data;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Exercises;

/// <summary>Every value the content can hold is bounded, and what the schema lets through fits the database.</summary>
public sealed class ContentBoundsTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(RepoFiles.ExercisesSchema))!;

    /// <summary>Every subschema of the schema document, with its JSON Pointer.</summary>
    private static IEnumerable<(string Pointer, JsonObject Schema)> Subschemas(JsonNode node, string pointer = "")
    {
        if (node is JsonObject o)
        {
            if (o.ContainsKey("type"))
            {
                yield return (pointer, o);
            }

            foreach (var (key, child) in o)
            {
                if (child is not null && key is not ("enum" or "const" or "required" or "examples"))
                {
                    foreach (var found in Subschemas(child, $"{pointer}/{key}"))
                    {
                        yield return found;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                foreach (var found in Subschemas(a[i]!, $"{pointer}/{i}"))
                {
                    yield return found;
                }
            }
        }
    }

    [Fact]
    public void Every_text_of_the_schema_has_a_length_limit()
    {
        var unbounded = Subschemas(Schema).Where(s => s.Schema["type"]!.ToString() == "string" && !s.Schema.ContainsKey("enum") && !s.Schema.ContainsKey("maxLength")).Select(s => s.Pointer);

        Assert.Empty(unbounded);
    }

    [Fact]
    public void Every_number_of_the_schema_has_a_range()
    {
        var numbers = Subschemas(Schema).Where(s => s.Schema["type"]!.ToString() is "integer" or "number").ToList();

        Assert.NotEmpty(numbers);
        Assert.Empty(numbers.Where(s => !s.Schema.ContainsKey("minimum") || !s.Schema.ContainsKey("maximum")).Select(s => s.Pointer));
    }

    [Fact]
    public void Every_list_of_the_schema_has_a_size_limit()
    {
        Assert.Empty(Subschemas(Schema).Where(s => s.Schema["type"]!.ToString() == "array" && !s.Schema.ContainsKey("maxItems")).Select(s => s.Pointer));
    }

    [Theory]
    [InlineData("Slug", "slug")]
    [InlineData("Name", "name")]
    [InlineData("Summary", "summary")]
    [InlineData("Illustration.StartFile", "illustration/properties/start/properties/file")]
    [InlineData("Illustration.StartAlt", "illustration/properties/start/properties/alt")]
    [InlineData("Illustration.EndFile", "illustration/properties/end/properties/file")]
    [InlineData("Illustration.EndAlt", "illustration/properties/end/properties/alt")]
    public void The_database_column_is_as_long_as_the_schema_allows(string property, string schemaField)
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        var entity = db.Model.FindEntityType(typeof(Exercise))!;
        var parts = property.Split('.');
        var column = parts.Length == 1
            ? entity.FindProperty(parts[0])!
            : entity.FindComplexProperty(parts[0])!.ComplexType.FindProperty(parts[1])!;

        Assert.Equal(ExerciseSchema.MaxLength(schemaField), column.GetMaxLength());
    }

    [Fact]
    public void Every_text_column_of_an_exercise_is_compared_with_the_schema()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        var entity = db.Model.FindEntityType(typeof(Exercise))!;
        var texts = entity.GetProperties().Concat(entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()))
            .Where(p => p.ClrType == typeof(string))
            .Select(p => p.DeclaringType is IReadOnlyComplexType c ? $"{c.ComplexProperty.Name}.{p.Name}" : p.Name);

        // The theory above covers these; a new text column must be added there.
        Assert.Equal(["Name", "Slug", "Summary", "Illustration.EndAlt", "Illustration.EndFile", "Illustration.StartAlt", "Illustration.StartFile"], texts);
    }
}
