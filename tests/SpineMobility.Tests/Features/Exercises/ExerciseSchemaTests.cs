using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SpineMobility.Testing;
using SpineMobility.Web.Features.Exercises;

namespace SpineMobility.Tests.Features.Exercises;

/// <summary>The JSON Schema that editors use must agree with the validator the app uses.</summary>
public sealed class ExerciseSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(RepoFiles.ExercisesSchema));

    private static JsonNode RealContent() => JsonNode.Parse(File.ReadAllText(RepoFiles.ExercisesJson))!;

    private static bool IsValid(JsonNode content) =>
        Schema.Evaluate(JsonDocument.Parse(content.ToJsonString()).RootElement).IsValid;

    [Fact]
    public void The_real_catalog_satisfies_its_schema()
    {
        Assert.True(IsValid(RealContent()));
    }

    [Fact]
    public void The_catalog_points_editors_at_its_schema()
    {
        Assert.Equal("./exercises.schema.json", RealContent()["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void The_schema_rejects_an_unknown_region_as_the_app_does()
    {
        var content = RealContent();
        content["exercises"]![0]!["regions"] = new JsonArray("neck");

        Assert.False(IsValid(content));
    }

    [Theory]
    [InlineData("$defs/region", typeof(Region))]
    [InlineData("$defs/exercise/properties/position", typeof(StartingPosition))]
    [InlineData("$defs/exercise/properties/equipment", typeof(Equipment))]
    [InlineData("$defs/direction", typeof(MovementDirection))]
    [InlineData("$defs/phase", typeof(SessionPhase))]
    [InlineData("$defs/exercise/properties/intensity", typeof(Intensity))]
    public void The_schema_lists_the_same_tags_as_the_app(string path, Type vocabulary)
    {
        var node = JsonNode.Parse(File.ReadAllText(RepoFiles.ExercisesSchema))!;
        foreach (var part in path.Split('/'))
        {
            node = node[part]!;
        }

        var enumNode = node["enum"]!.AsArray().Select(n => n!.GetValue<string>());

        var tags = typeof(Tag).GetMethod(nameof(Tag.All))!.MakeGenericMethod(vocabulary).Invoke(null, null) as IReadOnlyList<string>;

        Assert.Equal(tags, enumNode);
    }
}
