using PortCooperation.IntegrationTests.Web;
using PortCooperation.Web.Domain;
using static PortCooperation.IntegrationTests.Web.WebTestData;

namespace PortCooperation.IntegrationTests.Admin.Records;

/// <summary>The scholarship list shows each recipient's gender, filters by course, country and year, and totals what it selects.</summary>
public sealed class ScholarshipListTests
{
    [Fact]
    public async Task The_list_filters_by_course_country_and_year_and_totals_the_selection_by_gender()
    {
        using var factory = new WebFactory();
        var courseId = await factory.WithDbAsync(async db =>
        {
            var peru = await CountryAsync(db, "PE", "Peru", "Perú");
            var chile = await CountryAsync(db, "CL", "Chile", "Chile");
            var course = NewActivity("Port logistics course", new DateTime(2030, 3, 1, 14, 0, 0, DateTimeKind.Utc), a => a.Kind = ActivityKind.Course);
            db.Activities.Add(course);
            db.ScholarshipAwards.AddRange(
                new ScholarshipAward { RecipientName = "Ana", Gender = Gender.Female, Country = peru, Activity = course, AmountUsd = 1000m, AwardedOn = new DateOnly(2030, 2, 1) },
                new ScholarshipAward { RecipientName = "Bruno", Gender = Gender.Male, Country = peru, Activity = course, AmountUsd = 500.50m, AwardedOn = new DateOnly(2030, 2, 2) },
                new ScholarshipAward { RecipientName = "Carla", Country = chile, Activity = course, AmountUsd = 250m, AwardedOn = new DateOnly(2030, 2, 3) },
                new ScholarshipAward { RecipientName = "Diego", Gender = Gender.Male, Country = peru, ProgrammeName = "Master in ports", AmountUsd = 4000m, AwardedOn = new DateOnly(2031, 9, 1) });
            await db.SaveChangesAsync();
            return course.Id;
        });
        var staff = await factory.SignedInStaffAsync();
        var peruId = await factory.WithDbAsync(db => Task.FromResult(db.Countries.Single(c => c.Code == "PE").Id));

        var all = await staff.GetDocumentAsync("/Admin/ScholarshipAwards?sort=recipient");
        string.Join("|", all.QuerySelectorAll("#records tbody tr").Select(r => Squash(r.Children[1].TextContent))).ShouldBe("Female|Male|Not recorded|Male");
        all.QuerySelector("#f-course option[value='Master in ports']").ShouldNotBeNull();

        var course = await staff.GetDocumentAsync($"/Admin/ScholarshipAwards?course=activity-{courseId}");
        var totals = course.QuerySelector("#award-totals")!;
        $"{totals.GetAttribute("data-count")}|{totals.GetAttribute("data-usd")}|{totals.GetAttribute("data-men")}|{totals.GetAttribute("data-women")}|{totals.GetAttribute("data-not-recorded")}"
            .ShouldBe("3|1750.50|1|1|1");
        Squash(totals.TextContent).ShouldBe("Total: 3 scholarships, USD 1,750.50 (1 man, 1 woman, 1 not recorded).");

        var peruCourse = await staff.GetDocumentAsync($"/Admin/ScholarshipAwards?course=activity-{courseId}&country={peruId}&year=2030&culture=es");
        Squash(peruCourse.QuerySelector("#award-totals")!.TextContent).ShouldBe("Total: 2 becas, USD 1.500,50 (1 hombre, 1 mujer, 0 sin registrar).");
        var programme = await staff.GetDocumentAsync("/Admin/ScholarshipAwards?course=Master+in+ports&year=2031");
        programme.QuerySelector("#award-totals")!.GetAttribute("data-count").ShouldBe("1");
        var none = await staff.GetDocumentAsync("/Admin/ScholarshipAwards?course=Master+in+ports&year=2030");
        none.QuerySelector("#award-totals").ShouldBeNull();
    }
}
