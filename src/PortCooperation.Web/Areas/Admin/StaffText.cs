using System.Globalization;
using System.Resources;

namespace PortCooperation.Web.Areas.Admin;

/// <summary>
/// English and Spanish text of the staff area and the sign-in page (Resources/Security/StaffText*.resx),
/// in the request's UI culture. Read through a ResourceManager of its own so it works whatever resource
/// path the public site's localisation uses.
/// </summary>
public static class StaffText
{
    public static readonly ResourceManager Resources = new("PortCooperation.Web.Resources.Security.StaffText", typeof(StaffText).Assembly);

    public static string StaffArea => Get(nameof(StaffArea));

    public static string SkipToContent => Get(nameof(SkipToContent));

    public static string PublicSite => Get(nameof(PublicSite));

    public static string Dashboard => Get(nameof(Dashboard));

    public static string SignedInAs => Get(nameof(SignedInAs));

    public static string SignIn => Get(nameof(SignIn));

    public static string SignOut => Get(nameof(SignOut));

    public static string Login_Title => Get(nameof(Login_Title));

    public static string Login_Intro => Get(nameof(Login_Intro));

    public static string Login_Email => Get(nameof(Login_Email));

    public static string Login_Password => Get(nameof(Login_Password));

    public static string Login_Failed => Get(nameof(Login_Failed));

    public static string Login_EmailRequired => Get(nameof(Login_EmailRequired));

    public static string Login_PasswordRequired => Get(nameof(Login_PasswordRequired));

    public static string Login_AlreadySignedIn => Get(nameof(Login_AlreadySignedIn));

    public static string ErrorSummary_Title => Get(nameof(ErrorSummary_Title));

    public static string Dashboard_Intro => Get(nameof(Dashboard_Intro));

    public static string Dashboard_DraftActivities => Get(nameof(Dashboard_DraftActivities));

    public static string Dashboard_DraftDocuments => Get(nameof(Dashboard_DraftDocuments));

    public static string Dashboard_PendingRegistrations => Get(nameof(Dashboard_PendingRegistrations));

    public static string Dashboard_UndeliveredMails => Get(nameof(Dashboard_UndeliveredMails));

    public static string TwoFactor_Title => Get(nameof(TwoFactor_Title));

    public static string TwoFactor_Intro => Get(nameof(TwoFactor_Intro));

    public static string TwoFactor_Step1 => Get(nameof(TwoFactor_Step1));

    public static string TwoFactor_Step2 => Get(nameof(TwoFactor_Step2));

    public static string TwoFactor_KeyLabel => Get(nameof(TwoFactor_KeyLabel));

    public static string TwoFactor_QrAlt => Get(nameof(TwoFactor_QrAlt));

    public static string TwoFactor_OpenInApp => Get(nameof(TwoFactor_OpenInApp));

    public static string TwoFactor_Step3 => Get(nameof(TwoFactor_Step3));

    public static string TwoFactor_Code => Get(nameof(TwoFactor_Code));

    public static string TwoFactor_Verify => Get(nameof(TwoFactor_Verify));

    public static string TwoFactor_CodeInvalid => Get(nameof(TwoFactor_CodeInvalid));

    public static string TwoFactor_CodeRequired => Get(nameof(TwoFactor_CodeRequired));

    public static string TwoFactor_Required => Get(nameof(TwoFactor_Required));

    public static string TwoFactor_RecoveryTitle => Get(nameof(TwoFactor_RecoveryTitle));

    public static string TwoFactor_RecoveryIntro => Get(nameof(TwoFactor_RecoveryIntro));

    public static string TwoFactor_Continue => Get(nameof(TwoFactor_Continue));

    public static string TwoFactor_SignInTitle => Get(nameof(TwoFactor_SignInTitle));

    public static string TwoFactor_SignInIntro => Get(nameof(TwoFactor_SignInIntro));

    public static string TwoFactor_SignInCode => Get(nameof(TwoFactor_SignInCode));

    public static string TwoFactor_SignInFailed => Get(nameof(TwoFactor_SignInFailed));

    public static string TwoFactor_EnrolledTitle => Get(nameof(TwoFactor_EnrolledTitle));

    public static string TwoFactor_EnrolledIntro => Get(nameof(TwoFactor_EnrolledIntro));

    public static string TwoFactor_ResetIntro => Get(nameof(TwoFactor_ResetIntro));

    public static string TwoFactor_ResetButton => Get(nameof(TwoFactor_ResetButton));

    public static string TwoFactor_PasswordWrong => Get(nameof(TwoFactor_PasswordWrong));

    public static string PlainHttp_Title => Get(nameof(PlainHttp_Title));

    public static string PlainHttp_Body => Get(nameof(PlainHttp_Body));

    public static string Format(string text, params object[] args) => string.Format(CultureInfo.CurrentCulture, text, args);

    private static string Get(string name) => Resources.GetString(name, CultureInfo.CurrentUICulture) ?? name;
}
