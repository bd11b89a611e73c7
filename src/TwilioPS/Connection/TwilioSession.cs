using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace TwilioPS.Connection
{
    /// <summary>
    /// The default connection, one per runspace: two runbook jobs sharing a process (Azure
    /// Automation) each have their own runspace and so can never switch each other's account.
    /// Other runspaces (ForEach-Object -Parallel) pass -Connection explicitly.
    /// </summary>
    internal static class TwilioSession
    {
        private sealed class Slot
        {
            public TwilioConnection Connection;
        }

        private static readonly ConditionalWeakTable<object, Slot> Slots = new ConditionalWeakTable<object, Slot>();
        private static readonly object NoRunspace = new object();

        private static Slot Current => Slots.GetValue(Runspace.DefaultRunspace ?? NoRunspace, _ => new Slot());

        public static TwilioConnection Default
        {
            get
            {
                TwilioConnection connection = Current.Connection;
                return connection != null && !connection.IsDisposed ? connection : null;
            }
            set => Current.Connection = value;
        }
    }
}
