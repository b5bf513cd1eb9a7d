using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace PortCooperation.Web.Services.Uploads;

/// <summary>
/// Raises the request-body limit of an upload action to the configured maximum file size plus room for the form's
/// other fields, before the form is read, so Kestrel refuses anything far larger without buffering it; a file just
/// over the limit reaches <see cref="AttachmentService"/>, which refuses it with a clear message.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    private const long FormOverhead = 1024 * 1024;

    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var limit = context.HttpContext.RequestServices.GetRequiredService<IOptions<UploadOptions>>().Value.MaxBytes + FormOverhead;
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(context.HttpContext.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
