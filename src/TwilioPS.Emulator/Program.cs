using System;
using System.Globalization;
using System.Threading;

namespace TwilioPS.Emulator
{
    /// <summary>dotnet run --project src/TwilioPS.Emulator -- [--port 4010] [--seed-calls N] [--seed-recordings N] [--seed-messages N] [--cps N] [--account-sid AC…] [--auth-token …]</summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var options = new EmulatorOptions { Port = 4010 };
            try
            {
                for (int i = 0; i < args.Length; i++)
                {
                    string name = args[i];
                    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(name + " needs a value");
                    switch (name)
                    {
                        case "--port": options.Port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--seed-calls": options.SeedCalls = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--seed-recordings": options.SeedRecordings = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--seed-messages": options.SeedMessages = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--cps": options.CallsPerSecond = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--account-sid": options.AccountSid = Next(); break;
                        case "--auth-token": options.AuthToken = Next(); break;
                        case "-h": case "--help": case "-?":
                            Console.WriteLine("TwilioPS.Emulator: a local Twilio 2010-04-01 REST API.");
                            Console.WriteLine("  --port N             TCP port on 127.0.0.1 (default 4010; 0 = any free port)");
                            Console.WriteLine("  --seed-calls N       create N finished calls over the past 30 days");
                            Console.WriteLine("  --seed-recordings N  create N completed recordings, each of a finished call");
                            Console.WriteLine("  --seed-messages N    create N delivered messages over the past 30 days, some with media");
                            Console.WriteLine("  --cps N              the account's calls per second (default 1)");
                            Console.WriteLine("  --account-sid AC…    the main account SID (default " + EmulatorOptions.DefaultAccountSid + ")");
                            Console.WriteLine("  --auth-token T       the main account's auth token");
                            return 0;
                        default: throw new ArgumentException("Unknown option " + name + " (try --help)");
                    }
                }
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is OverflowException)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }

            TwilioEmulator emulator;
            try { emulator = TwilioEmulator.Start(options); }
            catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }

            using (emulator)
            using (var stop = new ManualResetEventSlim())
            {
                Console.CancelKeyPress += (s, e) => { e.Cancel = true; stop.Set(); };
                using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
                    System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });
                Console.WriteLine("Twilio emulator listening on " + emulator.BaseUri.GetLeftPart(UriPartial.Authority));
                Console.WriteLine("  AccountSid   " + emulator.AccountSid);
                Console.WriteLine("  AuthToken    " + emulator.AuthToken);
                Console.WriteLine("  ApiKeySid    " + emulator.ApiKeySid);
                Console.WriteLine("  ApiKeySecret " + emulator.ApiKeySecret);
                if (options.SeedCalls > 0) Console.WriteLine("  Seeded " + options.SeedCalls + " calls");
                if (options.SeedRecordings > 0) Console.WriteLine("  Seeded " + options.SeedRecordings + " recordings");
                if (options.SeedMessages > 0) Console.WriteLine("  Seeded " + options.SeedMessages + " messages");
                Console.WriteLine();
                Console.WriteLine("TWILIO_ACCOUNT_SID=" + emulator.AccountSid);
                Console.WriteLine("TWILIO_AUTH_TOKEN=" + emulator.AuthToken);
                Console.WriteLine("TWILIO_API_KEY=" + emulator.ApiKeySid);
                Console.WriteLine("TWILIO_API_SECRET=" + emulator.ApiKeySecret);
                Console.WriteLine();
                Console.WriteLine("Press Ctrl+C to stop.");
                stop.Wait();
                Console.WriteLine("Stopping.");
            }
            return 0;
        }
    }
}
