using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Security;
using TwilioPS.Emulator;

namespace TwilioPS.Connection
{
    /// <summary>A running in-process emulator, as PowerShell sees it. The auth token stays in Credential.</summary>
    public sealed class TwilioEmulatorInfo
    {
        private readonly IDisposable _emulator;

        internal TwilioEmulatorInfo(IDisposable emulator, Uri baseUri, int port, string accountSid, SecureString authToken, string apiKeySid)
        {
            _emulator = emulator;
            BaseUri = baseUri;
            Port = port;
            AccountSid = accountSid;
            ApiKeySid = apiKeySid;
            Credential = new PSCredential(accountSid, authToken);
        }

        public Uri BaseUri { get; }
        public int Port { get; }
        public string AccountSid { get; }
        public string ApiKeySid { get; }

        /// <summary>AccountSid and auth token, ready for Connect-Twilio -Credential.</summary>
        public PSCredential Credential { get; }

        public DateTimeOffset StartedAt { get; } = DateTimeOffset.Now;

        public bool IsRunning { get; private set; } = true;

        internal object Emulator => _emulator;

        internal void Stop()
        {
            IsRunning = false;
            _emulator.Dispose();
        }

        public override string ToString() => BaseUri.ToString();
    }

    /// <summary>
    /// Starts and tracks emulators for this process. Only the methods marked NoInlining touch
    /// TwilioPS.Emulator types, so that assembly loads the first time someone asks for an emulator,
    /// never at Import-Module.
    /// </summary>
    internal static class EmulatorHost
    {
        private static readonly object Gate = new object();
        private static readonly List<TwilioEmulatorInfo> Running = new List<TwilioEmulatorInfo>();

        /// <summary>The emulator Connect-Twilio -Emulator uses: the most recent one still running.</summary>
        public static TwilioEmulatorInfo Current
        {
            get
            {
                lock (Gate) return Running.Count == 0 ? null : Running[Running.Count - 1];
            }
        }

        public static IReadOnlyList<TwilioEmulatorInfo> All
        {
            get
            {
                lock (Gate) return Running.ToArray();
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static TwilioEmulatorInfo Start(int port, int seedCalls, int callsPerSecond, int seedRecordings = 0, int seedMessages = 0,
            double clockSpeed = 1, double? callDurationSeconds = null, string twimlFolder = null)
        {
            var options = new EmulatorOptions
            {
                Port = port,
                SeedCalls = seedCalls,
                CallsPerSecond = callsPerSecond,
                SeedMessages = seedMessages,
                ClockSpeed = clockSpeed,
                TwimlFolder = twimlFolder,
            };
            if (callDurationSeconds.HasValue) options.CallDuration = TimeSpan.FromSeconds(callDurationSeconds.Value);
            TwilioEmulator emulator = TwilioEmulator.Start(options);
            // Seeded recordings come transcribed, so every voice cmdlet has something to show locally.
            if (seedRecordings > 0) emulator.SeedRecordings(seedRecordings, transcribed: true);
            var token = new SecureString();
            foreach (char c in emulator.AuthToken) token.AppendChar(c);
            token.MakeReadOnly();
            var info = new TwilioEmulatorInfo(emulator, emulator.BaseUri, emulator.Port, emulator.AccountSid, token, emulator.ApiKeySid);
            lock (Gate) Running.Add(info);
            return info;
        }

        public static void Stop(TwilioEmulatorInfo info)
        {
            lock (Gate) Running.Remove(info);
            info.Stop();
        }
    }
}
