using Microsoft.Extensions.Logging;

namespace PortCooperation.IntegrationTests.Infrastructure;

/// <summary>The request log lines (RequestLoggingMiddleware), rendered; add it as an <see cref="ILoggerProvider"/>.</summary>
internal sealed class RequestLog : ILoggerProvider
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RequestLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (category.EndsWith("RequestLoggingMiddleware", StringComparison.Ordinal))
            {
                lock (log._lines)
                {
                    log._lines.Add(formatter(state, exception));
                }
            }
        }
    }
}
