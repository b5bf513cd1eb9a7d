using PortCooperation.Web.Services.Registrations;

namespace PortCooperation.UnitTests.Registrations;

public class EmailAddressesParseForRegistration
{
    [Theory]
    [InlineData("foo@bar..com")]
    [InlineData("ana@exa mple.org")]
    [InlineData("ana@example.org.")]
    [InlineData("ana@localhost")]
    [InlineData("ana@[192.0.2.1]")]
    [InlineData("ana..perez@example.org")]
    [InlineData(".ana@example.org")]
    [InlineData("ana@-port.example.org")]
    [InlineData("ana@port-.example.org")]
    [InlineData("ana@port.123")]
    [InlineData("Ana <ana@example.org>")]
    [InlineData("ana@example.org, bob@example.org")]
    [InlineData("ana@example.org\nBcc: x@example.org")]
    public void Refuses_WhatCannotBeDeliveredOnTheInternet(string typed) =>
        EmailAddresses.ParseForRegistration(typed).ShouldBeNull();

    [Theory]
    [InlineData(" Ana.Perez@Example.ORG ", "Ana.Perez@Example.ORG")]
    [InlineData("jose@puerto-callao.gob.pe", "jose@puerto-callao.gob.pe")]
    [InlineData("josé@correo.español.es", "josé@correo.español.es")]
    [InlineData("o'brien+port@sub.example.co.uk", "o'brien+port@sub.example.co.uk")]
    public void Takes_OrdinaryAndInternationalAddresses(string typed, string stored) =>
        EmailAddresses.ParseForRegistration(typed).ShouldBe(stored);

    [Fact]
    public void TheLooserParse_StillTakesALocalDomain_ForTheOperatorsOwnAccounts() =>
        EmailAddresses.Parse("admin@localhost").ShouldBe("admin@localhost");
}
