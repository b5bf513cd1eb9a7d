using Microsoft.Playwright;

namespace PortCooperation.BrowserTests.Infrastructure;

/// <summary>Whether a page scrolls sideways, and what sticks out when it does (to name in a failure).</summary>
public static class PageWidth
{
    /// <summary>How many pixels the page is wider than the window; 0 or less when nothing scrolls sideways.</summary>
    public static Task<int> SidewaysScrollAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    /// <summary>The first elements that stick out on the right.</summary>
    public static Task<string> WiderThanTheScreenAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => {
                const width = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1).slice(0, 8)
                    .map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '')).join(' ');
            }
            """);

    public static async Task ShouldNotScrollSidewaysAsync(IPage page, string what) =>
        (await SidewaysScrollAsync(page)).ShouldBeLessThanOrEqualTo(0, $"{what}: {await WiderThanTheScreenAsync(page)}");
}
