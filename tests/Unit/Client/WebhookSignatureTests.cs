using System.Collections.Generic;
using System.Linq;
using TwilioPS.Client;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Client
{
    /// <summary>Twilio's webhook signature against the vectors its documentation and helper libraries publish.</summary>
    public class WebhookSignatureTests
    {
        private const string Token = "12345";
        private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";

        private static readonly Dictionary<string, string> Form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = "+12349013030", ["Digits"] = "1234",
            ["From"] = "+12349013030", ["To"] = "+18005551212",
        };

        [Fact]
        public void A_form_POST_matches_Twilios_published_signature()
        {
            Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", WebhookSignature.Compute(Token, Url, Form));
            Assert.True(WebhookSignature.IsValid(Token, Url, Form, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        }

        [Fact]
        public void Parameter_order_does_not_matter_but_every_name_and_value_does()
        {
            var reversed = Form.Reverse().ToList();
            Assert.True(WebhookSignature.IsValid(Token, Url, reversed, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
            var changed = new Dictionary<string, string>(Form) { ["Digits"] = "1235" };
            Assert.False(WebhookSignature.IsValid(Token, Url, changed, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
            Assert.False(WebhookSignature.IsValid("54321", Url, Form, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
            Assert.False(WebhookSignature.IsValid(Token, Url.Replace("https", "http"), Form, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        }

        [Theory]
        [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2")]
        [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2")]
        public void The_standard_port_may_be_in_the_signed_URL_or_not(string received)
        {
            string signedWithPort = WebhookSignature.Compute(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Form);
            string signedWithout = WebhookSignature.Compute(Token, "https://mycompany.com/myapp.php?foo=1&bar=2", Form);
            Assert.True(WebhookSignature.IsValid(Token, received, Form, signedWithPort));
            Assert.True(WebhookSignature.IsValid(Token, received, Form, signedWithout));
            Assert.False(WebhookSignature.IsValid(Token, "https://mycompany.com:8443/myapp.php?foo=1&bar=2", Form, signedWithout));
        }

        [Fact]
        public void Repeated_names_are_signed_value_by_value_in_order()
        {
            var list = new[]
            {
                new KeyValuePair<string, string>("StatusCallbackEvent", "ringing"),
                new KeyValuePair<string, string>("StatusCallbackEvent", "answered"),
            };
            string expected = WebhookSignature.Compute(Token, Url, new[]
            {
                new KeyValuePair<string, string>("StatusCallbackEvent", "answered"),
                new KeyValuePair<string, string>("StatusCallbackEvent", "ringing"),
            });
            Assert.True(WebhookSignature.IsValid(Token, Url, list, expected));
        }

        [Fact]
        public void A_JSON_body_is_checked_through_its_bodySHA256_and_the_URL_signature()
        {
            const string Body = "{\"property\": \"value\", \"boolean\": true}";
            const string Signed = Url + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
            Assert.True(WebhookSignature.IsValidJson(Token, Signed, Body, "a9nBmqA0ju/hNViExpshrM61xv4="));
            Assert.False(WebhookSignature.IsValidJson(Token, Signed, Body.Replace("true", "false"), "a9nBmqA0ju/hNViExpshrM61xv4="));
            Assert.False(WebhookSignature.IsValidJson(Token, Url, Body, "a9nBmqA0ju/hNViExpshrM61xv4="));
        }

        [Fact]
        public void The_cmdlet_checks_with_the_connections_token_or_the_one_given()
        {
            using var s = new EmulatedSession();
            s.PowerShell.SetVariable("form", new System.Collections.Hashtable(Form));
            s.PowerShell.SetVariable("token", EmulatedSession.Secure(Token));
            PowerShellResult given = s.Run("Test-TwilioSignature -Url $args[0] -Signature '0/KCTR6DLpKmkAf8muzZqo1nDgQ=' -Parameters $form -AuthToken $token", Url);
            given.ThrowIfFailed();
            Assert.True((bool)given.Output.Single().BaseObject);

            // The emulator's token differs from the vector's, so the connection's token says false.
            PowerShellResult connection = s.Run("Test-TwilioSignature -Url $args[0] -Signature '0/KCTR6DLpKmkAf8muzZqo1nDgQ=' -Parameters $form", Url);
            connection.ThrowIfFailed();
            Assert.False((bool)connection.Output.Single().BaseObject);
            string signed = WebhookSignature.Compute(s.Emulator.AuthToken, Url, Form);
            Assert.True((bool)s.Run("Test-TwilioSignature $args[0] $args[1] -Parameters $form", Url, signed).Output.Single().BaseObject);
            Assert.Equal(0, s.RequestsSinceConnect);
        }

        /// <summary>Twilio signs the absolute URL it requested: a relative one could never match, so it is refused, not answered false.</summary>
        [Fact]
        public void A_relative_URL_is_refused_before_checking()
        {
            using var s = new EmulatedSession();
            s.PowerShell.SetVariable("form", new System.Collections.Hashtable(Form));
            PowerShellResult r = s.Run("Test-TwilioSignature -Url '/voice.xml' -Signature '0/KCTR6DLpKmkAf8muzZqo1nDgQ=' -Parameters $form");
            Assert.Empty(r.Output);
            Assert.Contains("'/voice.xml' is not an absolute http or https URL", Assert.Single(r.Errors).Exception.Message);
        }
    }
}
