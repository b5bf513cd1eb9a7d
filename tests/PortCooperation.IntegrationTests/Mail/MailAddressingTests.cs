using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PortCooperation.IntegrationTests.Admin;
using PortCooperation.IntegrationTests.Infrastructure;
using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Services.Mail;
using static PortCooperation.IntegrationTests.Registrations.RegistrationTestKit;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Mail;

/// <summary>
/// Who a mail goes to: the address a registrant typed is the one the mail is delivered to (one parser decides what
/// an address is), a name never becomes an address, international addresses either arrive or are refused on the
/// form, and erasing a registration also erases the mail files it left behind.
/// </summary>
public sealed class MailAddressingTests
{
    private static async Task<int> DeliverAsync(WebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ANameWithQuotesAndAnAddress_StaysTheDisplayNameOfTheOnlyRecipient()
    {
        const string name = "Bob\" <attacker@example.org>, \"Eve";
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var smtp = new WebFactory(settings: Settings(sink.AppSettings()));
        using var pickup = new WebFactory(settings: Settings());
        foreach (var factory in new[] { smtp, pickup })
        {
            var activity = OpenActivity();
            await factory.AddAsync(activity);
            var fields = Fields(email: "victim@example.org", language: "en");
            fields["FullName"] = name;
            using var response = await factory.CreateBrowserLikeClient().PostRegistrationAsync(activity.Slug, fields);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await DeliverAsync(factory)).ShouldBe(1);
        }

        var received = sink.Messages().ShouldHaveSingleItem();
        received.To.ShouldBe(["victim@example.org"]);
        var to = received.Message.To.Mailboxes.ShouldHaveSingleItem();
        to.Address.ShouldBe("victim@example.org");
        to.Name.ShouldBe(name);

        var file = Directory.GetFiles(Path.Combine(pickup.DataDirectory, "mail-pickup"), "*.eml").ShouldHaveSingleItem();
        var written = await MimeMessage.LoadAsync(file);
        var recipient = written.To.Mailboxes.ShouldHaveSingleItem();
        recipient.Address.ShouldBe("victim@example.org");
        recipient.Name.ShouldBe(name);
        written.Headers["X-Receiver"].ShouldBe("victim@example.org");
    }

    [Theory]
    [InlineData("someone attacker@example.org")]
    [InlineData("Someone <attacker@example.org>")]
    [InlineData("ana@example.org, attacker@example.org")]
    [InlineData("ana@example.org\r\nBcc: attacker@example.org")]
    public async Task AnAddressThatIsNotExactlyOneMailbox_IsRefusedBesideTheField(string email)
    {
        var page = await RefusedRegistration.PostAsync(email);

        page.QuerySelector("#Email-error")!.TextContent.ShouldContain("name@example.org");
    }

    [Fact]
    public async Task TheAddressStored_IsTheAddressTheMailIsDeliveredTo()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        using var factory = new WebFactory(settings: Settings(sink.AppSettings()));
        var activity = OpenActivity();
        await factory.AddAsync(activity);

        using var response = await factory.CreateBrowserLikeClient().PostRegistrationAsync(activity.Slug, Fields(email: "  Ana.Perez@Example.ORG "));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DeliverAsync(factory)).ShouldBe(1);

        var stored = (await factory.RegistrationsAsync(activity.Id)).ShouldHaveSingleItem().Email;
        stored.ShouldBe("Ana.Perez@Example.ORG");
        sink.Messages().ShouldHaveSingleItem().To.ShouldBe([stored]);
    }

    [Fact]
    public async Task AnInternationalAddress_IsAccepted_AndDeliveredWithSmtpUtf8_WhereTheServerOffersIt()
    {
        await using var sink = new SmtpSink(offerSmtpUtf8: true);
        await sink.StartAsync();
        using var factory = new WebFactory(settings: Settings(sink.AppSettings()));
        var activity = OpenActivity();
        await factory.AddAsync(activity);

        using var response = await factory.CreateBrowserLikeClient().PostRegistrationAsync(activity.Slug, Fields(email: "núñez@example.org"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DeliverAsync(factory)).ShouldBe(1);

        var mail = sink.Messages().ShouldHaveSingleItem();
        mail.To.ShouldBe(["núñez@example.org"]);
        mail.Message.To.Mailboxes.Single().Address.ShouldBe("núñez@example.org");
    }

    [Theory]
    [InlineData("en", "cannot send mail to")]
    [InlineData("es", "no puede enviar")]
    public async Task AnInternationalAddress_IsRefusedOnTheForm_WhenTheMailServerDoesNotOfferSmtpUtf8(string language, string message)
    {
        await using var sink = new SmtpSink(offerSmtpUtf8: false);
        await sink.StartAsync();
        using var factory = new WebFactory(settings: Settings(sink.AppSettings()));
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();

        using var response = await client.PostRegistrationAsync(activity.Slug, Fields(email: "núñez@example.org"), acceptLanguage: language);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ParseAsync(response);
        page.QuerySelector("#Email-error")!.TextContent.ShouldContain(message);
        (await factory.RegistrationsAsync(activity.Id)).ShouldBeEmpty();
        // An address whose domain only is international still works: the domain is sent in its ASCII form.
        using var ascii = await client.PostRegistrationAsync(activity.Slug, Fields(email: "ana@ñandú.example"), acceptLanguage: language);
        ascii.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DeliverAsync(factory)).ShouldBe(1);
        sink.Messages().ShouldHaveSingleItem().To.ShouldBe(["ana@xn--and-6ma2c.example"]);
    }

    [Fact]
    public async Task DeleteMyData_AlsoRemovesTheRegistrantsMailFilesFromThePickupFolder()
    {
        using var factory = new WebFactory(settings: Settings());
        var activity = OpenActivity();
        await factory.AddAsync(activity);
        var client = factory.CreateBrowserLikeClient();
        using (var first = await client.PostRegistrationAsync(activity.Slug, Fields(email: "leaving@example.org")))
        using (var second = await client.PostRegistrationAsync(activity.Slug, Fields(email: "staying@example.org")))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await DeliverAsync(factory)).ShouldBe(2);
        var folder = Path.Combine(factory.DataDirectory, "mail-pickup");
        Directory.GetFiles(folder, "*.eml").Length.ShouldBe(2);
        var leaving = (await factory.RegistrationsAsync(activity.Id)).Single(r => r.Email == "leaving@example.org");

        var selfService = $"/registrations/{leaving.AccessToken}";
        using var deleted = await client.PostFormAsync($"{selfService}/delete", $"form[action='{selfService}/delete']", null);
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var left = Directory.GetFiles(folder, "*.eml").ShouldHaveSingleItem();
        (await File.ReadAllTextAsync(left)).ShouldContain("staying@example.org");
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ShouldAllBe(f => !File.ReadAllText(f).Contains("leaving@example.org"));
    }
}
