using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace TwilioPS.RunScript
{
    /// <summary>
    /// A minimal pwsh stand-in: runs one script file with its arguments in a runspace with a console
    /// host (Write-Host, What if:, Verbose and Warning lines), and prints output as pwsh would, through
    /// Out-String. Exit code 1 when the script failed or wrote errors.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine("usage: dotnet run --project tools/RunScript -- <script.ps1> [arguments]");
                return 2;
            }

            string script = Path.GetFullPath(args[0]);
            if (!File.Exists(script))
            {
                Console.Error.WriteLine($"No such script: {script}");
                return 2;
            }

            using Runspace runspace = RunspaceFactory.CreateRunspace(new ConsoleHost(), InitialSessionState.CreateDefault2());
            runspace.Open();
            using PowerShell shell = PowerShell.Create();
            shell.Runspace = runspace;
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; shell.BeginStop(null, null); };

            // The host prints Verbose, Warning and Write-Host lines itself; errors are printed here.
            bool failed = false;
            shell.Streams.Error.DataAdded += (s, e) =>
            {
                failed = true;
                Write(ConsoleColor.Red, ((PSDataCollection<ErrorRecord>)s)[e.Index].ToString());
            };

            // Arguments as pwsh takes them: "-Name value", "-Switch", or positional.
            shell.AddCommand(script);
            for (int i = 1; i < args.Length; i++)
            {
                string token = args[i];
                bool named = token.Length > 1 && token[0] == '-' && !double.TryParse(token, out _);
                if (!named) shell.AddArgument(token);
                else if (i + 1 < args.Length && !args[i + 1].StartsWith("-", StringComparison.Ordinal)) shell.AddParameter(token.Substring(1), args[++i]);
                else shell.AddParameter(token.Substring(1));
            }
            // Output streams through Out-String as it is produced, so long-running scripts show progress.
            shell.AddCommand("Out-String").AddParameter("Stream").AddParameter("Width", 150);
            var output = new PSDataCollection<PSObject>();
            output.DataAdded += (s, e) => Console.WriteLine(((PSDataCollection<PSObject>)s)[e.Index]);
            try
            {
                shell.Invoke(null, output);
            }
            catch (RuntimeException exception)
            {
                Write(ConsoleColor.Red, exception.ErrorRecord?.ToString() ?? exception.Message);
                return 1;
            }
            return failed || shell.HadErrors ? 1 : 0;
        }

        private static void Write(ConsoleColor color, string text)
        {
            bool colour = !Console.IsOutputRedirected;
            if (colour) Console.ForegroundColor = color;
            Console.WriteLine(text);
            if (colour) Console.ResetColor();
        }
    }
}
