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

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = "/" + Illustration.Folder,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;

                // Corrected drawings reach users within the hour; browsers revalidate with the ETag after that.
                headers.CacheControl = "public, max-age=3600";

                // Opened on their own, the files can run nothing and load nothing, whatever a future edit puts in them.
                headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            },
        });
        return app;
    }
}
