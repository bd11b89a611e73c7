using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.VisualBasic.FileIO;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Module
{
    /// <summary>The admin scripts in examples/, in a fresh process, their objects taken as a user takes them.</summary>
    public class ExampleScriptTests
    {
        /// <summary>
        /// With no connection the report builds its own estate in the emulator: 'EU operations' (two numbers
        /// on the 'EU reception IVR' application, three one-minute calls, a one-segment and a two-segment
        /// SMS), 'US support' (the 'US support desk' number and an after-hours URL, two calls, one SMS) and
        /// the main account (one number, one call). Its objects go through Export-Csv.
        /// </summary>
        [Fact]
        public void The_estate_report_lists_each_number_what_answers_it_and_each_accounts_usage()
        {
            string report = Path.Combine(ModuleAssemblies.RepositoryRoot, "examples", "estate-report.ps1");
            string csv = Path.Combine(Path.GetTempPath(), "twilio-ps-estate-" + Guid.NewGuid().ToString("N") + ".csv");
            try
            {
                var (exit, output) = ChildProcess.RunScriptText($"& '{report}' | Export-Csv -Path '{csv}' -NoTypeInformation -Encoding UTF8", TimeSpan.FromMinutes(3));
                Assert.True(exit == 0, output);
                Assert.Contains("6 calls completed, 3 messages delivered.", output);
                Assert.Matches(@"EU operations \(AC[0-9a-f]{32}\): 2 numbers, 3 call minutes, 3 SMS segments, 0\.0627 USD", output);
                Assert.Matches(@"US support \(AC[0-9a-f]{32}\): 2 numbers, 2 call minutes, 1 SMS segments, 0\.0339 USD", output);

                string[][] rows = ReadCsv(csv);
                string[] header = rows[0];
                Assert.Equal(new[] { "Account", "AccountSid", "PhoneNumber", "FriendlyName", "AnsweredBy", "CallMinutes", "SmsSegments", "TotalPrice", "PriceUnit" }, header);
                var numbers = rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
                Assert.Equal(5, numbers.Count);

                var eu = numbers.Where(n => n["Account"] == "EU operations").ToList();
                Assert.Equal(2, eu.Count);
                Assert.All(eu, n => Assert.Equal("EU reception IVR", n["AnsweredBy"]));
                Assert.All(eu, n => Assert.StartsWith("+44", n["PhoneNumber"]));

                var us = numbers.Where(n => n["Account"] == "US support").ToList();
                Assert.Equal(2, us.Count);
                Assert.Equal("US support desk", us.Single(n => n["FriendlyName"] == "Support line")["AnsweredBy"]);
                Assert.Equal("https://example.com/us/after-hours.xml", us.Single(n => n["FriendlyName"] == "After hours")["AnsweredBy"]);

                var main = numbers.Single(n => n["Account"] != "EU operations" && n["Account"] != "US support");
                Assert.Equal("https://example.com/head-office.xml", main["AnsweredBy"]);

                // Each account's month: $0.013 per call minute, $0.0079 per SMS segment, its own usage only.
                foreach (var (rowsOfAccount, minutes, segments) in new[] { (eu, 3m, 3m), (us, 2m, 1m), (new[] { main }.ToList(), 1m, 0m) })
                {
                    foreach (var n in rowsOfAccount)
                    {
                        Assert.Equal(minutes, decimal.Parse(n["CallMinutes"], CultureInfo.InvariantCulture));
                        Assert.Equal(segments, decimal.Parse(n["SmsSegments"], CultureInfo.InvariantCulture));
                        Assert.Equal(minutes * 0.013m + segments * 0.0079m, decimal.Parse(n["TotalPrice"], CultureInfo.InvariantCulture));
                        Assert.Equal("usd", n["PriceUnit"], ignoreCase: true);
                    }
                }
                Assert.Single(numbers.Select(n => n["AccountSid"]).Where(sid => sid == main["AccountSid"]));
                Assert.Equal(3, numbers.Select(n => n["AccountSid"]).Distinct().Count());
            }
            finally
            {
                if (File.Exists(csv)) File.Delete(csv);
            }
        }

        /// <summary>
        /// Connected, the report reads the account as it is and builds nothing: a number answered by
        /// nothing and one whose application was deleted say so, a suspended subaccount is named in the
        /// summary, and no emulator or estate of its own appears.
        /// </summary>
        [Fact]
        public void The_estate_report_reports_on_the_connected_account_as_it_is()
        {
            using var s = new EmulatedSession();
            s.Run(@"
$eu = New-TwilioAccount 'EU operations' -Confirm:$false
$old = New-TwilioApplication 'Old IVR' -VoiceUrl 'https://example.com/old.xml' -AccountSid $eu.Sid -Confirm:$false
New-TwilioIncomingPhoneNumber -AreaCode 415 -FriendlyName 'Orphan' -VoiceApplicationSid $old.Sid -AccountSid $eu.Sid -Force | Out-Null
New-TwilioIncomingPhoneNumber -AreaCode 415 -FriendlyName 'Silent' -AccountSid $eu.Sid -Force | Out-Null
$old | Remove-TwilioApplication -Force
$us = New-TwilioAccount 'US support' -Confirm:$false
Set-TwilioAccount -AccountSid $us.Sid -Status suspended -Force | Out-Null
$script:oldSid = $old.Sid").ThrowIfFailed();
            string report = Path.Combine(ModuleAssemblies.RepositoryRoot, "examples", "estate-report.ps1");

            PowerShellResult result = s.Run("& $args[0] -Connection (Get-TwilioContext)", report);

            result.ThrowIfFailed();
            var rows = result.Output.ToDictionary(o => (string)o.Properties["FriendlyName"].Value, o => o);
            Assert.Equal(new[] { "Orphan", "Silent" }, rows.Keys.OrderBy(k => k));
            string oldSid = (string)s.Run("$script:oldSid").Output.Single().BaseObject;
            Assert.Equal($"(missing application {oldSid})", rows["Orphan"].Properties["AnsweredBy"].Value);
            Assert.Equal("(nothing)", rows["Silent"].Properties["AnsweredBy"].Value);
            Assert.All(rows.Values, r => Assert.Equal(0m, r.Properties["TotalPrice"].Value));
            Assert.Contains(result.Information, i => i.StartsWith("TwilioPS Emulator (") && i.EndsWith("): no numbers"));
            Assert.Contains(result.Information, i => i.StartsWith("US support (") && i.Contains("suspended"));
            Assert.DoesNotContain(result.Information, i => i.Contains("start the emulator"));
            Assert.Equal(3, s.Run("Get-TwilioAccount '*' -All").Output.Count);
        }

        private static string[][] ReadCsv(string path)
        {
            using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var rows = new System.Collections.Generic.List<string[]>();
            while (!parser.EndOfData) rows.Add(parser.ReadFields());
            return rows.ToArray();
        }
    }
}
