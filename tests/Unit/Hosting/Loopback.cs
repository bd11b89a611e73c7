using System.Net;
using System.Net.Sockets;

namespace TwilioPS.Tests.Hosting
{
    /// <summary>Loopback ports for the servers and listeners tests start.</summary>
    internal static class Loopback
    {
        /// <summary>
        /// A port nothing listens on right now: bound and released at once. Another process may take
        /// it before the test does, which the servers that start on it retry around.
        /// </summary>
        public static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
