using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Engine.Host.Admin;

/// <summary>
/// Serves the built admin designer (admin-designer/dist) at <c>/admin</c>: its static files, and index.html for every
/// other <c>/admin/*</c> path (the app routes itself, e.g. <c>/admin/callback</c> after sign-in).
/// </summary>
public static class AdminDesignerEndpoints
{
    /// <summary>The URL prefix of the app; Vite builds it with the same base.</summary>
    public const string PathPrefix = "/admin";

    /// <summary>The configuration key of the folder holding the built app's index.html.</summary>
    public const string PathSetting = "Engine:AdminDesignerPath";

    private const string NotBuilt =
        "The admin designer is not built. Build it with `npm ci && npm run build` in admin-designer/ (scripts/run does this), "
        + "or set Engine__AdminDesignerPath to the folder that holds its index.html.";

    /// <summary>Maps <c>/admin</c> to the folder from <see cref="PathSetting"/>, or to a 404 that says how to build it.</summary>
    public static WebApplication MapAdminDesigner(this WebApplication app)
    {
        var folder = AdminDesignerFolder.Resolve(app.Configuration[PathSetting], app.Environment.ContentRootPath);
        app.Map(PathPrefix, branch =>
        {
            if (folder is null)
            {
                branch.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return context.Response.WriteAsync(NotBuilt);
                });
                return;
            }

            var files = new PhysicalFileProvider(folder);
            branch.Use(RedirectBareRoot);
            branch.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = SetCaching });
            branch.Run(context => SendIndexAsync(context, files));
        });
        return app;
    }

    /// <summary><c>/admin</c> → <c>/admin/</c>, so the app's hash routes sit under one stable document URL.</summary>
    private static Task RedirectBareRoot(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.HasValue)
        {
            context.Response.Redirect(PathPrefix + "/" + context.Request.QueryString);
            return Task.CompletedTask;
        }

        return next(context);
    }

    /// <summary>Vite names assets by content hash, so they never change; index.html must be revalidated on every load.</summary>
    private static void SetCaching(StaticFileResponseContext context)
    {
        var immutable = context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal);
        context.Context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
    }

    private static Task SendIndexAsync(HttpContext context, IFileProvider files)
    {
        var index = files.GetFileInfo("index.html");
        if (!index.Exists || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            context.Response.StatusCode = index.Exists ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound;
            return index.Exists ? Task.CompletedTask : context.Response.WriteAsync(NotBuilt);
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return context.Response.SendFileAsync(index);
    }
}
