using Microsoft.Extensions.FileProviders;
using SpineMobility.Web.Shared;

namespace SpineMobility.Web.Features.Exercises;

public static class IllustrationFiles
{
    /// <summary>Serves the drawings from the illustrations/ folder beside the catalog, at /illustrations/.</summary>
    public static WebApplication UseIllustrations(this WebApplication app)
    {
        var contentDirectory = Path.GetDirectoryName(AppPaths.ExercisesFile(app.Configuration, app.Environment));
        var folder = contentDirectory is null ? null : Path.Combine(contentDirectory, Illustration.Folder);
        if (folder is null || !Directory.Exists(folder))
        {
            // The content validator has already stopped the app if an exercise names a drawing that is not there.
            return app;
        }

        // Only the drawings the catalog names, and so the validator checked, are served; any other file is a 404.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/" + Illustration.Folder, out var rest))
            {
                var file = Illustration.Folder + rest.Value;
                var catalog = await context.RequestServices.GetRequiredService<ExerciseCatalog>().ActiveAsync(context.RequestAborted);
                if (!catalog.Any(e => e.Illustration.StartFile == file || e.Illustration.EndFile == file))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
            }

            await next();
        });

        var addresses = app.Services.GetRequiredService<IllustrationAddresses>();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = "/" + Illustration.Folder,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;

                // The fingerprinted address pages link never changes its content; a bare address (an old page, a
                // bookmark) may, so a corrected drawing reaches it within the hour (then revalidated with the ETag).
                var requested = context.Context.Request.Query["v"].ToString();
                headers.CacheControl = requested.Length > 0 && requested == addresses.Fingerprint(context.Context.Request.Path.Value!.TrimStart('/'))
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=3600";

                // Opened on their own, the files can run nothing and load nothing, whatever a future edit puts in them.
                headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            },
        });
        return app;
    }
}
