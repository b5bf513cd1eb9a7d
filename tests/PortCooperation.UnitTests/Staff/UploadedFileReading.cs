using System.Text;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Services.Staff;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.UnitTests.Staff;

/// <summary>How uploaded CSV files are read: encodings, separators, quoted fields, and the values the import accepts.</summary>
public class UploadedFileReading
{
    [Fact]
    public void Decode_Utf8WithBom_DropsTheMark() =>
        UploadedText.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("País;Año")]).ShouldBe("País;Año");

    [Fact]
    public void Decode_Utf16LittleEndianWithBom_AsTeamsWritesIt() =>
        UploadedText.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Name\tEmail")]).ShouldBe("Name\tEmail");

    [Fact]
    public void Decode_Utf16BigEndianWithBom() =>
        UploadedText.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Nombre")]).ShouldBe("Nombre");

    [Fact]
    public void Decode_ValidUtf8WithoutBom_IsUtf8() =>
        UploadedText.Decode(Encoding.UTF8.GetBytes("José Muñoz")).ShouldBe("José Muñoz");

    [Fact]
    public void Decode_InvalidUtf8_IsWindows1252_AsExcelOnWindowsWrites() =>
        UploadedText.Decode([(byte)'J', (byte)'o', (byte)'s', 0xE9, (byte)';', 0x80]).ShouldBe("José;€");

    [Theory]
    [InlineData("RecipientName,Gender,Country", ',')]
    [InlineData("RecipientName;Gender;Country", ';')]
    [InlineData("Nombre;Importe,USD;País", ';')]
    [InlineData("Name,Amount;Country,Course", ',')]
    [InlineData("Name\tEmail;Role,Other", '\t')]
    [InlineData("Single", ',')]
    public void Separator_IsATab_ElseTheCommonerOfSemicolonAndComma(string header, char separator) =>
        UploadedText.Separator(header).ShouldBe(separator);

    [Theory]
    [InlineData("M", Gender.Male)]
    [InlineData(" f ", Gender.Female)]
    [InlineData("H", Gender.Male)]
    [InlineData("Hombre", Gender.Male)]
    [InlineData("MUJER", Gender.Female)]
    [InlineData("female", Gender.Female)]
    [InlineData("otro", Gender.Other)]
    [InlineData("PreferNotToSay", Gender.PreferNotToSay)]
    public void TryParseGender_TakesTheLettersAndWords_InBothLanguages(string value, Gender gender)
    {
        CsvImporter.TryParseGender(value, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(gender);
    }

    [Fact]
    public void TryParseGender_Empty_IsNotRecorded()
    {
        CsvImporter.TryParseGender("  ", out var parsed).ShouldBeTrue();
        parsed.ShouldBeNull();
    }

    [Theory]
    [InlineData("X")]
    [InlineData("1")]
    [InlineData("mf")]
    public void TryParseGender_AnythingElse_IsRefused(string value) =>
        CsvImporter.TryParseGender(value, out _).ShouldBeFalse();

    [Fact]
    public void Attendance_SemicolonFile_WithBom_ReadsNameEmailAndCountry()
    {
        var file = AttendanceFile.Parse("\uFEFFNombre;Correo electrónico;País\r\nAna Pérez;Ana@Example.org;Perú\r\n");

        var entry = file.Entries.ShouldHaveSingleItem();
        entry.ShouldBe(new AttendanceEntry(2, "Ana Pérez", "ana@example.org", null, "Perú"));
    }

    [Fact]
    public void Attendance_QuotedFields_KeepSeparatorsQuotesAndLineBreaks_AndLinesCountFromTheRecordStart()
    {
        var file = AttendanceFile.Parse(
            "Name,Email,Organization\n" +
            "\"Pérez, Ana\",ana@example.org,\"Port \"\"Callao\"\" Authority\"\n" +
            "\"Luis\nGómez\",luis@example.org,APN\n" +
            "Eva,eva@example.org,\n");

        file.Entries.Select(e => (e.Line, e.Name, e.Organisation)).ShouldBe(
        [
            (2, "Pérez, Ana", "Port \"Callao\" Authority"),
            (3, "Luis\nGómez", "APN"),
            (5, "Eva", null),
        ]);
    }

    [Fact]
    public void Attendance_APersonListedTwice_CountsOnce_AndTheLaterLineFillsTheGaps()
    {
        var file = AttendanceFile.Parse("Name,Email,Country\nAna,ana@example.org,\n,ANA@example.org,Chile\n");

        file.Entries.ShouldHaveSingleItem().ShouldBe(new AttendanceEntry(2, "Ana", "ana@example.org", null, "Chile"));
    }

    [Fact]
    public void Attendance_LeavesOutAbsentees_AndThePeopleWhoRanTheSession()
    {
        var file = AttendanceFile.Parse(
            "Name,Email,Role,Attended\n" +
            "Ana,ana@example.org,Attendee,Yes\n" +
            "Luis,luis@example.org,Attendee,No\n" +
            "Eva,eva@example.org,Co-host,Yes\n" +
            "Sol,sol@example.org,Panelista,Yes\n");

        file.Entries.ShouldHaveSingleItem().Email.ShouldBe("ana@example.org");
        file.NotAttended.ShouldBe(1);
        file.Staff.Select(s => s.Email).ShouldBe(["eva@example.org", "sol@example.org"]);
    }

    [Fact]
    public void Attendance_RowsWithoutAUsableAddress_AreErrorsOfTheirLine()
    {
        var file = AttendanceFile.Parse("Name;Email;Country\nAna;;Perú\nLuis;luis at example.org;Chile\nEva;eva@example.org;Chile\n");

        file.Errors.ShouldBe(
        [
            new AttendanceLineError(2, "RegStaff_Import_NoEmail", "Ana"),
            new AttendanceLineError(3, "RegStaff_Import_BadEmail", "luis at example.org"),
        ]);
        file.Entries.ShouldHaveSingleItem().Email.ShouldBe("eva@example.org");
    }

    [Fact]
    public void Attendance_WithoutAnEmailColumn_HasNoHeader() =>
        AttendanceFile.Parse("Name,Phone\nAna,123\n").HasHeader.ShouldBeFalse();
}
