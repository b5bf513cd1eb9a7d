using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.UnitTests.Registrations;

public class RegistrationRules
{
    private static readonly DateTime Start = new(2032, 5, 10, 14, 0, 0, DateTimeKind.Utc);

    private static Activity Activity(ActivityStatus status = ActivityStatus.Planned, bool enabled = true, DateTime? opens = null, DateTime? closes = null) => new()
    {
        Status = status,
        RegistrationEnabled = enabled,
        RegistrationOpensAtUtc = opens,
        RegistrationClosesAtUtc = closes,
        StartsAtUtc = Start,
    };

    [Theory]
    [InlineData(ActivityStatus.Planned, true)]
    [InlineData(ActivityStatus.Postponed, true)]
    [InlineData(ActivityStatus.Held, false)]
    [InlineData(ActivityStatus.Cancelled, false)]
    public void IsOpen_OnlyForPlannedOrPostponedActivities(ActivityStatus status, bool open) =>
        RegistrationService.IsOpen(Activity(status), Start.AddDays(-1)).ShouldBe(open);

    [Fact]
    public void IsOpen_NeverWhenRegistrationIsSwitchedOff() =>
        RegistrationService.IsOpen(Activity(enabled: false), Start.AddDays(-1)).ShouldBeFalse();

    [Fact]
    public void IsOpen_FromTheOpeningMoment_NotBefore()
    {
        var opens = Start.AddDays(-7);
        RegistrationService.IsOpen(Activity(opens: opens), opens.AddTicks(-1)).ShouldBeFalse();
        RegistrationService.IsOpen(Activity(opens: opens), opens).ShouldBeTrue();
    }

    [Fact]
    public void IsOpen_UntilTheClosingMoment_Excluded()
    {
        var closes = Start.AddDays(-2);
        RegistrationService.IsOpen(Activity(closes: closes), closes.AddTicks(-1)).ShouldBeTrue();
        RegistrationService.IsOpen(Activity(closes: closes), closes).ShouldBeFalse();
    }

    [Fact]
    public void IsOpen_WithoutAClosingMoment_UntilTheActivityStarts()
    {
        RegistrationService.IsOpen(Activity(), Start.AddTicks(-1)).ShouldBeTrue();
        RegistrationService.IsOpen(Activity(), Start).ShouldBeFalse();
    }

    [Fact]
    public void IsOpen_AClosingMomentAfterTheStart_KeepsItOpenPastTheStart() =>
        RegistrationService.IsOpen(Activity(closes: Start.AddDays(3)), Start.AddDays(1)).ShouldBeTrue();

    [Theory]
    [InlineData(RegistrationStatus.Confirmed, true)]
    [InlineData(RegistrationStatus.Pending, true)]
    [InlineData(RegistrationStatus.Waitlisted, false)]
    [InlineData(RegistrationStatus.Cancelled, false)]
    [InlineData(RegistrationStatus.Rejected, false)]
    [InlineData(RegistrationStatus.Attendee, false)]
    public void TakesPlace_ConfirmedAndAwaitingApproval_Only(RegistrationStatus status, bool takesPlace) =>
        Registration.TakesPlace.Compile()(new Registration { Status = status }).ShouldBe(takesPlace);

    [Fact]
    public void NewToken_Is256RandomBits_SafeInAUrl()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => RegistrationService.NewToken()).ToList();
        tokens.ShouldAllBe(t => t.Length == 43 && t.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
        tokens.Distinct().Count().ShouldBe(tokens.Count);
    }

    [Theory]
    [InlineData(" Ana.Perez@Example.ORG ", "ana.perez@example.org")]
    [InlineData("JOSE@PUERTO.GOB.PE", "jose@puerto.gob.pe")]
    public void Normalise_IsTheUniquenessKey_TrimmedAndLowerCased(string typed, string key) =>
        EmailAddresses.Normalise(typed).ShouldBe(key);

    [Theory]
    [InlineData("ana.perez@example.org", "a***@example.org")]
    [InlineData("@example.org", "***")]
    [InlineData("no-at-sign", "***")]
    public void Mask_KeepsTheFirstLetterAndTheDomainOnly(string address, string masked) =>
        EmailAddresses.Mask(address).ShouldBe(masked);

    [Theory]
    [InlineData("ana@example.org", false)]
    [InlineData("josé@example.org", true)]
    [InlineData("jose@correo.español.es", false)]
    public void NeedsSmtpUtf8_OnlyForANonAsciiLocalPart(string address, bool needs) =>
        EmailAddresses.NeedsSmtpUtf8(address).ShouldBe(needs);

    [Fact]
    public void DomainOf_IsThePartAfterTheLastAt() =>
        EmailAddresses.DomainOf("\"a@b\"@puerto.gob.pe").ShouldBe("puerto.gob.pe");
}
