using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using TwilioPS.Tests.Hosting;

namespace TwilioPS.Tests.Reliability
{
    /// <summary>A hosted PowerShell session connected (with -MaxRetries 0 unless told) to a <see cref="HostileServer"/>.</summary>
    public sealed class HostileSession : IDisposable
    {
        /// <summary>A token whose plain, URL-encoded and Basic forms all differ.</summary>
        public const string AuthToken = "t0k3n+s3cr3t/=& z";

        public static string BasicParameter => Convert.ToBase64String(Encoding.UTF8.GetBytes(HostileServer.AccountSid + ":" + AuthToken));

        /// <summary>Every form of the secret a request carries or a proxy may echo.</summary>
        public static readonly string[] SecretForms =
        {
            AuthToken, BasicParameter, Uri.EscapeDataString(AuthToken), WebUtility.UrlEncode(AuthToken),
        };

        public HostileSession(Func<HostileRequest, HostileExchange, Task> handler, string connectArguments = "-MaxRetries 0")
        {
            Server = new HostileServer(handler);
            PowerShell = new PowerShellSession();
            PowerShell.SetVariable("HostileUri", Server.BaseUri);
            PowerShell.SetVariable("HostileToken", EmulatedSession.Secure(AuthToken));
            PowerShell.Run($"Connect-Twilio -BaseUri $HostileUri -AccountSid {HostileServer.AccountSid} -AuthToken $HostileToken {connectArguments}").ThrowIfFailed();
        }

        public HostileServer Server { get; }

        public PowerShellSession PowerShell { get; }

        public PowerShellResult Run(string script, params object[] arguments) => PowerShell.Run(script, arguments);

        /// <summary>
        /// Runs a script that a broken client could hang on, with a generous ceiling: past it the server
        /// stops, which frees the client, and the test fails on the returned flag.
        /// </summary>
        public (PowerShellResult Result, bool FinishedInTime) RunWithCeiling(string script, TimeSpan ceiling)
        {
            Task<PowerShellResult> run = Task.Run(() => Run(script));
            bool finished = run.Wait(ceiling);
            if (!finished) Server.Dispose();
            return (run.GetAwaiter().GetResult(), finished);
        }

        public static string Call(string sid, string to, string dateCreated = "Tue, 31 Aug 2010 20:36:28 +0000") =>
            $"{{\"sid\":\"{sid}\",\"account_sid\":\"{HostileServer.AccountSid}\",\"to\":\"{to}\",\"from\":\"+14155550100\",\"status\":\"queued\",\"date_created\":\"{dateCreated}\"}}";

        public static string CallSid(int n) => "CA" + n.ToString("x32");

        /// <summary>The To= value of a create's form.</summary>
        public static string FormTo(HostileRequest request) =>
            WebUtility.UrlDecode(System.Text.RegularExpressions.Regex.Match(request.Body, @"(?:^|&)To=([^&]*)").Groups[1].Value);

        public void Dispose()
        {
            PowerShell.Dispose();
            Server.Dispose();
        }
    }
}
