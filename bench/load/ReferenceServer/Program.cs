// Serves one file's bytes from memory for every GET, with the content type given: the upper bound the portal's
// pages are measured against (quality.md P1, P2). Usage: ReferenceServer <file> <content-type> <url>
var bytes = await File.ReadAllBytesAsync(args[0]);
var contentType = args[1];
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(args[2]);
var app = builder.Build();
app.MapGet("/{**path}", (HttpContext context) =>
{
    context.Response.ContentType = contentType;
    context.Response.ContentLength = bytes.Length;
    return context.Response.Body.WriteAsync(bytes).AsTask();
});
await app.RunAsync();
