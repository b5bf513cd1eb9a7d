using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Operations;

/// <summary>
/// A POST whose body Kestrel gives up on (it arrives slower than the minimum data rate: Kestrel throws
/// BadHttpRequestException with 408, or 413 when it is too large) gets that status — on the page and in the request
/// log. It used to be answered and logged as 404: the antiforgery check turned the failed read into a 400, whose
/// status page was re-executed as a POST, and model binding of /Error/{code} read the unreadable form again, failed,
/// skipped binding and left the code at 0 (shown as 404). The test server has no Kestrel, so a test-only middleware
/// gives the request the body Kestrel gives it then: one whose every read throws Kestrel's exception.
/// </summary>
public sealed class UnreadableBodyStatusTests
{
    internal const string FailBodyHeader = "X-Test-Body-Fails-With";

    [Theory]
    [InlineData(StatusCodes.Status408RequestTimeout)]
    [InlineData(StatusCodes.Status413PayloadTooLarge)]
    public async Task RegistrationPost_WhoseBodyKestrelRejects_IsAnsweredAndLogged_WithKestrelsStatus(int status)
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var log = new RequestLog();
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new FailingBodyStartupFilter());
            services.AddSingleton<Serilog.Core.ILogEventSink>(log);
        }));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var token = await client.FormTokenAsync(activity.Slug);

        using var post = new HttpRequestMessage(HttpMethod.Post, $"/activities/{activity.Slug}/register")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(Fields()) { ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add(FailBodyHeader, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await client.SendAsync(post);

        ((int)response.StatusCode).ShouldBe(status);
        (await ParseAsync(response)).QuerySelector(".error-page").ShouldNotBeNull("the friendly status page");
        log.Lines.ShouldContain(line => line.StartsWith($"HTTP POST /activities/{activity.Slug}/register responded {status} ", StringComparison.Ordinal));
        log.Lines.ShouldNotContain(line => line.Contains("responded 404", StringComparison.Ordinal));
    }

    /// <summary>Outermost middleware: a request carrying the test header gets a body whose reads fail as Kestrel's do.</summary>
    internal sealed class FailingBodyStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (int.TryParse(context.Request.Headers[FailBodyHeader], out var status))
                {
                    context.Request.Body = new FailingStream(status);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class FailingStream(int status) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw Rejected();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(Rejected());

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromException<int>(Rejected());

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        // What Kestrel throws (its KestrelBadHttpRequestException derives from this type, with the same status).
        private BadHttpRequestException Rejected() => new(
            status switch
            {
                StatusCodes.Status408RequestTimeout => "Reading the request body timed out due to data arriving too slowly.",
                StatusCodes.Status400BadRequest => "Unexpected end of request content.",
                _ => "Request body too large.",
            },
            status);
    }
}
