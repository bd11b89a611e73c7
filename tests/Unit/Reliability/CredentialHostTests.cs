using System;
using System.Linq;
using TwilioPS.Connection;
using TwilioPS.Tests.Cmdlets;
using TwilioPS.Tests.Hosting;
using Xunit;

namespace TwilioPS.Tests.Reliability
{
    /// <summary>Kind 1: a region or edge from the environment never chooses where the credential goes.</summary>
    [Collection(EnvironmentCollection.Name)]
    public class CredentialHostTests : IDisposable
    {
        private static readonly string[] Variables =
            { "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET", "TWILIO_EDGE", "TWILIO_REGION" };

        public CredentialHostTests()
        {
            foreach (string name in Variables) Environment.SetEnvironmentVariable(name, null);
        }

        public void Dispose()
        {
            foreach (string name in Variables) Environment.SetEnvironmentVariable(name, null);
        }

        public static TheoryData<string, string, string> HostileValues => new TheoryData<string, string, string>
        {
            { "TWILIO_REGION", "x@evil.example:443/?", "InvalidEnvironmentRegion" },
            { "TWILIO_REGION", "ie1.evil.example#", "InvalidEnvironmentRegion" },
            { "TWILIO_REGION", "us1/../x", "InvalidEnvironmentRegion" },
            { "TWILIO_REGION", "us1\nHost: evil.example", "InvalidEnvironmentRegion" },
            { "TWILIO_EDGE", "x@evil.example:443/?", "InvalidEnvironmentEdge" },
            { "TWILIO_EDGE", "sydney.evil.example/", "InvalidEnvironmentEdge" },
            { "TWILIO_EDGE", "evil.example:443#", "InvalidEnvironmentEdge" },
        };

        [Theory]
        [MemberData(nameof(HostileValues))]
        public void A_hostile_environment_region_or_edge_stops_Connect_before_any_request(string variable, string value, string errorId)
        {
            using var server = new HostileServer((_, x) => x.JsonAsync(500, "{}"));
            using var ps = new PowerShellSession();
            Environment.SetEnvironmentVariable("TWILIO_ACCOUNT_SID", HostileServer.AccountSid);
            Environment.SetEnvironmentVariable("TWILIO_AUTH_TOKEN", HostileSession.AuthToken);
            Environment.SetEnvironmentVariable(variable, value);
            ps.SetVariable("uri", server.BaseUri);

            // With and without -BaseUri: the value is validated wherever it comes from, used or not.
            foreach (string script in new[] { "Connect-Twilio -BaseUri $uri -MaxRetries 0", "Connect-Twilio -MaxRetries 0 -TimeoutSec 1" })
            {
                PowerShellResult r = ps.Run(script);
                Assert.NotNull(r.FirstError);
                Assert.StartsWith(errorId, r.FirstError.FullyQualifiedErrorId);
                Assert.Contains(variable, r.FirstError.Exception.Message);
            }
            Assert.Empty(server.AllRequests);
            Assert.Empty(ps.Run("Get-TwilioContext").Output);
        }

        [Theory]
        [InlineData("sydney", "au1", "https://api.sydney.au1.twilio.com/")]
        [InlineData("Dublin", "IE1", "https://api.dublin.ie1.twilio.com/")]
        [InlineData(null, "us2", "https://api.us2.twilio.com/")]
        [InlineData("tokyo", null, "https://api.tokyo.us1.twilio.com/")]
        public void Valid_environment_region_and_edge_choose_Twilios_host(string edge, string region, string expected)
        {
            Assert.Equal(expected, TwilioConnectionSettings.TwilioBaseUri(edge, region).ToString());
        }

        [Fact]
        public void The_edge_parameter_and_the_environment_accept_the_same_edges()
        {
            var property = typeof(TwilioPS.Cmdlets.Session.ConnectTwilioCommand).GetProperty("Edge");
            var set = (System.Management.Automation.ValidateSetAttribute)Attribute.GetCustomAttribute(property, typeof(System.Management.Automation.ValidateSetAttribute));
            Assert.Equal(set.ValidValues.OrderBy(v => v), TwilioPS.Validation.TwilioLocation.Edges.OrderBy(v => v));
        }

        [Theory]
        [InlineData("x@evil.example:443/?", null)]
        [InlineData("sydney", "x@evil.example:443/?")]
        [InlineData(null, "au1\n")]
        [InlineData("sydney\n", "au1")]
        [InlineData("evil.example/", "au1")]
        public void The_host_builder_itself_refuses_what_is_not_an_edge_or_region(string edge, string region)
        {
            Assert.Throws<ArgumentException>(() => TwilioConnectionSettings.TwilioBaseUri(edge, region));
        }
    }
}
