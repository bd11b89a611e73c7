using System;
using System.IO;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Twiml
{
    /// <summary>
    /// Serves <see cref="EmulatorOptions.TwimlFolder"/> at /twiml/: the simplest local TwiML app, whose
    /// URLs the emulator fetches like any other loopback app's (signed, with Twilio's parameters).
    /// </summary>
    internal static class TwimlFolder
    {
        public const string Prefix = "/twiml/";

        /// <summary>True when the request was for /twiml/ and has been answered (the file, or 404).</summary>
        public static bool TryServe(string folder, RequestContext ctx)
        {
            string path = ctx.Request.Path;
            if (string.IsNullOrEmpty(folder) || !path.StartsWith(Prefix, StringComparison.Ordinal)) return false;
            string root = Path.GetFullPath(folder);
            string file = Path.GetFullPath(Path.Combine(root, Uri.UnescapeDataString(path.Substring(Prefix.Length))));
            // Nothing outside the folder, whatever "..", "%2e%2e" or absolute path the request names.
            bool inside = file.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            if (!inside || !File.Exists(file))
            {
                ctx.Text(404, "text/plain", "No TwiML at " + path);
                return true;
            }
            ctx.Text(200, "text/xml", File.ReadAllText(file));
            return true;
        }
    }
}
