using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PortCooperation.Web.Data.Migrations;

/// <summary>
/// The whole schema of the first release. Written by hand (EF Core Design cannot be restored here, see
/// docs/decisions/0001) and provider-neutral: no store types are named, so SQLite and PostgreSQL each
/// pick the mapping of the CLR type and facets, exactly as EnsureCreated would. Schema tests compare the
/// result with the model on both providers.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000000_InitialCreate")]
public partial class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                IsDisabled = table.Column<bool>(nullable: false),
                LockoutEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                PasswordHash = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                SecurityStamp = table.Column<string>(nullable: true),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Action = table.Column<string>(maxLength: 40, nullable: false),
                Changes = table.Column<string>(nullable: true),
                CorrelationId = table.Column<string>(maxLength: 100, nullable: true),
                EntityId = table.Column<string>(maxLength: 100, nullable: true),
                EntityType = table.Column<string>(maxLength: 100, nullable: false),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Collections",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DescriptionEn = table.Column<string>(nullable: true),
                DescriptionEs = table.Column<string>(nullable: true),
                PublicationState = table.Column<int>(nullable: false),
                Slug = table.Column<string>(maxLength: 160, nullable: false),
                TitleEn = table.Column<string>(maxLength: 300, nullable: false),
                TitleEs = table.Column<string>(maxLength: 300, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Collections", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Countries",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Code = table.Column<string>(maxLength: 2, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                IsMemberState = table.Column<bool>(nullable: false),
                NameEn = table.Column<string>(maxLength: 200, nullable: false),
                NameEs = table.Column<string>(maxLength: 200, nullable: false),
                Region = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Countries", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Organisations",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Acronym = table.Column<string>(maxLength: 40, nullable: true),
                CountryId = table.Column<int>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DescriptionEn = table.Column<string>(maxLength: 2000, nullable: true),
                DescriptionEs = table.Column<string>(maxLength: 2000, nullable: true),
                IsDemo = table.Column<bool>(nullable: false),
                NameEn = table.Column<string>(maxLength: 200, nullable: false),
                NameEs = table.Column<string>(maxLength: 200, nullable: true),
                Slug = table.Column<string>(maxLength: 160, nullable: false),
                Type = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                WebsiteUrl = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Organisations", x => x.Id);
                table.ForeignKey(
                    name: "FK_Organisations_Countries_CountryId",
                    column: x => x.CountryId,
                    principalTable: "Countries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Attempts = table.Column<int>(nullable: false),
                BodyHtml = table.Column<string>(nullable: true),
                BodyText = table.Column<string>(nullable: false),
                CalendarAttachment = table.Column<string>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                IdempotencyKey = table.Column<string>(maxLength: 200, nullable: false),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
                LockedBy = table.Column<string>(maxLength: 100, nullable: true),
                LockedUntilUtc = table.Column<DateTime>(nullable: true),
                NextAttemptAtUtc = table.Column<DateTime>(nullable: false),
                RegistrationId = table.Column<int>(nullable: true),
                SentAtUtc = table.Column<DateTime>(nullable: true),
                Status = table.Column<int>(nullable: false),
                Subject = table.Column<string>(maxLength: 400, nullable: false),
                ToAddress = table.Column<string>(maxLength: 254, nullable: false),
                ToName = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutboxMessages", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "PageViews",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CountryCode = table.Column<string>(maxLength: 2, nullable: true),
                IsDemo = table.Column<bool>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: true),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                Path = table.Column<string>(maxLength: 400, nullable: false),
                ReferrerHost = table.Column<string>(maxLength: 255, nullable: true),
                SessionKey = table.Column<string>(maxLength: 64, nullable: false),
                VisitorKey = table.Column<string>(maxLength: 64, nullable: false),
                VisitorKind = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PageViews", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "PortSystems",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CountryId = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Slug = table.Column<string>(maxLength: 160, nullable: false),
                UnLocode = table.Column<string>(maxLength: 5, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PortSystems", x => x.Id);
                table.ForeignKey(
                    name: "FK_PortSystems_Countries_CountryId",
                    column: x => x.CountryId,
                    principalTable: "Countries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Programmes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DescriptionEn = table.Column<string>(nullable: true),
                DescriptionEs = table.Column<string>(nullable: true),
                LeadOrganisationId = table.Column<int>(nullable: true),
                NameEn = table.Column<string>(maxLength: 300, nullable: false),
                NameEs = table.Column<string>(maxLength: 300, nullable: true),
                Slug = table.Column<string>(maxLength: 160, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Programmes", x => x.Id);
                table.ForeignKey(
                    name: "FK_Programmes_Organisations_LeadOrganisationId",
                    column: x => x.LeadOrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SpeakingEngagements",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AudienceCountryCount = table.Column<int>(nullable: true),
                AudienceSize = table.Column<int>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                IsOnline = table.Column<bool>(nullable: false),
                NotesEn = table.Column<string>(maxLength: 2000, nullable: true),
                NotesEs = table.Column<string>(maxLength: 2000, nullable: true),
                OrganiserId = table.Column<int>(nullable: true),
                OrganiserName = table.Column<string>(maxLength: 200, nullable: true),
                Speaker = table.Column<string>(maxLength: 200, nullable: true),
                TitleEn = table.Column<string>(maxLength: 300, nullable: false),
                TitleEs = table.Column<string>(maxLength: 300, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SpeakingEngagements", x => x.Id);
                table.ForeignKey(
                    name: "FK_SpeakingEngagements_Organisations_OrganiserId",
                    column: x => x.OrganiserId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Topics",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CreatedAt = table.Column<DateTime>(nullable: false),
                NameEn = table.Column<string>(maxLength: 200, nullable: false),
                NameEs = table.Column<string>(maxLength: 200, nullable: true),
                Slug = table.Column<string>(maxLength: 160, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Topics", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Activities",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Capacity = table.Column<int>(nullable: true),
                City = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DescriptionEn = table.Column<string>(nullable: true),
                DescriptionEs = table.Column<string>(nullable: true),
                EndsAtUtc = table.Column<DateTime>(nullable: false),
                HostCountryId = table.Column<int>(nullable: true),
                IsAllDay = table.Column<bool>(nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                IsOnline = table.Column<bool>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                OnlineJoinUrl = table.Column<string>(maxLength: 1000, nullable: true),
                OriginalEndsAtUtc = table.Column<DateTime>(nullable: true),
                OriginalStartsAtUtc = table.Column<DateTime>(nullable: true),
                PublicationState = table.Column<int>(nullable: false),
                PublishAtUtc = table.Column<DateTime>(nullable: true),
                PublishedAtUtc = table.Column<DateTime>(nullable: true),
                RegistrationClosesAtUtc = table.Column<DateTime>(nullable: true),
                RegistrationEnabled = table.Column<bool>(nullable: false),
                RegistrationOpensAtUtc = table.Column<DateTime>(nullable: true),
                ReportedMemberStates = table.Column<int>(nullable: true),
                ReportedParticipants = table.Column<int>(nullable: true),
                RequiresApproval = table.Column<bool>(nullable: false),
                Slug = table.Column<string>(maxLength: 160, nullable: false),
                StartsAtUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<int>(nullable: false),
                StatusReasonEn = table.Column<string>(maxLength: 2000, nullable: true),
                StatusReasonEs = table.Column<string>(maxLength: 2000, nullable: true),
                SummaryEn = table.Column<string>(maxLength: 2000, nullable: true),
                SummaryEs = table.Column<string>(maxLength: 2000, nullable: true),
                TimeZoneId = table.Column<string>(maxLength: 64, nullable: false),
                TitleEn = table.Column<string>(maxLength: 300, nullable: false),
                TitleEs = table.Column<string>(maxLength: 300, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Venue = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<long>(nullable: false),
                WaitingListEnabled = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Activities", x => x.Id);
                table.ForeignKey(
                    name: "FK_Activities_Countries_HostCountryId",
                    column: x => x.HostCountryId,
                    principalTable: "Countries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ActivityCountries",
            columns: table => new
            {
                ActivityId = table.Column<int>(nullable: false),
                CountryId = table.Column<int>(nullable: false),
                Participants = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActivityCountries", x => new { x.ActivityId, x.CountryId });
                table.ForeignKey(
                    name: "FK_ActivityCountries_Activities_ActivityId",
                    column: x => x.ActivityId,
                    principalTable: "Activities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ActivityCountries_Countries_CountryId",
                    column: x => x.CountryId,
                    principalTable: "Countries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ActivityPartners",
            columns: table => new
            {
                ActivityId = table.Column<int>(nullable: false),
                OrganisationId = table.Column<int>(nullable: false),
                Role = table.Column<int>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActivityPartners", x => new { x.ActivityId, x.OrganisationId });
                table.ForeignKey(
                    name: "FK_ActivityPartners_Activities_ActivityId",
                    column: x => x.ActivityId,
                    principalTable: "Activities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ActivityPartners_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Documents",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                BodyEn = table.Column<string>(nullable: true),
                BodyEs = table.Column<string>(nullable: true),
                CountryId = table.Column<int>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExternalUrl = table.Column<string>(maxLength: 1000, nullable: true),
                IsDemo = table.Column<bool>(nullable: false),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                LastReviewedOn = table.Column<DateOnly>(nullable: true),
                PublicationState = table.Column<int>(nullable: false),
                PublishAtUtc = table.Column<DateTime>(nullable: true),
                PublishedAtUtc = table.Column<DateTime>(nullable: true),
                PublishedOn = table.Column<DateOnly>(nullable: true),
                Slug = table.Column<string>(maxLength: 160, nullable: false),
                SourceKind = table.Column<int>(nullable: false),
                SourceOrganisationId = table.Column<int>(nullable: true),
                SummaryEn = table.Column<string>(maxLength: 2000, nullable: true),
                SummaryEs = table.Column<string>(maxLength: 2000, nullable: true),
                TitleEn = table.Column<string>(maxLength: 300, nullable: false),
                TitleEs = table.Column<string>(maxLength: 300, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Documents", x => x.Id);
                table.ForeignKey(
                    name: "FK_Documents_Countries_CountryId",
                    column: x => x.CountryId,
                    principalTable: "Countries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Documents_Organisations_SourceOrganisationId",
                    column: x => x.SourceOrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ProgrammePhases",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DescriptionEn = table.Column<string>(maxLength: 2000, nullable: true),
                DescriptionEs = table.Column<string>(maxLength: 2000, nullable: true),
                EndYear = table.Column<int>(nullable: true),
                Label = table.Column<string>(maxLength: 40, nullable: false),
                ProgrammeId = table.Column<int>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                StartYear = table.Column<int>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProgrammePhases", x => x.Id);
                table.ForeignKey(
                    name: "FK_ProgrammePhases_Programmes_ProgrammeId",
                    column: x => x.ProgrammeId,
                    principalTable: "Programmes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Registrations",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                AccessToken = table.Column<string>(maxLength: 64, nullable: false),
                ActivityId = table.Column<int>(nullable: false),
                AnonymisedAtUtc = table.Column<DateTime>(nullable: true),
                Attended = table.Column<bool>(nullable: true),
                CancelledAtUtc = table.Column<DateTime>(nullable: true),
                ConsentGivenAtUtc = table.Column<DateTime>(nullable: false),
                ConsentTextVersion = table.Column<string>(maxLength: 40, nullable: false),
                CountryId = table.Column<int>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                FullName = table.Column<string>(maxLength: 200, nullable: false),
                Gender = table.Column<int>(nullable: true),
                Language = table.Column<string>(maxLength: 8, nullable: false),
                NormalizedEmail = table.Column<string>(maxLength: 254, nullable: false),
                OrganisationName = table.Column<string>(maxLength: 200, nullable: true),
                Position = table.Column<string>(maxLength: 200, nullable: true),
                Status = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Registrations", x => x.Id);
                table.ForeignKey(
                    name: "FK_Registrations_Activities_ActivityId",
                    column: x => x.ActivityId,
                    principalTable: "Activities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Registrations_Countries_CountryId",
                    column: x => x.CountryId,
                    principalTable: "Countries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ScholarshipAwards",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ActivityId = table.Column<int>(nullable: true),
                AmountUsd = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                AwardedOn = table.Column<DateOnly>(nullable: false),
                CountryId = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Gender = table.Column<int>(nullable: true),
                IsDemo = table.Column<bool>(nullable: false),
                ProgrammeName = table.Column<string>(maxLength: 300, nullable: true),
                RecipientName = table.Column<string>(maxLength: 200, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScholarshipAwards", x => x.Id);
                table.ForeignKey(
                    name: "FK_ScholarshipAwards_Activities_ActivityId",
                    column: x => x.ActivityId,
                    principalTable: "Activities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ScholarshipAwards_Countries_CountryId",
                    column: x => x.CountryId,
                    principalTable: "Countries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SpeakingEngagementCountries",
            columns: table => new
            {
                SpeakingEngagementId = table.Column<int>(nullable: false),
                CountryId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SpeakingEngagementCountries", x => new { x.SpeakingEngagementId, x.CountryId });
                table.ForeignKey(
                    name: "FK_SpeakingEngagementCountries_Countries_CountryId",
                    column: x => x.CountryId,
                    principalTable: "Countries",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_SpeakingEngagementCountries_SpeakingEngagements_SpeakingEngagementId",
                    column: x => x.SpeakingEngagementId,
                    principalTable: "SpeakingEngagements",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Attachments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ActivityId = table.Column<int>(nullable: true),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                DocumentId = table.Column<int>(nullable: true),
                ExtractedText = table.Column<string>(nullable: true),
                OriginalFileName = table.Column<string>(maxLength: 255, nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                StoredFileName = table.Column<string>(maxLength: 100, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Attachments", x => x.Id);
                table.ForeignKey(
                    name: "FK_Attachments_Activities_ActivityId",
                    column: x => x.ActivityId,
                    principalTable: "Activities",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Attachments_Documents_DocumentId",
                    column: x => x.DocumentId,
                    principalTable: "Documents",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CollectionDocuments",
            columns: table => new
            {
                CollectionId = table.Column<int>(nullable: false),
                DocumentId = table.Column<int>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CollectionDocuments", x => new { x.CollectionId, x.DocumentId });
                table.ForeignKey(
                    name: "FK_CollectionDocuments_Collections_CollectionId",
                    column: x => x.CollectionId,
                    principalTable: "Collections",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_CollectionDocuments_Documents_DocumentId",
                    column: x => x.DocumentId,
                    principalTable: "Documents",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DocumentTopics",
            columns: table => new
            {
                DocumentId = table.Column<int>(nullable: false),
                TopicId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DocumentTopics", x => new { x.DocumentId, x.TopicId });
                table.ForeignKey(
                    name: "FK_DocumentTopics_Documents_DocumentId",
                    column: x => x.DocumentId,
                    principalTable: "Documents",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_DocumentTopics_Topics_TopicId",
                    column: x => x.TopicId,
                    principalTable: "Topics",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProgrammeMemberships",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CreatedAt = table.Column<DateTime>(nullable: false),
                PhaseId = table.Column<int>(nullable: false),
                PortSystemId = table.Column<int>(nullable: false),
                ProgrammeId = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProgrammeMemberships", x => x.Id);
                table.ForeignKey(
                    name: "FK_ProgrammeMemberships_PortSystems_PortSystemId",
                    column: x => x.PortSystemId,
                    principalTable: "PortSystems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ProgrammeMemberships_ProgrammePhases_PhaseId",
                    column: x => x.PhaseId,
                    principalTable: "ProgrammePhases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ProgrammeMemberships_Programmes_ProgrammeId",
                    column: x => x.ProgrammeId,
                    principalTable: "Programmes",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "AspNetRoles",
            column: "NormalizedName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail");

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_EntityType_EntityId",
            table: "AuditEntries",
            columns: new[] { "EntityType", "EntityId" });

        migrationBuilder.CreateIndex(
            name: "IX_AuditEntries_OccurredAtUtc",
            table: "AuditEntries",
            column: "OccurredAtUtc");

        migrationBuilder.CreateIndex(
            name: "IX_Collections_Slug",
            table: "Collections",
            column: "Slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Countries_Code",
            table: "Countries",
            column: "Code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Countries_Region_IsMemberState",
            table: "Countries",
            columns: new[] { "Region", "IsMemberState" });

        migrationBuilder.CreateIndex(
            name: "IX_Organisations_CountryId",
            table: "Organisations",
            column: "CountryId");

        migrationBuilder.CreateIndex(
            name: "IX_Organisations_Slug",
            table: "Organisations",
            column: "Slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_IdempotencyKey",
            table: "OutboxMessages",
            column: "IdempotencyKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_RegistrationId",
            table: "OutboxMessages",
            column: "RegistrationId");

        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_Status_NextAttemptAtUtc",
            table: "OutboxMessages",
            columns: new[] { "Status", "NextAttemptAtUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_PageViews_OccurredAtUtc",
            table: "PageViews",
            column: "OccurredAtUtc");

        migrationBuilder.CreateIndex(
            name: "IX_PageViews_Path_OccurredAtUtc",
            table: "PageViews",
            columns: new[] { "Path", "OccurredAtUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_PortSystems_CountryId",
            table: "PortSystems",
            column: "CountryId");

        migrationBuilder.CreateIndex(
            name: "IX_PortSystems_Slug",
            table: "PortSystems",
            column: "Slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Programmes_LeadOrganisationId",
            table: "Programmes",
            column: "LeadOrganisationId");

        migrationBuilder.CreateIndex(
            name: "IX_Programmes_Slug",
            table: "Programmes",
            column: "Slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_SpeakingEngagements_Date",
            table: "SpeakingEngagements",
            column: "Date");

        migrationBuilder.CreateIndex(
            name: "IX_SpeakingEngagements_OrganiserId",
            table: "SpeakingEngagements",
            column: "OrganiserId");

        migrationBuilder.CreateIndex(
            name: "IX_Topics_Slug",
            table: "Topics",
            column: "Slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Activities_HostCountryId",
            table: "Activities",
            column: "HostCountryId");

        migrationBuilder.CreateIndex(
            name: "IX_Activities_Kind_StartsAtUtc",
            table: "Activities",
            columns: new[] { "Kind", "StartsAtUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_Activities_PublicationState_StartsAtUtc",
            table: "Activities",
            columns: new[] { "PublicationState", "StartsAtUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_Activities_Slug",
            table: "Activities",
            column: "Slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ActivityCountries_CountryId",
            table: "ActivityCountries",
            column: "CountryId");

        migrationBuilder.CreateIndex(
            name: "IX_ActivityPartners_OrganisationId",
            table: "ActivityPartners",
            column: "OrganisationId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetRoleClaims_RoleId",
            table: "AspNetRoleClaims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserRoles_RoleId",
            table: "AspNetUserRoles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "IX_Documents_CountryId",
            table: "Documents",
            column: "CountryId");

        migrationBuilder.CreateIndex(
            name: "IX_Documents_PublicationState_PublishedOn",
            table: "Documents",
            columns: new[] { "PublicationState", "PublishedOn" });

        migrationBuilder.CreateIndex(
            name: "IX_Documents_Slug",
            table: "Documents",
            column: "Slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Documents_SourceOrganisationId",
            table: "Documents",
            column: "SourceOrganisationId");

        migrationBuilder.CreateIndex(
            name: "IX_ProgrammePhases_ProgrammeId_Sequence",
            table: "ProgrammePhases",
            columns: new[] { "ProgrammeId", "Sequence" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Registrations_AccessToken",
            table: "Registrations",
            column: "AccessToken",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Registrations_ActivityId_NormalizedEmail",
            table: "Registrations",
            columns: new[] { "ActivityId", "NormalizedEmail" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Registrations_ActivityId_Status",
            table: "Registrations",
            columns: new[] { "ActivityId", "Status" });

        migrationBuilder.CreateIndex(
            name: "IX_Registrations_CountryId",
            table: "Registrations",
            column: "CountryId");

        migrationBuilder.CreateIndex(
            name: "IX_ScholarshipAwards_ActivityId",
            table: "ScholarshipAwards",
            column: "ActivityId");

        migrationBuilder.CreateIndex(
            name: "IX_ScholarshipAwards_AwardedOn",
            table: "ScholarshipAwards",
            column: "AwardedOn");

        migrationBuilder.CreateIndex(
            name: "IX_ScholarshipAwards_CountryId",
            table: "ScholarshipAwards",
            column: "CountryId");

        migrationBuilder.CreateIndex(
            name: "IX_SpeakingEngagementCountries_CountryId",
            table: "SpeakingEngagementCountries",
            column: "CountryId");

        migrationBuilder.CreateIndex(
            name: "IX_Attachments_ActivityId",
            table: "Attachments",
            column: "ActivityId");

        migrationBuilder.CreateIndex(
            name: "IX_Attachments_DocumentId",
            table: "Attachments",
            column: "DocumentId");

        migrationBuilder.CreateIndex(
            name: "IX_Attachments_StoredFileName",
            table: "Attachments",
            column: "StoredFileName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CollectionDocuments_DocumentId",
            table: "CollectionDocuments",
            column: "DocumentId");

        migrationBuilder.CreateIndex(
            name: "IX_DocumentTopics_TopicId",
            table: "DocumentTopics",
            column: "TopicId");

        migrationBuilder.CreateIndex(
            name: "IX_ProgrammeMemberships_PhaseId",
            table: "ProgrammeMemberships",
            column: "PhaseId");

        migrationBuilder.CreateIndex(
            name: "IX_ProgrammeMemberships_PortSystemId",
            table: "ProgrammeMemberships",
            column: "PortSystemId");

        migrationBuilder.CreateIndex(
            name: "IX_ProgrammeMemberships_ProgrammeId_PortSystemId",
            table: "ProgrammeMemberships",
            columns: new[] { "ProgrammeId", "PortSystemId" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ProgrammeMemberships");
        migrationBuilder.DropTable(name: "DocumentTopics");
        migrationBuilder.DropTable(name: "CollectionDocuments");
        migrationBuilder.DropTable(name: "Attachments");
        migrationBuilder.DropTable(name: "SpeakingEngagementCountries");
        migrationBuilder.DropTable(name: "ScholarshipAwards");
        migrationBuilder.DropTable(name: "Registrations");
        migrationBuilder.DropTable(name: "ProgrammePhases");
        migrationBuilder.DropTable(name: "Documents");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "ActivityPartners");
        migrationBuilder.DropTable(name: "ActivityCountries");
        migrationBuilder.DropTable(name: "Activities");
        migrationBuilder.DropTable(name: "Topics");
        migrationBuilder.DropTable(name: "SpeakingEngagements");
        migrationBuilder.DropTable(name: "Programmes");
        migrationBuilder.DropTable(name: "PortSystems");
        migrationBuilder.DropTable(name: "PageViews");
        migrationBuilder.DropTable(name: "OutboxMessages");
        migrationBuilder.DropTable(name: "Organisations");
        migrationBuilder.DropTable(name: "DataProtectionKeys");
        migrationBuilder.DropTable(name: "Countries");
        migrationBuilder.DropTable(name: "Collections");
        migrationBuilder.DropTable(name: "AuditEntries");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
