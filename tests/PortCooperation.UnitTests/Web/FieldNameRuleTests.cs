using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using PortCooperation.Web.TagHelpers;

namespace PortCooperation.UnitTests.Web;

/// <summary>The rule of name-for: the binder name a property declares, else its path below the page model's Input.</summary>
public sealed class FieldNameRuleTests
{
    private sealed class Filter
    {
        [FromQuery(Name = "country")]
        public int? CountryId { get; set; }

        public string? Unnamed { get; set; }
    }

    private sealed class Row
    {
        public int? Participants { get; set; }
    }

    private sealed class Form
    {
        public List<Row> Rows { get; set; } = [];
    }

    private sealed class Page
    {
        public Filter Filter { get; } = new();

        public Form Input { get; } = new();
    }

    [Fact]
    public void AQueryParameter_IsNamedByItsBinderName_APostedField_ByItsPathBelowInput()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMvcCore();
        var metadata = services.BuildServiceProvider().GetRequiredService<IModelMetadataProvider>();
        var expressions = new ModelExpressionProvider(metadata);
        var viewData = new ViewDataDictionary<Page>(metadata, new ModelStateDictionary());
        var row = 7;

        FormNames.BoundNameOf(expressions.CreateModelExpression(viewData, m => m.Filter.CountryId)).ShouldBe("country");
        FormNames.BoundNameOf(expressions.CreateModelExpression(viewData, m => m.Filter.Unnamed)).ShouldBe("Filter.Unnamed");
        FormNames.BoundNameOf(expressions.CreateModelExpression(viewData, m => m.Input.Rows[row].Participants)).ShouldBe("Rows[7].Participants");
    }
}
