using System;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace TwilioPS.Emulator.Infrastructure
{
    /// <summary>
    /// Resets a request's TCP connection with nothing more sent, for injected faults. On Windows
    /// (http.sys) HttpListenerResponse.Abort does exactly that. The managed HttpListener (Linux, macOS)
    /// first writes whatever headers are not yet sent — an empty 200 where a dropped connection was
    /// meant — so there the connection's socket is reset directly.
    /// </summary>
    internal static class ConnectionReset
    {
        private static readonly PropertyInfo ConnectionProperty =
            typeof(HttpListenerContext).GetProperty("Connection", BindingFlags.NonPublic | BindingFlags.Instance);

        public static void Reset(HttpListenerContext context)
        {
            Socket socket = FindSocket(context);
            if (socket != null)
            {
                try
                {
                    // Linger 0: close with an RST, discarding anything unsent.
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                }
                catch (ObjectDisposedException) { }
                catch (SocketException) { }
            }
            try { context.Response.Abort(); } catch (Exception) { /* the socket is already gone */ }
        }

        private static Socket FindSocket(HttpListenerContext context)
        {
            object connection = ConnectionProperty?.GetValue(context);
            FieldInfo field = connection?.GetType().GetField("_socket", BindingFlags.NonPublic | BindingFlags.Instance);
            return field?.GetValue(connection) as Socket;
        }
    }
}
