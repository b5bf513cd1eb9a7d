using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PortCooperation.Web.Domain;
using PortCooperation.Web.Infrastructure.Security;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>
/// The one base class of every staff-area controller: it puts the controller in the Admin area and lets only
/// staff (Administrator or Editor) in. Anonymous users are sent to the sign-in page, signed-in users without a
/// staff role get 403, staff without two-factor sign-in are sent to enrol it first (S5). POSTs are checked for
/// an antiforgery token by the global filter (S2); tests enumerate every Admin endpoint to prove both (S1).
/// </summary>
[Area("Admin")]
[Authorize(Roles = Roles.Staff)]
[RequireStaffTwoFactor]
public abstract class AdminControllerBase : Controller;
