namespace PortCooperation.Web.Models.Home;

/// <summary>What the home page shows: the next activities, the latest ones held and the key figures.</summary>
public sealed class HomePageViewModel
{
    /// <summary>The library search of the hero (empty): it names the search box as the library binds it.</summary>
    public Library.LibraryQuery LibrarySearch { get; } = new();

    public IReadOnlyList<ActivityCardModel> Upcoming { get; init; } = [];

    public IReadOnlyList<ActivityCardModel> Recent { get; init; } = [];

    public KeyFiguresModel Figures { get; init; } = new();
}
