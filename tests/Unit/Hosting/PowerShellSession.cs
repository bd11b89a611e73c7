using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace TwilioPS.Tests.Hosting
{
    /// <summary>
    /// A real PowerShell 7.6 engine, in this process, with out/TwilioPS imported exactly as a user
    /// imports it. Each instance is its own runspace, so session state never leaks between tests.
    /// </summary>
    public sealed class PowerShellSession : IDisposable
    {
        private readonly Runspace _runspace;

        public PowerShellSession(bool importModule = true)
        {
            InitialSessionState state = InitialSessionState.CreateDefault2();
            _runspace = RunspaceFactory.CreateRunspace(state);
            _runspace.Open();
            if (importModule)
            {
                PowerShellResult import = Run("Import-Module $args[0] -ErrorAction Stop", ModuleAssemblies.ManifestPath);
                import.ThrowIfFailed();
            }
        }

        public Runspace Runspace => _runspace;

        /// <summary>Runs a script; positional values arrive as $args. Non-terminating errors are collected.</summary>
        public PowerShellResult Run(string script, params object[] arguments)
        {
            using (PowerShell shell = PowerShell.Create())
            {
                shell.Runspace = _runspace;
                shell.AddScript(script);
                foreach (object argument in arguments) shell.AddArgument(argument);
                Collection<PSObject> output;
                Exception terminating = null;
                try
                {
                    output = shell.Invoke();
                }
                catch (RuntimeException exception)
                {
                    output = new Collection<PSObject>();
                    terminating = exception;
                }
                return new PowerShellResult(output, shell.Streams, terminating);
            }
        }

        /// <summary>Sets a variable in the session (e.g. a SecureString the script uses).</summary>
        public void SetVariable(string name, object value) => _runspace.SessionStateProxy.SetVariable(name, value);

        public void Dispose() => _runspace.Dispose();
    }

    /// <summary>Everything a script produced, every stream.</summary>
    public sealed class PowerShellResult
    {
        public PowerShellResult(Collection<PSObject> output, PSDataStreams streams, Exception terminating)
        {
            Output = output.ToList();
            Errors = streams.Error.ToList();
            Verbose = streams.Verbose.Select(v => v.Message).ToList();
            Warnings = streams.Warning.Select(w => w.Message).ToList();
            Debug = streams.Debug.Select(d => d.Message).ToList();
            Information = streams.Information.Select(i => i.MessageData?.ToString()).ToList();
            Progress = streams.Progress.ToList();
            Terminating = terminating;
        }

        public List<PSObject> Output { get; }
        public List<ErrorRecord> Errors { get; }
        public List<string> Verbose { get; }
        public List<string> Warnings { get; }
        public List<string> Debug { get; }
        public List<string> Information { get; }
        public List<ProgressRecord> Progress { get; }

        /// <summary>A terminating error that ended the script, if any.</summary>
        public Exception Terminating { get; }

        /// <summary>The terminating error's record (ThrowTerminatingError or -ErrorAction Stop), if any.</summary>
        public ErrorRecord TerminatingRecord => (Terminating as IContainsErrorRecord)?.ErrorRecord;

        /// <summary>
        /// The error a statement failed with. A cmdlet's terminating error ends only its statement when
        /// run from a script, so it lands in the Error stream unless the whole script was stopped.
        /// </summary>
        public ErrorRecord FirstError => TerminatingRecord ?? Errors.FirstOrDefault();

        public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();

        public void ThrowIfFailed()
        {
            if (Terminating != null) throw new InvalidOperationException("Script failed: " + Terminating.Message, Terminating);
            if (Errors.Count > 0) throw new InvalidOperationException("Script wrote errors: " + string.Join(" | ", Errors.Select(e => e.ToString())));
        }

        /// <summary>Every piece of text any stream carried, for leak checks.</summary>
        public IEnumerable<string> AllText()
        {
            foreach (PSObject o in Output) yield return o?.ToString();
            foreach (ErrorRecord e in Errors) { yield return e.ToString(); yield return e.Exception?.ToString(); yield return e.ErrorDetails?.Message; yield return e.ErrorDetails?.RecommendedAction; }
            foreach (string s in Verbose.Concat(Warnings).Concat(Debug).Concat(Information)) yield return s;
            foreach (ProgressRecord p in Progress) { yield return p.Activity; yield return p.StatusDescription; yield return p.CurrentOperation; }
            if (Terminating != null) yield return Terminating.ToString();
        }
    }
}
