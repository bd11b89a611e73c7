using System;
using System.Globalization;
using System.Threading;

namespace TwilioPS.Emulator
{
    /// <summary>dotnet run --project src/TwilioPS.Emulator -- [--port 4010] [--seed-calls N] [--seed-recordings N] [--seed-messages N] [--balance N] [--available-numbers N] [--number-seed N] [--cps N] [--twiml-folder DIR] [--clock-speed N] [--call-duration S] [--account-sid AC…] [--auth-token …] [--faults SPEC [--fault-seed N]]</summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var options = new EmulatorOptions { Port = 4010 };
            string faultSpec = null;
            // Printed at start, so a run with random faults can be repeated exactly with --fault-seed.
            int faultSeed = Environment.TickCount & int.MaxValue;
            RandomFaults faults = null;
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
                        case "--balance": options.StartingBalance = decimal.Parse(Next(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture); break;
                        case "--available-numbers": options.AvailableNumbersPerType = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                        case "--number-seed": options.AvailableNumberSeed = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                        case "--max-in-flight": options.MaxRequestsInFlight = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                        case "--cps": options.CallsPerSecond = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--twiml-folder": options.TwimlFolder = Next(); break;
                        case "--clock-speed": options.ClockSpeed = double.Parse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture); break;
                        case "--call-duration": options.CallDuration = TimeSpan.FromSeconds(double.Parse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture)); break;
                        case "--account-sid": options.AccountSid = Next(); break;
                        case "--auth-token": options.AuthToken = Next(); break;
                        case "--faults": faultSpec = Next(); break;
                        case "--fault-seed": faultSeed = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                        case "-h": case "--help": case "-?":
                            Console.WriteLine("TwilioPS.Emulator: a local Twilio 2010-04-01 REST API.");
                            Console.WriteLine("  --port N             TCP port on 127.0.0.1 (default 4010; 0 = any free port)");
                            Console.WriteLine("  --seed-calls N       create N finished calls over the past 30 days");
                            Console.WriteLine("  --seed-recordings N  create N completed recordings, each of a finished call");
                            Console.WriteLine("  --seed-messages N    create N delivered messages over the past 30 days, some with media");
                            Console.WriteLine("  --balance N          the main account's starting balance in USD (default 20.00)");
                            Console.WriteLine("  --available-numbers N  numbers for sale per country and type (default 100)");
                            Console.WriteLine("  --number-seed N      the seed of the numbers for sale (default 2010: the same numbers every run)");
                            Console.WriteLine("  --max-in-flight N    serve at most N requests at once; answer 429 (20429) beyond (default: no cap)");
                            Console.WriteLine("  --cps N              the account's calls per second (default 1)");
                            Console.WriteLine("  --twiml-folder DIR   serve DIR's TwiML documents at /twiml/ (a local TwiML app)");
                            Console.WriteLine("  --clock-speed N      emulated time runs N times as fast as real time (default 1)");
                            Console.WriteLine("  --call-duration S    seconds until the person answering a call hangs up (default 5)");
                            Console.WriteLine("  --account-sid AC…    the main account SID (default " + EmulatorOptions.DefaultAccountSid + ")");
                            Console.WriteLine("  --auth-token T       the main account's auth token");
                            Console.WriteLine("  --faults SPEC        inject faults at random, per route, e.g.");
                            Console.WriteLine("                       \"POST */Messages.json: 429=10%, 429+1s=5%, 503=3%, 500=2%, drop=2%, cut=1%, latency=20ms; GET *: 503=5%\"");
                            Console.WriteLine("                       kinds: " + string.Join(", ", RandomFaults.Kinds));
                            Console.WriteLine("                       latency=Nms: every matched request is answered N ms after it arrived");
                            Console.WriteLine("                       (the emulator's own work counts within the N ms)");
                            Console.WriteLine("  --fault-seed N       the seed of the faults' random draws (default: printed at start)");
                            return 0;
                        default: throw new ArgumentException("Unknown option " + name + " (try --help)");
                    }
                }
                if (faultSpec != null) faults = RandomFaults.Parse(faultSpec, faultSeed);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is OverflowException)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }

            TwilioEmulator emulator;
            try { emulator = TwilioEmulator.Start(options); emulator.Interceptor = faults; }
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
                if (options.TwimlFolder != null) Console.WriteLine("  TwiML        " + emulator.BaseUri.GetLeftPart(UriPartial.Authority) + "/twiml/ serves " + System.IO.Path.GetFullPath(options.TwimlFolder));
                if (options.ClockSpeed != 1) Console.WriteLine("  Clock        " + options.ClockSpeed.ToString(CultureInfo.InvariantCulture) + "x real time");
                if (options.SeedCalls > 0) Console.WriteLine("  Seeded " + options.SeedCalls + " calls");
                if (options.SeedRecordings > 0) Console.WriteLine("  Seeded " + options.SeedRecordings + " recordings");
                if (options.SeedMessages > 0) Console.WriteLine("  Seeded " + options.SeedMessages + " messages");
                if (faults != null) Console.WriteLine("  Faults       " + faults + " (--fault-seed " + faults.Seed.ToString(CultureInfo.InvariantCulture) + ")");
                Console.WriteLine();
                Console.WriteLine("TWILIO_ACCOUNT_SID=" + emulator.AccountSid);
                Console.WriteLine("TWILIO_AUTH_TOKEN=" + emulator.AuthToken);
                Console.WriteLine("TWILIO_API_KEY=" + emulator.ApiKeySid);
                Console.WriteLine("TWILIO_API_SECRET=" + emulator.ApiKeySecret);
                Console.WriteLine();
                Console.WriteLine("Press Ctrl+C to stop.");
                stop.Wait();
                if (faults != null) Console.WriteLine("Injected: " + (faults.Injected.Count == 0 ? "nothing" : faults.Summary()));
                Console.WriteLine("Stopping.");
            }
            return 0;
        }
    }
}
