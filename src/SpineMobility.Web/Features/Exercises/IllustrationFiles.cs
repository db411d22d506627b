using Microsoft.Extensions.FileProviders;
using SpineMobility.Web.Hosting;

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

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = "/" + Illustration.Folder,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        return app;
    }
}
