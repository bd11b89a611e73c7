using System.Linq;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>Accounts and subaccounts: the default account, wildcard names, piping accounts into other families, no auth token.</summary>
    public class AccountCmdletTests
    {
        [Fact]
        public void Without_parameters_it_is_the_connections_account_and_the_auth_token_never_shows()
        {
            using var s = new EmulatedSession();
            PowerShellResult r = s.Run("Get-TwilioAccount");
            r.ThrowIfFailed();
            TwilioAccount account = Assert.Single(r.Objects<TwilioAccount>());
            Assert.Equal(s.Emulator.AccountSid, account.Sid);
            Assert.Equal(account.Sid, account.AccountSid);
            Assert.True(account.AdditionalProperties == null || !account.AdditionalProperties.ContainsKey("auth_token"));
            PowerShellResult shown = s.Run("Get-TwilioAccount | Format-List * | Out-String; Get-TwilioAccount -FriendlyName * -All | Format-List * | Out-String");
            Assert.DoesNotContain(s.Emulator.AuthToken, string.Concat(shown.AllText()));
        }

        [Fact]
        public void Accounts_piped_into_other_families_act_in_each_subaccount()
        {
            using var s = new EmulatedSession();
            string eu1 = s.Emulator.CreateSubaccount("EU-Paris");
            string eu2 = s.Emulator.CreateSubaccount("EU-Berlin");
            s.Emulator.CreateSubaccount("US-Austin");
            s.Emulator.ClearRequests();

            PowerShellResult r = s.Run("Get-TwilioAccount -FriendlyName 'eu-*' -All | Get-TwilioCall -Status failed");
            r.ThrowIfFailed();
            var callLists = s.Emulator.Requests.Where(q => q.Path.EndsWith("/Calls.json", System.StringComparison.Ordinal)).Select(q => q.Path).OrderBy(p => p).ToArray();
            Assert.Equal(new[] { eu1, eu2 }.Select(sid => "/2010-04-01/Accounts/" + sid + "/Calls.json").OrderBy(p => p), callLists);
            Assert.Null(s.Emulator.Requests.First().QueryValue("FriendlyName"));   // a wildcard is matched here, not sent

            Assert.Equal("EU-Paris", s.Run("(Get-TwilioAccount -AccountSid $args[0]).FriendlyName", eu1).Output.Single().ToString());
        }

        [Fact]
        public void A_subaccount_is_created_renamed_suspended_and_closed_only_with_Force()
        {
            using var s = new EmulatedSession();
            PowerShellResult created = s.Run("New-TwilioAccount 'Staging'");
            created.ThrowIfFailed();
            string sid = created.Objects<TwilioAccount>().Single().Sid;
            Assert.Equal("active", created.Objects<TwilioAccount>().Single().Status);

            Assert.Equal("suspended", s.Run("(Set-TwilioAccount -AccountSid $args[0] -Status suspended).Status", sid).Output.Single().ToString());
            Assert.Equal("Staging 2", s.Run("(Set-TwilioAccount -AccountSid $args[0] -FriendlyName 'Staging 2').FriendlyName", sid).Output.Single().ToString());

            long before = s.Emulator.RequestCount;
            s.Run("Get-TwilioAccount -AccountSid $args[0] | Set-TwilioAccount -Status closed -Force -WhatIf", sid).ThrowIfFailed();
            Assert.Equal(before + 1, s.Emulator.RequestCount);   // the fetch only
            Assert.Equal("closed", s.Run("(Get-TwilioAccount -AccountSid $args[0] | Set-TwilioAccount -Status closed -Force).Status", sid).Output.Single().ToString());
        }
    }
}
