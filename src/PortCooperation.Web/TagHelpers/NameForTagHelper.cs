using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PortCooperation.Web.TagHelpers;

/// <summary>
/// The <c>name</c> of a control that is not a whole <c>&lt;form-field&gt;</c> (a filter bar's select, a hidden
/// field, a table cell, a button) from <c>name-for</c>, so that a renamed property fails the build: the binder name
/// the property declares (<c>[FromQuery(Name = "q")]</c>, the lower-case query parameters of the filters), else its
/// path below the page model's <c>Input</c> (<see cref="FormNames.BoundNameOf"/>). Only the name is written; the
/// element keeps its own id, value and attributes.
/// </summary>
[HtmlTargetElement("input", Attributes = Attribute, TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = Attribute)]
[HtmlTargetElement("textarea", Attributes = Attribute)]
[HtmlTargetElement("button", Attributes = Attribute)]
public sealed class NameForTagHelper : TagHelper
{
    private const string Attribute = "name-for";

    [HtmlAttributeName(Attribute)]
    public ModelExpression For { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("name", FormNames.BoundNameOf(For));
}

public static class NameForHtmlHelper
{
    /// <summary>
    /// The same name as <c>name-for</c>, for a shared partial that is handed the name of its control (the staff
    /// lists' search box and filter drop-downs): the caller names the property, so a renamed one fails the build.
    /// </summary>
    public static string BoundNameFor<TModel, TResult>(this IHtmlHelper<TModel> html, Expression<Func<TModel, TResult>> expression) =>
        FormNames.BoundNameOf(html.ViewContext.HttpContext.RequestServices.GetRequiredService<ModelExpressionProvider>().CreateModelExpression(html.ViewData, expression));
}
