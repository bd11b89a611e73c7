using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using TwilioPS.Cmdlets.PhoneNumbers;
using TwilioPS.Emulator;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>
    /// Phone numbers through the hosted engine: searching with the filters, the country completer,
    /// buying from the pipeline, pointing numbers at an application, listing subaccounts' numbers,
    /// moving and releasing; validation before any request.
    /// </summary>
    public class PhoneNumberCmdletTests
    {
        private static string Path(EmulatedSession s, string tail, string account = null) => "/2010-04-01/Accounts/" + (account ?? s.Emulator.AccountSid) + tail;

        [Fact]
        public void A_search_sends_every_filter_given_and_its_numbers_carry_country_type_and_account()
        {
            using var s = new EmulatedSession();
            string sub = s.Emulator.CreateSubaccount("EU");
            PowerShellResult r = s.Run("Get-TwilioAvailablePhoneNumber gb -Type Mobile -SmsEnabled -MmsEnabled:$false -Contains '7*' -ExcludeAllAddressRequired -Beta:$false -AccountSid $args[0] -First 3", sub);
            r.ThrowIfFailed();
            EmulatorRequest request = s.LastRequest;
            Assert.Equal(Path(s, "/AvailablePhoneNumbers/GB/Mobile.json", sub), request.Path);
            Assert.Equal("true", request.QueryValue("SmsEnabled"));
            Assert.Equal("false", request.QueryValue("MmsEnabled"));
            Assert.Equal("7*", request.QueryValue("Contains"));
            Assert.Equal("true", request.QueryValue("ExcludeAllAddressRequired"));
            Assert.Equal("false", request.QueryValue("Beta"));
            TwilioAvailablePhoneNumber[] numbers = r.Objects<TwilioAvailablePhoneNumber>().ToArray();
            Assert.Equal(3, numbers.Length);
            Assert.All(numbers, n =>
            {
                Assert.Equal("GB", n.CountryCode);
                Assert.Equal("Mobile", n.Type);
                Assert.Equal(sub, n.AccountSid);
                Assert.True(n.Capabilities.Sms);
                Assert.Equal("none", n.AddressRequirements);
                Assert.StartsWith("+447", n.PhoneNumber);
            });
        }

        [Fact]
        public void Places_and_distances_reach_the_search_and_US_numbers_have_their_place()
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run("Get-TwilioAvailablePhoneNumber -NearLatLong '37.7749,-122.4194' -Distance 15 -InRegion CA -InLata 722 -InRateCenter 'SNFC CNTRL' -InPostalCode 94105 -InLocality 'San Francisco' -AreaCode 415 -VoiceEnabled -FaxEnabled:$false -ExcludeLocalAddressRequired -ExcludeForeignAddressRequired");
            r.ThrowIfFailed();
            EmulatorRequest request = s.LastRequest;
            foreach ((string name, string value) in new[] { ("NearLatLong", "37.7749,-122.4194"), ("Distance", "15"), ("InRegion", "CA"), ("InLata", "722"),
                         ("InRateCenter", "SNFC CNTRL"), ("InPostalCode", "94105"), ("InLocality", "San Francisco"), ("AreaCode", "415"), ("VoiceEnabled", "true"),
                         ("FaxEnabled", "false"), ("ExcludeLocalAddressRequired", "true"), ("ExcludeForeignAddressRequired", "true") })
                Assert.Equal(value, request.QueryValue(name));
            TwilioAvailablePhoneNumber[] numbers = r.Objects<TwilioAvailablePhoneNumber>().ToArray();
            Assert.NotEmpty(numbers);
            Assert.All(numbers, n =>
            {
                Assert.Equal("San Francisco", n.Locality);
                Assert.Equal("94105", n.PostalCode);
                Assert.NotNull(n.Latitude);
                Assert.False(n.Capabilities.Fax);
            });
            PowerShellResult table = s.Run("Get-TwilioAvailablePhoneNumber -NearNumber '+14155550100' -First 5 | Format-Table | Out-String -Width 200");
            string shown = string.Concat(table.Output.Select(o => o.ToString())) + string.Join("\n", table.Errors);
            Assert.True(shown.Contains("San Francisco", StringComparison.Ordinal), shown);
        }

        [Theory]
        [InlineData("Get-TwilioAvailablePhoneNumber -Contains '4'", "'4' is not a number pattern")]
        [InlineData("Get-TwilioAvailablePhoneNumber -Contains '415-555'", "'415-555' is not a number pattern")]
        [InlineData("Get-TwilioAvailablePhoneNumber -CountryCode USA", "CountryCode")]
        [InlineData("Get-TwilioAvailablePhoneNumber -Type Pager", "Type")]
        [InlineData("Get-TwilioAvailablePhoneNumber -AreaCode 99", "AreaCode")]
        [InlineData("Get-TwilioAvailablePhoneNumber -NearLatLong 'San Francisco'", "NearLatLong")]
        [InlineData("Get-TwilioAvailablePhoneNumber -NearNumber '415 555 0100'", "NearNumber")]
        [InlineData("Get-TwilioAvailablePhoneNumber -NearLatLong '37.7,-122.4' -Distance 501", "Distance")]
        [InlineData("Get-TwilioAvailablePhoneNumber -Distance 10", "Distance")]
        [InlineData("Get-TwilioAvailablePhoneNumber -InRateCenter SNFC", "InRateCenter")]
        [InlineData("New-TwilioIncomingPhoneNumber -AreaCode 41 -Force", "AreaCode")]
        [InlineData("New-TwilioIncomingPhoneNumber '4155550100' -Force", "PhoneNumber")]
        [InlineData("New-TwilioIncomingPhoneNumber '+14155550100' -VoiceApplicationSid PN0123456789abcdef0123456789abcdef -Force", "VoiceApplicationSid")]
        [InlineData("Set-TwilioIncomingPhoneNumber PN0123456789abcdef0123456789abcdef -DestinationAccountSid AP0123456789abcdef0123456789abcdef", "DestinationAccountSid")]
        [InlineData("Set-TwilioIncomingPhoneNumber PN0123456789abcdef0123456789abcdef -EmergencyStatus on", "EmergencyStatus")]
        [InlineData("Set-TwilioIncomingPhoneNumber PN0123456789abcdef0123456789abcdef", "Nothing to change")]
        [InlineData("Get-TwilioIncomingPhoneNumber -PhoneNumber 'abc'", "PhoneNumber")]
        public void Bad_input_fails_before_any_request_and_names_what_is_wrong(string command, string named)
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run(command);
            Assert.NotNull(r.FirstError);
            Assert.Contains(named, r.FirstError.ToString() + " " + r.FirstError.FullyQualifiedErrorId);
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        [Fact]
        public void CountryCode_completes_the_countries_the_account_may_buy_in_read_once_per_connection()
        {
            using var s = new EmulatedSession();
            const string Complete = "(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object { $_.CompletionText + '|' + $_.ToolTip }";
            string[] g = s.Run(Complete, "Get-TwilioAvailablePhoneNumber -CountryCode G").Output.Select(o => o.ToString()).ToArray();
            Assert.Equal(new[] { "GB|GB United Kingdom" }, g);
            string[] all = s.Run(Complete, "Get-TwilioAvailablePhoneNumber -CountryCode ").Output.Select(o => o.ToString().Split('|')[0]).ToArray();
            Assert.Equal(new[] { "AU", "CA", "DE", "DK", "FR", "GB", "SE", "US" }, all);
            Assert.Single(s.Emulator.Requests, q => q.Path == Path(s, "/AvailablePhoneNumbers.json"));

            // Without a connection there is nothing to list, and completing says nothing at all.
            s.Run("Disconnect-Twilio").ThrowIfFailed();
            PowerShellResult offline = s.Run(Complete, "Get-TwilioAvailablePhoneNumber -CountryCode G");
            Assert.Empty(offline.Output);
            Assert.Empty(offline.Errors);
        }

        [Fact]
        public void A_friendly_name_with_wildcards_is_matched_locally_and_an_exact_one_by_Twilio()
        {
            using var s = new EmulatedSession();
            foreach (string name in new[] { "Support NYC", "support LA", "Sales" })
                s.Run("New-TwilioIncomingPhoneNumber -AreaCode 212 -FriendlyName $args[0] -Force", name).ThrowIfFailed();

            Assert.Equal(new[] { "Support NYC", "support LA" },
                s.Run("Get-TwilioIncomingPhoneNumber -FriendlyName 'support*' | ForEach-Object FriendlyName").Output.Select(o => o.ToString()).OrderBy(n => n, StringComparer.Ordinal));
            Assert.DoesNotContain("FriendlyName=", s.LastRequest.PathAndQuery);

            Assert.Equal(new[] { "Sales" }, s.Run("Get-TwilioIncomingPhoneNumber -FriendlyName Sales | ForEach-Object FriendlyName").Output.Select(o => o.ToString()));
            Assert.Contains("FriendlyName=Sales", s.LastRequest.PathAndQuery);
        }

        [Fact]
        public void Buying_from_a_search_pointing_every_number_at_an_application_then_releasing_them()
        {
            using var s = new EmulatedSession();
            PowerShellResult bought = s.Run("Get-TwilioAvailablePhoneNumber -AreaCode 415 -First 1 | New-TwilioIncomingPhoneNumber -Confirm:$false");
            bought.ThrowIfFailed();
            TwilioIncomingPhoneNumber number = Assert.Single(bought.Objects<TwilioIncomingPhoneNumber>());
            Assert.StartsWith("+1415", number.PhoneNumber);
            Assert.Equal(s.Emulator.AccountSid, number.AccountSid);
            Assert.Equal(99, s.Emulator.AvailablePhoneNumberCount("US", "Local"));
            s.Run("New-TwilioIncomingPhoneNumber -AreaCode 212 -FriendlyName 'NY' -Force").ThrowIfFailed();

            s.Run("$app = New-TwilioApplication 'IVR' -VoiceUrl 'https://example.com/ivr.xml'").ThrowIfFailed();
            PowerShellResult pointed = s.Run("Get-TwilioIncomingPhoneNumber | Set-TwilioIncomingPhoneNumber -VoiceApplicationSid $app.Sid");
            pointed.ThrowIfFailed();
            string app = s.Run("$app.Sid").Output.Single().ToString();
            Assert.Equal(2, pointed.Objects<TwilioIncomingPhoneNumber>().Count(n => n.VoiceApplicationSid == app));
            Assert.Equal(new[] { "NY", number.FriendlyName }, s.Run("Get-TwilioIncomingPhoneNumber | ForEach-Object FriendlyName").Output.Select(o => o.ToString()));

            s.Run("Get-TwilioIncomingPhoneNumber | Remove-TwilioIncomingPhoneNumber -Confirm:$false").ThrowIfFailed();
            Assert.Empty(s.Run("Get-TwilioIncomingPhoneNumber").Output);
            Assert.Equal(100, s.Emulator.AvailablePhoneNumberCount("US", "Local"));
        }

        [Fact]
        public void Subaccounts_piped_in_list_their_own_numbers_and_a_number_moves_between_them()
        {
            using var s = new EmulatedSession();
            string paris = s.Emulator.CreateSubaccount("EU-Paris");
            string berlin = s.Emulator.CreateSubaccount("EU-Berlin");
            s.Emulator.CreateSubaccount("US-Austin");
            s.Run("New-TwilioIncomingPhoneNumber -AreaCode 617 -AccountSid $args[0] -Force", paris).ThrowIfFailed();
            s.Run("Get-TwilioAvailablePhoneNumber DE -First 1 -AccountSid $args[0] | New-TwilioIncomingPhoneNumber -Force", berlin).ThrowIfFailed();
            s.Run("New-TwilioIncomingPhoneNumber -AreaCode 512 -Force").ThrowIfFailed();
            s.Emulator.ClearRequests();

            PowerShellResult listed = s.Run("Get-TwilioAccount -FriendlyName 'EU*' | Get-TwilioIncomingPhoneNumber");
            listed.ThrowIfFailed();
            Assert.Equal(new[] { berlin, paris }.OrderBy(a => a), listed.Objects<TwilioIncomingPhoneNumber>().Select(n => n.AccountSid).OrderBy(a => a));
            Assert.Contains(listed.Objects<TwilioIncomingPhoneNumber>(), n => n.PhoneNumber.StartsWith("+49", StringComparison.Ordinal));

            PowerShellResult moved = s.Run("Get-TwilioIncomingPhoneNumber -AccountSid $args[0] | Set-TwilioIncomingPhoneNumber -DestinationAccountSid $args[1]", paris, berlin);
            moved.ThrowIfFailed();
            Assert.Equal(berlin, moved.Objects<TwilioIncomingPhoneNumber>().Single().AccountSid);
            Assert.Equal(paris, s.LastRequest.Path.Split('/')[3]);
            Assert.Equal(berlin, s.LastRequest.FormValue("AccountSid"));
            Assert.Equal(2, s.Run("Get-TwilioIncomingPhoneNumber -AccountSid $args[0]", berlin).Output.Count);
            Assert.Empty(s.Run("Get-TwilioIncomingPhoneNumber -AccountSid $args[0]", paris).Output);
        }

        [Fact]
        public void Twilios_errors_for_numbers_not_for_sale_and_missing_applications_are_error_records_carrying_the_input()
        {
            using var s = new EmulatedSession();
            PowerShellResult taken = s.Run("'+15005550000', '+15005550001' | New-TwilioIncomingPhoneNumber -Force");
            Assert.Null(taken.Terminating);
            Assert.Equal(2, taken.Errors.Count);
            Assert.All(taken.Errors, e => Assert.StartsWith("Twilio21422,", e.FullyQualifiedErrorId));
            Assert.Equal("+15005550001", taken.Errors[1].TargetObject);

            PowerShellResult none = s.Run("New-TwilioIncomingPhoneNumber -AreaCode 999 -Force");
            Assert.StartsWith("Twilio21452,", Assert.Single(none.Errors).FullyQualifiedErrorId);

            PowerShellResult missingApp = s.Run("New-TwilioIncomingPhoneNumber -AreaCode 415 -SmsApplicationSid AP0123456789abcdef0123456789abcdef -Force");
            ErrorRecord error = Assert.Single(missingApp.Errors);
            Assert.StartsWith("Twilio20404,", error.FullyQualifiedErrorId);
            Assert.Contains("AP0123456789abcdef0123456789abcdef", error.ToString());
            Assert.Empty(s.Run("Get-TwilioIncomingPhoneNumber").Output);
        }

        [Fact]
        public void Buying_and_releasing_ask_first_and_Get_by_type_reads_the_types_list()
        {
            Assert.Equal(ConfirmImpact.High, typeof(NewTwilioIncomingPhoneNumberCommand).GetCustomAttribute<CmdletAttribute>().ConfirmImpact);
            Assert.Equal(ConfirmImpact.High, typeof(RemoveTwilioIncomingPhoneNumberCommand).GetCustomAttribute<CmdletAttribute>().ConfirmImpact);

            using var s = new EmulatedSession();
            s.Run("Get-TwilioAvailablePhoneNumber -Type TollFree -First 1 | New-TwilioIncomingPhoneNumber -Force; New-TwilioIncomingPhoneNumber -AreaCode 206 -Force").ThrowIfFailed();
            PowerShellResult tollFree = s.Run("Get-TwilioIncomingPhoneNumber -Type TollFree");
            tollFree.ThrowIfFailed();
            Assert.Equal(Path(s, "/IncomingPhoneNumbers/TollFree.json"), s.LastRequest.Path);
            Assert.Single(tollFree.Output);
            Assert.Single(s.Run("Get-TwilioIncomingPhoneNumber -PhoneNumber '+1206'").Output);
            string text = s.Run("Get-TwilioIncomingPhoneNumber | Format-List | Out-String -Width 200").Output.Single().ToString();
            Assert.Contains("VoiceApplicationSid", text);
            Assert.Contains("AddressRequirements", text);
        }
    }
}
