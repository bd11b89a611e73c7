using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Module
{
    /// <summary>
    /// [OutputType] on every cmdlet, and what cmdlets really emit kept among what they declare, so
    /// Get-Command's OutputType, tab completion after a pipe and the format views stay true.
    /// </summary>
    public class OutputTypeTests
    {
        private static readonly Assembly ModuleAssembly = typeof(TwilioPS.Cmdlets.TwilioCmdlet).Assembly;

        /// <summary>Types from outside the module a cmdlet may declare: PowerShell formats them itself.</summary>
        private static readonly Type[] ForeignOutputs = { typeof(void), typeof(FileInfo), typeof(PSObject), typeof(string), typeof(bool) };

        private static IEnumerable<Type> CmdletTypes() =>
            ModuleAssembly.GetTypes().Where(t => !t.IsAbstract && t.GetCustomAttribute<CmdletAttribute>() != null);

        private static string NameOf(Type cmdlet)
        {
            CmdletAttribute attribute = cmdlet.GetCustomAttribute<CmdletAttribute>();
            return attribute.VerbName + "-" + attribute.NounName;
        }

        private static Type[] Declared(Type cmdlet) =>
            cmdlet.GetCustomAttributes<OutputTypeAttribute>().SelectMany(a => a.Type).Select(t => t.Type).ToArray();

        [Fact]
        public void Every_cmdlet_declares_what_it_emits_and_only_public_types()
        {
            Type[] cmdlets = CmdletTypes().ToArray();
            Assert.True(cmdlets.Length >= 60, $"only {cmdlets.Length} cmdlets found");
            foreach (Type cmdlet in cmdlets)
            {
                Type[] declared = Declared(cmdlet);
                Assert.True(declared.Length > 0, NameOf(cmdlet) + " has no [OutputType] (a cmdlet that emits nothing declares typeof(void))");
                Assert.All(declared, t => Assert.True(t != null, NameOf(cmdlet) + " declares an output type by a name that does not resolve"));
                foreach (Type type in declared)
                    Assert.True(type.Assembly == ModuleAssembly ? type.IsPublic : ForeignOutputs.Contains(type),
                        $"{NameOf(cmdlet)} declares {type.FullName}, which is neither a public module type nor one PowerShell formats itself");
                if (declared.Contains(typeof(void)))
                    Assert.True(declared.Length == 1, NameOf(cmdlet) + " declares void beside other types");
            }
        }

        [Fact]
        public void Get_Command_reports_the_declared_output_type()
        {
            using var ps = new PowerShellSession();
            PowerShellResult r = ps.Run("(Get-Command Get-TwilioCall).OutputType.Type.FullName; (Get-Command Remove-TwilioQueue).OutputType.Type.FullName");
            r.ThrowIfFailed();
            Assert.Equal(new[] { "TwilioPS.Models.TwilioCall", "System.Void" }, r.Output.Select(o => o.ToString()));
        }

        /// <summary>
        /// Commands run in order against one seeded emulator; the last command of each pipeline is the
        /// one checked. Each row that must emit says so, so an empty result cannot pass for a right one.
        /// </summary>
        public static IEnumerable<(string Script, bool Emits)> Runs() => new[]
        {
            ("Get-TwilioCall -First 2", true),
            ("Get-TwilioCall -First 1 | Get-TwilioCall", true),
            ("Get-TwilioCall -First 1 | Get-TwilioCallEvent", false),
            ("Get-TwilioRecording -First 2", true),
            ("Get-TwilioTranscription -First 2", true),
            ("Get-TwilioNotification -First 2", false),
            ("Get-TwilioMessage -First 2", true),
            ("Get-TwilioMessage -First 3 | Get-TwilioMessageMedia", false),
            ("Get-TwilioAccount", true),
            ("Get-TwilioBalance", true),
            ("Get-TwilioUsageRecord -First 2", true),
            ("Get-TwilioAvailablePhoneNumber -First 2", true),
            ("Get-TwilioIncomingPhoneNumber", false),
            ("Get-TwilioOutgoingCallerId", false),
            ("Get-TwilioConference", false),
            ("New-TwilioApplication -FriendlyName views", true),
            ("Get-TwilioApplication", true),
            ("New-TwilioQueue -FriendlyName views", true),
            ("Get-TwilioQueue", true),
            ("Get-TwilioQueue | Remove-TwilioQueue -Confirm:$false", false),
            ("New-TwilioApiKey -FriendlyName views", true),
            ("Get-TwilioApiKey", true),
            ("New-TwilioUsageTrigger totalprice 100 'https://example.com/spend'", true),
            ("Get-TwilioUsageTrigger", true),
            ("Get-TwilioUsageTrigger | Remove-TwilioUsageTrigger -Confirm:$false", false),
            ("Measure-TwilioMessage 'hello'", true),
            ("Get-TwilioContext", true),
        };

        [Fact]
        public void What_cmdlets_emit_against_the_emulator_is_among_what_they_declare()
        {
            using var s = new EmulatedSession(seedCalls: 3);
            s.Emulator.SeedRecordings(2, transcribed: true);
            s.Emulator.SeedMessages(3);
            Dictionary<string, Type> cmdlets = CmdletTypes().ToDictionary(NameOf, t => t, StringComparer.OrdinalIgnoreCase);
            foreach ((string script, bool emits) in Runs())
            {
                string name = script.Split('|').Last().Trim().Split(' ')[0];
                Type[] declared = Declared(cmdlets[name]);
                PowerShellResult r = s.Run(script);
                r.ThrowIfFailed();
                if (emits) Assert.True(r.Output.Count > 0, script + " emitted nothing");
                foreach (PSObject output in r.Output)
                {
                    Type type = output.BaseObject.GetType();
                    Assert.True(declared.Any(d => d.IsAssignableFrom(type)) || declared.Contains(typeof(PSObject)),
                        $"{script} emitted {type.FullName}; {name} declares {string.Join(", ", declared.Select(d => d.Name))}");
                }
                if (declared.Contains(typeof(void))) Assert.Empty(r.Output);
            }
        }
    }
}
