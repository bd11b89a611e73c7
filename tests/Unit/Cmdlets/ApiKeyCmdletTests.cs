using System;
using System.Linq;
using System.Net;
using System.Security;
using TwilioPS.Client;
using TwilioPS.Connection;
using TwilioPS.Models;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Cmdlets
{
    /// <summary>API keys: the secret shown nowhere, a new key piped into Connect-Twilio, and a removed key's connection refused.</summary>
    public class ApiKeyCmdletTests
    {
        private static string Plain(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;

        [Fact]
        public void A_new_keys_secret_is_a_SecureString_and_no_stream_ToString_or_view_carries_it()
        {
            using var s = new EmulatedSession();
            PowerShellResult created = s.Run(@"$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
                $key = New-TwilioApiKey 'Nightly report runbook' -Verbose -Debug
                $key
                $key | Format-List * | Out-String
                $key | Format-Table | Out-String
                $key | ConvertTo-Json -Depth 3
                ""$key""
                $key.ToString()
                Get-TwilioApiKey $key.Sid -Verbose -Debug | Format-List * | Out-String
                Set-TwilioApiKey SK00000000000000000000000000000000 'renamed' -Verbose -Debug
                Get-TwilioApiKey -All -Verbose -Debug | Format-List * | Out-String");
            Assert.Null(created.Terminating);
            TwilioApiKey key = created.Objects<TwilioApiKey>().First();
            Assert.Matches("^SK[0-9a-f]{32}$", key.Sid);
            Assert.Equal(s.Emulator.AccountSid, key.AccountSid);
            string secret = Plain(key.Secret);
            Assert.Equal(32, secret.Length);
            // The capture did record verbose output and an error from the server, so the secret's absence means something.
            Assert.NotEmpty(created.Verbose);
            Assert.Equal("Twilio20404", Assert.Single(created.Errors).FullyQualifiedErrorId.Split(',')[0]);

            string everything = string.Join("\n", created.AllText().Concat(created.Output.Select(o => o?.BaseObject?.ToString())));
            Assert.DoesNotContain(secret, everything);
            Assert.Contains(key.Sid, everything);

            // Read again, a key has no secret: Twilio returns it once.
            TwilioApiKey again = s.Run("Get-TwilioApiKey $args[0]", key.Sid).Objects<TwilioApiKey>().Single();
            Assert.Null(again.Secret);
            Assert.Equal("Nightly report runbook", again.FriendlyName);
        }

        [Fact]
        public void A_new_key_piped_into_Connect_Twilio_is_a_working_connection_until_the_key_is_removed()
        {
            using var s = new EmulatedSession(seedCalls: 2);
            PowerShellResult connected = s.Run("$owner = Get-TwilioContext; $runbook = New-TwilioApiKey 'runbook' | Connect-Twilio -BaseUri $EmulatorUri -PassThru; $runbook");
            connected.ThrowIfFailed();
            TwilioConnection runbook = connected.Objects<TwilioConnection>().Single();
            Assert.Equal(TwilioCredentialKind.ApiKey, runbook.CredentialKind);
            Assert.Equal(s.Emulator.AccountSid, runbook.AccountSid);
            string keySid = runbook.ApiKeySid;
            Assert.Matches("^SK[0-9a-f]{32}$", keySid);
            Assert.Equal(keySid, s.LastRequest.AuthUsername);   // the verification request used the new key

            PowerShellResult listed = s.Run("Get-TwilioCall -Connection $runbook");
            listed.ThrowIfFailed();
            Assert.Equal(2, listed.Objects<TwilioCall>().Count());
            Assert.Equal(keySid, s.LastRequest.AuthUsername);

            // The owner's connection removes the key; the runbook's requests are refused from then on.
            s.Run("Connect-Twilio -BaseUri $EmulatorUri -Credential $EmulatorCredential; Remove-TwilioApiKey $args[0] -Force", keySid).ThrowIfFailed();
            PowerShellResult refused = s.Run("Get-TwilioCall -Connection $runbook");
            Assert.Empty(refused.Objects<TwilioCall>());
            var error = Assert.Single(refused.Errors);
            Assert.Equal("Twilio20003", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(System.Management.Automation.ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Contains("credential", error.ErrorDetails.Message, StringComparison.OrdinalIgnoreCase);

            // The owner's own connection still works.
            s.Run("Get-TwilioCall").ThrowIfFailed();
        }

        [Fact]
        public void Keys_are_listed_renamed_and_removed_only_after_confirmation()
        {
            using var s = new EmulatedSession();
            string sid = s.Run("(New-TwilioApiKey 'CI').Sid").Output.Single().ToString();
            Assert.Equal("CI (old)", s.Run("(Get-TwilioApiKey $args[0] | Set-TwilioApiKey -FriendlyName 'CI (old)').FriendlyName", sid).Output.Single().ToString());
            Assert.Contains(sid, s.Run("Get-TwilioApiKey -All | ForEach-Object Sid").Output.Select(o => o.ToString()));

            long before = s.Emulator.RequestCount;
            s.Run("Remove-TwilioApiKey $args[0] -WhatIf", sid).ThrowIfFailed();
            Assert.Equal(before, s.Emulator.RequestCount);
            s.Run("Get-TwilioApiKey $args[0] | Remove-TwilioApiKey -Force", sid).ThrowIfFailed();
            Assert.DoesNotContain(sid, s.Run("Get-TwilioApiKey -All | ForEach-Object Sid").Output.Select(o => o.ToString()));
            Assert.Equal(System.Management.Automation.ConfirmImpact.High,
                ((System.Management.Automation.CmdletAttribute)Attribute.GetCustomAttribute(typeof(TwilioPS.Cmdlets.ApiKeys.RemoveTwilioApiKeyCommand),
                    typeof(System.Management.Automation.CmdletAttribute))).ConfirmImpact);
        }

        [Fact]
        public void A_suspended_subaccount_fails_with_20005_until_reactivated_and_a_closed_one_never_returns()
        {
            using var s = new EmulatedSession(seedCalls: 1);
            string sub = s.Emulator.CreateSubaccount("Tenant");
            s.Emulator.SeedCalls(3, sub);
            s.PowerShell.SetVariable("sub", sub);
            s.PowerShell.SetVariable("subCredential", new System.Management.Automation.PSCredential(sub, EmulatedSession.Secure(s.Emulator.GetAuthToken(sub))));
            s.Run("$tenant = Connect-Twilio -BaseUri $EmulatorUri -Credential $subCredential -PassThru; Connect-Twilio -BaseUri $EmulatorUri -Credential $EmulatorCredential").ThrowIfFailed();

            s.Run("Set-TwilioAccount -AccountSid $sub -Status suspended").ThrowIfFailed();
            foreach (string script in new[] { "Get-TwilioCall -AccountSid $sub", "Get-TwilioCall -Connection $tenant" })
            {
                PowerShellResult refused = s.Run(script);
                Assert.Empty(refused.Output);
                Assert.Equal("Twilio20005", Assert.Single(refused.Errors).FullyQualifiedErrorId.Split(',')[0]);
                Assert.Contains("Account not active", refused.Errors[0].ErrorDetails.Message);
            }
            s.Run("Get-TwilioCall").ThrowIfFailed();   // the main account is untouched

            s.Run("Set-TwilioAccount -AccountSid $sub -Status active").ThrowIfFailed();
            Assert.Equal(3, s.Run("Get-TwilioCall -AccountSid $sub").Output.Count);
            Assert.Equal(3, s.Run("Get-TwilioCall -Connection $tenant").Output.Count);

            s.Run("Set-TwilioAccount -AccountSid $sub -Status closed -Force").ThrowIfFailed();
            Assert.Equal("Twilio20003", Assert.Single(s.Run("Get-TwilioCall -Connection $tenant").Errors).FullyQualifiedErrorId.Split(',')[0]);
            PowerShellResult reopen = s.Run("Set-TwilioAccount -AccountSid $sub -Status active");
            Assert.Equal("Twilio21100", Assert.Single(reopen.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal("Twilio20005", Assert.Single(s.Run("Get-TwilioCall -AccountSid $sub").Errors).FullyQualifiedErrorId.Split(',')[0]);
        }
    }
}
