using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PortCooperation.Web.Services.Staff;
using PortCooperation.Web.Services.Staff.Records;

namespace PortCooperation.Web.Areas.Admin.Controllers;

/// <summary>
/// What the create and edit POSTs of the staff editors (activities, documents, collections) answer, in one place:
/// saved → a message and the record's edit form (post-redirect-get); not found → 404; stale (R6) → 409 and the
/// form again with what the staff member typed and the saved version; invalid → 422 and the form again.
/// </summary>
internal static class StaffFormResults
{
    public const string MessageKey = "StaffMessage";

    public const string ErrorKey = "StaffError";

    /// <summary>
    /// Runs a service's checks of a posted form: the service gets what the input's attributes already refused and
    /// adds its own errors; those are copied back here, under the same field keys, for the page.
    /// </summary>
    public static async Task<T> CheckedAsync<T>(this ModelStateDictionary modelState, Func<FormErrors, Task<T>> run)
    {
        var errors = new FormErrors(modelState.Where(e => e.Value!.Errors.Count > 0)
            .Select(e => KeyValuePair.Create(e.Key, (IReadOnlyList<string>)[.. e.Value!.Errors.Select(error => error.ErrorMessage)])));
        var result = await run(errors);
        foreach (var (key, replaced, added) in errors.Changes)
        {
            if (replaced && modelState.TryGetValue(key, out var entry))
            {
                entry.Errors.Clear();
            }

            foreach (var message in added)
            {
                modelState.AddModelError(key, message);
            }
        }

        return result;
    }

    public static async Task<IActionResult> AfterCreateAsync(this Controller controller, SaveResult result, string savedMessage, Func<Task<object>> redisplay)
    {
        if (result.Outcome == SaveOutcome.Saved)
        {
            controller.TempData[MessageKey] = savedMessage;
            return controller.RedirectToAction("Edit", new { id = result.Id });
        }

        controller.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return controller.View("Edit", await redisplay());
    }

    public static async Task<IActionResult> AfterEditAsync(this Controller controller, int id, SaveResult result, string savedMessage, Func<Task<object>> redisplay)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return controller.NotFound();
            case SaveOutcome.Saved:
                controller.TempData[MessageKey] = savedMessage;
                return controller.RedirectToAction("Edit", new { id });
            case SaveOutcome.Stale:
                // The form's Version and snapshot are now the saved ones: clear the posted values so the new ones are rendered.
                controller.ModelState.Remove(nameof(IRecordInput.Version));
                controller.ModelState.Remove(nameof(IRecordInput.Original));
                controller.Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                controller.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
        }

        return controller.View("Edit", await redisplay());
    }

    /// <summary>Deleted → a message and the list; not found → 404; refused (stale or in use) → the reason on the edit form.</summary>
    public static IActionResult AfterDelete(this Controller controller, int id, SaveOutcome outcome, string deletedMessage, string? refusal)
    {
        switch (outcome)
        {
            case SaveOutcome.NotFound:
                return controller.NotFound();
            case SaveOutcome.Saved:
                controller.TempData[MessageKey] = deletedMessage;
                // The area is named: a public controller may have an Index too, and its attribute route would win.
                return controller.RedirectToAction("Index", new { area = "Admin" });
            default:
                controller.TempData[ErrorKey] = refusal;
                return controller.RedirectToAction("Edit", new { area = "Admin", id });
        }
    }
}
