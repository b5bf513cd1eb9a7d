// Serves one file's bytes from memory for every GET, with the content type given and, when a header file is given
// (curl -D of the portal's answer), the same response headers: the same bytes on the wire, the upper bound the
// portal's pages are measured against (docs/quality.md P1, P2).
// Usage: ReferenceServer <file> <content-type> <url> [<headers file>]
var bytes = await File.ReadAllBytesAsync(args[0]);
var contentType = args[1];
string[] ownHeaders = ["Date", "Server", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Keep-Alive"];
var headers = args.Length > 3
    ? File.ReadAllLines(args[3])
        .Skip(1) // the status line
        .Select(line => line.Split(':', 2))
        .Where(parts => parts.Length == 2 && !ownHeaders.Contains(parts[0].Trim(), StringComparer.OrdinalIgnoreCase))
        .Select(parts => (Name: parts[0].Trim(), Value: parts[1].Trim()))
        .ToArray()
    : [];
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(args[2]);
var app = builder.Build();
app.MapGet("/{**path}", (HttpContext context) =>
{
    var response = context.Response;
    response.ContentType = contentType;
    response.ContentLength = bytes.Length;
    foreach (var (name, value) in headers)
    {
        response.Headers.Append(name, value);
    }

    return response.Body.WriteAsync(bytes).AsTask();
});
await app.RunAsync();
