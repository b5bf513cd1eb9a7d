using PortCooperation.Web.Domain;

namespace PortCooperation.Web.Data.Seeding.Demo;

/// <summary>
/// Report section 1: the 2019 scholarships. The report gives totals only (273 awards, 31 member states, 173 men,
/// 100 women, USD 723,783), so the records are synthetic, named "Demo scholar NNN", and built by plain arithmetic
/// (no randomness) so that every total comes out exactly and a re-run produces the same rows:
/// <list type="bullet">
/// <item>programmes: 41 × 5,400 + 43 × 3,200 + 135 × 1,100 + 13 × 9,500 + 41 × 2,263 = 723,783 USD over 273 awards;</item>
/// <item>country: award i goes to member state i mod 31, so all 31 receive 8 or 9;</item>
/// <item>gender: award i goes to a woman when 100·i mod 273 &lt; 100; 100 and 273 are coprime, so exactly 100 do.</item>
/// </list>
/// </summary>
internal static class Scholarships
{
    public static Task SeedAsync(SeedContext seed, CancellationToken cancellationToken) =>
        seed.Db.EnsureAsync(All(seed), a => a.RecipientName, SeedMode.AddMissing, cancellationToken);

    private sealed record Programme(string Name, int Awards, decimal AmountUsd, DateOnly FirstAwardedOn, int Cohorts = 1);

    private static readonly Programme[] _programmes =
    [
        new("Ibero-American Course on Port Management and Operations", 41, 5_400m, new(2019, 3, 4)),
        new("Hemispheric Course on Port Security", 43, 3_200m, new(2019, 5, 13)),
        new("Online Course on Port Logistics and Competitiveness", 135, 1_100m, new(2019, 2, 11), Cohorts: 3),
        new("Master's in Port Management and Intermodal Transport", 13, 9_500m, new(2019, 7, 15)),
        new("Diploma in Port Management and Governance", 41, 2_263m, new(2019, 8, 19)),
    ];

    // 31 of the 35 member states received scholarships in 2019. The report does not say which four did not; leaving
    // out Canada, the United States, Cuba and Venezuela is an arbitrary demo choice.
    private static readonly string[] _countries =
    [
        "MX",
        "CR", "SV", "GT", "HN", "NI", "PA",
        "AR", "BO", "BR", "CL", "CO", "EC", "PY", "PE", "UY",
        "BZ", "GY", "SR", "AG", "BS", "BB", "DM", "DO", "GD", "HT", "JM", "KN", "LC", "VC", "TT",
    ];

    private static IEnumerable<ScholarshipAward> All(SeedContext s)
    {
        var i = 0;
        foreach (var programme in _programmes)
        {
            for (var j = 0; j < programme.Awards; j++, i++)
            {
                yield return new ScholarshipAward
                {
                    RecipientName = $"Demo scholar {i + 1:000}",
                    Gender = 100 * i % 273 < 100 ? Gender.Female : Gender.Male,
                    Country = s.Country(_countries[i % _countries.Length]),
                    ProgrammeName = programme.Name,
                    AmountUsd = programme.AmountUsd,

                    // Courses with several cohorts award them 16 weeks apart (February, June, September).
                    AwardedOn = programme.FirstAwardedOn.AddDays(112 * (j % programme.Cohorts)),
                    IsDemo = true,
                };
            }
        }
    }
}
