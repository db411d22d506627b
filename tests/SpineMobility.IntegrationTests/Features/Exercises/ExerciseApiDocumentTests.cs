using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SpineMobility.Testing;

namespace SpineMobility.IntegrationTests.Features.Exercises;

/// <summary>The OpenAPI document describes the responses the API really gives: each is validated against the document's own schemas.</summary>
[Collection(AppCollection.Name)]
public sealed class ExerciseApiDocumentTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<JsonObject> DocumentAsync() => JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!.AsObject();

    /// <summary>
    /// The documented schema of one response, as a JSON Schema document of its own that carries the
    /// document's components, so its "#/components/schemas/..." references resolve. The API's own objects
    /// are closed (unevaluatedProperties: false), so a field the document does not name fails too.
    /// </summary>
    private static JsonSchema ResponseSchema(JsonObject document, string path, HttpStatusCode status, string mediaType)
    {
        var response = document["paths"]?[path]?["get"]?["responses"]?[((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Assert.True(response is not null, $"GET {path} does not document a {(int)status} response");
        var schema = response["content"]?[mediaType]?["schema"];
        Assert.True(schema is not null, $"GET {path}'s {(int)status} response is not documented as {mediaType}");

        var components = document["components"]!.DeepClone().AsObject();
        foreach (var name in new[] { "ExerciseResponse", "DoseResponse" })
        {
            components["schemas"]![name]!["unevaluatedProperties"] = false;
        }

        var wrapper = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"urn:test:{Guid.NewGuid():N}",
            ["components"] = components,
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        return JsonSchema.FromText(wrapper.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    public static TheoryData<string, string, HttpStatusCode> Operations => new()
    {
        { "/api/exercises", "/api/exercises", HttpStatusCode.OK },
        { "/api/exercises?region=neck&q=stretch", "/api/exercises", HttpStatusCode.OK },
        { "/api/exercises?position=seated&equipment=chair", "/api/exercises", HttpStatusCode.OK },
        { "/api/exercises?q=handstand", "/api/exercises", HttpStatusCode.OK },
        { "/api/exercises?region=spleen&position=upside-down", "/api/exercises", HttpStatusCode.BadRequest },
        { "/api/exercises/cat-cow", "/api/exercises/{slug}", HttpStatusCode.OK },
        { "/api/exercises/knee-to-chest", "/api/exercises/{slug}", HttpStatusCode.OK },
        { "/api/exercises/no-such-exercise", "/api/exercises/{slug}", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_real_response_satisfies_the_schema_the_document_gives_for_it(string url, string path, HttpStatusCode status)
    {
        var document = await DocumentAsync();
        var response = await _client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        var mediaType = response.Content.Headers.ContentType!.MediaType!;

        var schema = ResponseSchema(document, path, status, mediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = schema.Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))));
    }

    [Fact]
    public async Task The_schemas_reject_what_the_api_never_writes()
    {
        var document = await DocumentAsync();
        var schema = ResponseSchema(document, "/api/exercises/{slug}", HttpStatusCode.OK, "application/json");
        var exercise = JsonNode.Parse(await _client.GetStringAsync("/api/exercises/cat-cow"))!;

        // Positive control above; here the same exercise with a dose number as a string, a null and an unknown field.
        exercise["dose"]!["reps"] = "8";
        Assert.False(schema.Evaluate(JsonDocument.Parse(exercise.ToJsonString()).RootElement).IsValid);
        exercise["dose"]!["reps"] = null;
        Assert.False(schema.Evaluate(JsonDocument.Parse(exercise.ToJsonString()).RootElement).IsValid);
        exercise["dose"]!["reps"] = 8;
        exercise["id"] = 7;
        Assert.False(schema.Evaluate(JsonDocument.Parse(exercise.ToJsonString()).RootElement).IsValid);
    }

    /// <summary>Redocly's own checker, installed by ./test.sh (npm ci in tests/SpineMobility.EndToEnd), run offline.</summary>
    [Fact]
    public async Task Redoclys_recommended_rules_find_no_error_in_the_document()
    {
        var redocly = Path.Combine(RepoFiles.Root, "tests", "SpineMobility.EndToEnd", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"Redocly is missing at {redocly}: run ./test.sh, which installs it with npm ci.");
        var file = TempFiles.NewPath("openapi", ".json");
        await File.WriteAllTextAsync(file, await _client.GetStringAsync("/openapi/v1.json"));
        try
        {
            var start = new ProcessStartInfo(redocly, ["lint", "--extends=recommended", "--format=json", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            var report = JsonNode.Parse(await output)!;
            var problems = report["problems"]!.AsArray().Select(p => $"{p!["severity"]} {p["ruleId"]}: {p["message"]}").ToList();
            Assert.True(report["totals"]!["errors"]!.GetValue<int>() == 0, string.Join("\n", problems) + await errors);

            // The one warning left: the project has not chosen a licence to name in the document.
            Assert.Equal(["warn info-license: Info object should contain `license` field."], problems);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_document_describes_only_the_api()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject().Select(p => p.Key);

        Assert.Equal(["/api/exercises", "/api/exercises/{slug}"], paths.Order());
    }

    [Fact]
    public async Task An_unknown_api_address_is_a_404_problem_not_the_html_page()
    {
        var response = await _client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_method_the_api_does_not_have_is_a_405_problem()
    {
        var response = await _client.DeleteAsync("/api/exercises/cat-cow");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
