using System.Text;

namespace PortCooperation.Web.Infrastructure.Operations;

/// <summary>
/// Where create-admin gets the password: the PORTAL_ADMIN_PASSWORD variable, else a hidden prompt (typed
/// twice for a new account) on a terminal, else one line of standard input (for scripts and pipes).
/// </summary>
public sealed class PasswordSource(Func<string?> environment, bool interactive, TextReader input, TextWriter prompt)
{
    public static PasswordSource FromConsole() => new(
        () => Environment.GetEnvironmentVariable(CreateAdminCommand.PasswordVariable),
        interactive: !Console.IsInputRedirected,
        Console.In,
        Console.Out);

    /// <summary>The password, or null/empty when none was given (allowed only when promoting an existing account).</summary>
    public string? Read(bool newAccount)
    {
        var fromEnvironment = environment();
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        if (!interactive)
        {
            return input.ReadLine();
        }

        var first = Prompt(newAccount ? "Password: " : "New password (empty keeps the current one): ");
        if (!newAccount && first.Length == 0)
        {
            return first;
        }

        var second = Prompt("Repeat the password: ");
        if (first != second)
        {
            prompt.WriteLine("The two passwords differ; nothing was changed.");
            return null;
        }

        return first;
    }

    private string Prompt(string label)
    {
        prompt.Write(label);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                prompt.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
