namespace PortCooperation.Web.Domain;

public enum Region
{
    NorthAmerica = 1,
    CentralAmerica = 2,
    SouthAmerica = 3,
    Caribbean = 4,
    Europe = 5,
    Other = 9,
}

public enum OrganisationType
{
    InternationalOrganisation = 1,
    NationalPortAuthority = 2,
    GovernmentAgency = 3,
    Foundation = 4,
    Company = 5,
    University = 6,
    Network = 7,
    Other = 9,
}

public enum ActivityKind
{
    Meeting = 1,
    Conference = 2,
    Seminar = 3,
    Forum = 4,
    Webinar = 5,
    Course = 6,
    Diploma = 7,
}

public enum ActivityStatus
{
    Planned = 1,
    Held = 2,
    Cancelled = 3,
    Postponed = 4,
}

public enum PartnerRole
{
    CoOrganiser = 1,
    Partner = 2,
    Sponsor = 3,
}

public enum PublicationState
{
    Draft = 0,
    Published = 1,
}

public enum RegistrationStatus
{
    Pending = 1,
    Confirmed = 2,
    Waitlisted = 3,
    Cancelled = 4,
    Rejected = 5,

    /// <summary>Did not register on the portal but is in the platform's attendance report: recorded as attended, never mailed.</summary>
    Attendee = 6,
}

public enum Gender
{
    Female = 1,
    Male = 2,
    Other = 3,
    PreferNotToSay = 9,
}

public enum SourceKind
{
    InternationalOrganisation = 1,
    NationalAuthority = 2,
    Other = 9,
}

public enum VisitorKind
{
    Unknown = 0,
    New = 1,
    Returning = 2,
}

public enum OutboxStatus
{
    Pending = 0,
    Sending = 1,
    Sent = 2,
    DeadLetter = 3,
}
