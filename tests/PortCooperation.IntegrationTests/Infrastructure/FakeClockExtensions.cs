using Microsoft.Extensions.Time.Testing;

namespace PortCooperation.IntegrationTests;

public static class FakeClockExtensions
{
    extension(FakeTimeProvider clock)
    {
        /// <summary>What the clock says; setting it moves the clock there (forward only, firing the timers due on the way).</summary>
        public DateTimeOffset Now
        {
            get => clock.GetUtcNow();
            set => clock.SetUtcNow(value);
        }
    }
}
