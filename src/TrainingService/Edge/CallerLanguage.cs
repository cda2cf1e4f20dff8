using System.Globalization;
using Microsoft.AspNetCore.Http.Headers;

namespace Training.Service.Edge;

/// <summary>
/// The language the service answers a call in, from its <c>accept-language</c> (gRPC metadata and HTTP header alike):
/// French when French is preferred to English, English otherwise. It becomes the UI culture for the whole call, so
/// findings, refusals, report labels and the names of reference data read it; rule codes, reasons, resource names and
/// the English <c>message</c> of errors do not.
/// </summary>
public sealed class CallerLanguage(RequestDelegate next)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public Task InvokeAsync(HttpContext context)
    {
        // Most calls (other systems, the client in English) say nothing: English without parsing anything.
        CultureInfo.CurrentUICulture = context.Request.Headers.AcceptLanguage.Count == 0 ? English : Of(new RequestHeaders(context.Request.Headers));
        return next(context);
    }

    /// <summary>The first of English or French in the caller's order of preference (quality, then order given).</summary>
    public static CultureInfo Of(RequestHeaders headers)
    {
        var preferred = headers.AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is "fr" or "en");
        return preferred == "fr" ? French : English;
    }
}
