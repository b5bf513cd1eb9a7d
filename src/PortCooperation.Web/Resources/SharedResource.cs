using System.Resources;

[assembly: NeutralResourcesLanguage("en")]

namespace PortCooperation.Web.Resources;

/// <summary>
/// Marker type for the UI strings of the whole site: SharedResource.resx holds English (the neutral
/// language), SharedResource.es.resx Spanish. Views get it as <c>T</c> through _ViewImports.
/// Keys are names ("Nav_Activities"), not English sentences, so a missing Spanish entry is caught by a test.
/// </summary>
public sealed class SharedResource;
