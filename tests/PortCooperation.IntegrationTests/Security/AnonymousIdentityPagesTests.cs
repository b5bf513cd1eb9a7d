using PortCooperation.IntegrationTests.Web;

namespace PortCooperation.IntegrationTests.Security;

/// <summary>
/// The S1 enumeration (<see cref="StaffAreaAccessTests"/>) protects every Admin endpoint and every endpoint that
/// asks for authorization. The Identity area is the one place with pages that must stay open to anonymous
/// visitors; this lists them, each with the reason, so a new anonymous endpoint there fails until someone
/// documents why. Their POSTs still need an antiforgery token (<see cref="AntiforgeryTests"/>).
/// </summary>
public sealed class AnonymousIdentityPagesTests : IClassFixture<SharedWebFactory>
{
    private static readonly Dictionary<string, string> _anonymousByDesign = new(StringComparer.Ordinal)
    {
        ["Account.Login"] = "the sign-in form: whoever signs in is not signed in yet",
        ["Account.LoginWith2fa"] = "the second sign-in step: admitted by Identity's two-factor cookie, not by a session",
        ["Account.Logout"] = "signing out must work whatever the session's state (POST only, antiforgery-checked)",
        ["Invitation.Accept"] = "the invitee has no password yet: the single-use, expiring token in the mailed link admits them",
        ["Password.Forgot"] = "whoever forgot the password cannot sign in; the answer is the same for every address",
        ["Password.Sent"] = "the same confirmation for every address (no enumeration)",
        ["Password.Reset"] = "reached from the mailed link: its single-use, expiring token admits the visitor",
    };

    private readonly SharedWebFactory _fixture;

    public AnonymousIdentityPagesTests(SharedWebFactory fixture) => _fixture = fixture;

    [Fact]
    public void EveryAnonymousIdentityEndpoint_IsDocumentedWithItsReason()
    {
        var anonymous = EndpointCatalogue.Requests(_fixture.Factory.Services)
            .Where(r => r.Path.StartsWith("/Identity/", StringComparison.OrdinalIgnoreCase) && !r.RequiresAuthorization)
            .Select(r => r.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        anonymous.ShouldBe(_anonymousByDesign.Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void TheTwoFactorEnrolmentPage_IsNotAnonymous()
    {
        EndpointCatalogue.Requests(_fixture.Factory.Services)
            .Where(r => r.Name == "TwoFactor.Enable")
            .ShouldAllBe(r => r.RequiresAuthorization);
    }
}
