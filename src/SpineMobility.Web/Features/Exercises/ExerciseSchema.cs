using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SpineMobility.Web.Features.Exercises;

/// <summary>
/// The catalog's rules: content/exercises.schema.json, built into the app so the file editors validate
/// against is the one the app enforces. Each failure becomes a plain sentence built from the schema's
/// own keywords (its titles, enums, limits and descriptions), at the place in the document it concerns.
/// </summary>
public static class ExerciseSchema
{
    /// <summary>Where a problem is: the path into the checked document ("exercises", 2, "regions", 1), and what is wrong there.</summary>
    public sealed record Failure(IReadOnlyList<string> Location, string Message);

    private const string ResourceName = "exercises.schema.json";

    // Valid content (the usual case) is confirmed with the cheap yes/no output; only invalid content is
    // evaluated again with the detailed output that the messages are built from.
    private static readonly EvaluationOptions QuickOptions = new() { OutputFormat = OutputFormat.Flag };

    private static readonly EvaluationOptions DetailedOptions = new() { OutputFormat = OutputFormat.Hierarchical };

    /// <summary>The schema as a document, to read the keywords a failure's message is built from.</summary>
    public static JsonNode Document { get; }

    private static readonly JsonSchema CatalogSchema;

    private static readonly JsonSchema ExerciseOnly;

    static ExerciseSchema()
    {
        using var stream = typeof(ExerciseSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The app was built without its embedded {ResourceName}.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        Document = JsonNode.Parse(text)!;

        // A registry of our own, so nothing is looked up (or fetched) outside this schema.
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        CatalogSchema = JsonSchema.FromText(text, build);
        var id = Document["$id"]!.GetValue<string>();
        ExerciseOnly = JsonSchema.FromText($$"""{"$ref": "{{id}}#/$defs/exercise"}""", build);
    }

    /// <summary>Checks a whole catalog file.</summary>
    public static IReadOnlyList<Failure> CheckCatalog(JsonElement catalog) => Check(CatalogSchema, catalog);

    /// <summary>Checks one exercise object, as an entry of the catalog is checked.</summary>
    public static IReadOnlyList<Failure> CheckExercise(JsonElement exercise) => Check(ExerciseOnly, exercise);

    /// <summary>The schema's maxLength for a field of an exercise, e.g. "summary" or "illustration/properties/start/properties/alt".</summary>
    public static int MaxLength(string exerciseField) =>
        Resolve(Document, $"$defs/exercise/properties/{exerciseField}")?["maxLength"]?.GetValue<int>()
        ?? throw new ArgumentException($"The schema gives no maxLength for '{exerciseField}'.", nameof(exerciseField));

    private static List<Failure> Check(JsonSchema schema, JsonElement instance)
    {
        var failures = new List<Failure>();
        if (!schema.Evaluate(instance, QuickOptions).IsValid)
        {
            Collect(schema.Evaluate(instance, DetailedOptions), instance, failures);
        }

        return failures;
    }

    private static void Collect(EvaluationResults node, JsonElement root, List<Failure> failures)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var keyword in node.Errors?.Keys ?? Enumerable.Empty<string>())
        {
            var location = Segments(node.InstanceLocation.ToString());
            var value = Resolve(root, location);
            var schemaNode = SchemaNode(node.SchemaLocation);
            failures.AddRange(Describe(keyword, location, value, schemaNode, node.SchemaLocation, node.Errors![keyword]));
        }

        foreach (var child in node.Details ?? [])
        {
            // An "if" that does not hold only means its "then" does not apply; it is not a problem.
            if (!child.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
            {
                Collect(child, root, failures);
            }
        }
    }

    private static IEnumerable<Failure> Describe(string keyword, List<string> at, JsonElement? value, JsonNode? schemaNode, Uri schemaLocation, string? fallback)
    {
        var schema = schemaNode as JsonObject;
        var title = schema?["title"]?.GetValue<string>();
        switch (keyword)
        {
            case "required":
                var present = value is { ValueKind: JsonValueKind.Object } o ? o.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
                foreach (var name in (schema?["required"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).Where(n => !present.Contains(n)))
                {
                    var options = schema?["properties"]?[name]?["enum"]?.AsArray();
                    yield return new([.. at, name], options is null ? "missing" : $"missing: use one of {List(options)}");
                }

                yield break;

            case "":
                // additionalProperties: false, met by a field the object does not have.
                var parent = ParentOfAdditionalProperties(schemaLocation);
                var allowed = parent?["properties"]?.AsObject().Select(p => p.Key) ?? [];
                yield return new(at, $"unknown field (allowed: {string.Join(", ", allowed)})");
                yield break;

            case "type" when value is null or { ValueKind: JsonValueKind.Null }:
                yield return new(at, "missing");
                yield break;

            case "type":
                yield return new(at, $"must be {TypeWords(schema?["type"])}, not {Show(value!.Value)}");
                yield break;

            case "enum" when value is { ValueKind: JsonValueKind.String } text:
                yield return new(at, $"unknown {title ?? "value"} '{Clip(text.GetString()!)}' (expected one of: {string.Join(", ", schema!["enum"]!.AsArray().Select(n => n!.GetValue<string>()))})");
                yield break;

            case "enum":
                yield return new(at, $"must be {(title is null ? "one of" : $"a {title}:")} {List(schema?["enum"]?.AsArray())}, not {Show(value!.Value)}");
                yield break;

            case "minLength" or "pattern" when value is { ValueKind: JsonValueKind.String } text && string.IsNullOrWhiteSpace(text.GetString()):
                yield return new(at, "is empty");
                yield break;

            case "pattern" when value is { ValueKind: JsonValueKind.String } text:
                yield return new(at, $"'{Clip(text.GetString()!)}' is not a valid {title ?? "value"}. {schema?["description"]?.GetValue<string>()}".TrimEnd());
                yield break;

            case "maxLength" when value is { ValueKind: JsonValueKind.String } text:
                yield return new(at, $"is {new StringInfo(text.GetString()!).LengthInTextElements} characters long; the most is {Number(schema, "maxLength")}");
                yield break;

            case "minimum" or "maximum":
                var range = schema?["maximum"] is null ? $"at least {Number(schema, "minimum")}" : $"from {Number(schema, "minimum") ?? "any"} to {Number(schema, "maximum")}";
                yield return new(at, $"must be {range}, not {value?.GetRawText()}");
                yield break;

            case "minItems" when value is { ValueKind: JsonValueKind.Array } list:
                yield return new(at, list.GetArrayLength() == 0
                    ? $"is empty: give at least {Number(schema, "minItems")}"
                    : $"has {list.GetArrayLength()}; give at least {Number(schema, "minItems")}");
                yield break;

            case "maxItems" when value is { ValueKind: JsonValueKind.Array } list:
                yield return new(at, $"has {list.GetArrayLength()}; give at most {Number(schema, "maxItems")}");
                yield break;

            case "uniqueItems" when value is { ValueKind: JsonValueKind.Array } list:
                var seen = new List<JsonElement>();
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (seen.Any(s => JsonElement.DeepEquals(s, item)))
                    {
                        yield return new([.. at, index.ToString(CultureInfo.InvariantCulture)], $"{Show(item)} is listed twice");
                    }

                    seen.Add(item);
                    index++;
                }

                yield break;

            default:
                yield return new(at, fallback ?? $"does not satisfy '{keyword}'");
                yield break;
        }
    }

    private static string? Number(JsonObject? schema, string keyword) => schema?[keyword]?.ToJsonString();

    private static string List(JsonArray? values) =>
        values is null ? "" : string.Join(", ", values.Select(v => v is JsonValue s && s.TryGetValue<string>(out var text) ? $"\"{text}\"" : v?.ToJsonString()));

    private static string TypeWords(JsonNode? type) => type?.GetValue<string>() switch
    {
        "string" => "text",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "array" => "a list",
        "object" => "an object",
        var other => other ?? "something else",
    };

    /// <summary>A value as an author would recognise it, cut short: a problem must never repeat 50 MB of text.</summary>
    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{Clip(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Clip(value.GetRawText())}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private static JsonNode? SchemaNode(Uri location) => Resolve(Document, Segments(Uri.UnescapeDataString(location.Fragment.TrimStart('#'))), lenient: true);

    // The library names additionalProperties' subschema ".../additionalProperties/<parent>"; the fields it allows are the parent's.
    private static JsonNode? ParentOfAdditionalProperties(Uri location)
    {
        var path = Segments(Uri.UnescapeDataString(location.Fragment.TrimStart('#')));
        var cut = path.LastIndexOf("additionalProperties");
        return cut < 0 ? null : Resolve(Document, path[..cut], lenient: true);
    }

    private static JsonNode? Resolve(JsonNode root, string pointer) => Resolve(root, Segments(pointer), lenient: false);

    /// <param name="lenient">Stop at the deepest node that exists: the library appends a name to some schema locations.</param>
    private static JsonNode? Resolve(JsonNode root, List<string> path, bool lenient)
    {
        var node = root;
        foreach (var segment in path)
        {
            JsonNode? next = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (next is null)
            {
                return lenient ? node : null;
            }

            node = next;
        }

        return node;
    }

    private static JsonElement? Resolve(JsonElement root, List<string> path)
    {
        var element = root;
        foreach (var segment in path)
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var property))
            {
                element = property;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < element.GetArrayLength())
            {
                element = element[i];
            }
            else
            {
                return null;
            }
        }

        return element;
    }

    /// <summary>The segments of a JSON Pointer ("/exercises/2/regions" or "$defs/region"), unescaped.</summary>
    private static List<string> Segments(string pointer) =>
        [.. pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
}
