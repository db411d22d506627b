using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SpineMobility.Web.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json, describing the responses exactly as the API writes them.</summary>
public static class ApiDescription
{
    public static IServiceCollection AddApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "SpineMobility API",
                    Version = "v1",
                    Description = "The exercise catalog of SpineMobility, read-only: general exercise guidance, not medical treatment.",
                };

                // Relative to wherever the document was fetched from, so it is right behind any proxy.
                document.Servers = [new OpenApiServer { Url = "/" }];

                // The catalog is public: an empty requirement says no credentials are needed.
                document.Security = [new OpenApiSecurityRequirement()];
                document.Tags = new HashSet<OpenApiTag>
                {
                    new() { Name = "Exercises", Description = "The active exercises of the catalog, as authored in content/exercises.json." },
                };
                return Task.CompletedTask;
            });

            // The API leaves out null values (JsonIgnoreCondition.WhenWritingNull), so a nullable property
            // is never null in a response: it is optional, and when present it has its type.
            options.AddSchemaTransformer((schema, _, _) =>
            {
                foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    if (property is OpenApiSchema { Type: { } type } concrete && type.HasFlag(JsonSchemaType.Null))
                    {
                        concrete.Type = type & ~JsonSchemaType.Null;
                        schema.Required?.Remove(name);
                    }
                }

                return Task.CompletedTask;
            });
        });
}
