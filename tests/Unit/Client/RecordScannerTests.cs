using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TwilioPS.Client;
using TwilioPS.Tests.Emulator;
using Xunit;

namespace TwilioPS.Tests.Client
{
    /// <summary>
    /// The pager's index pass finds records with <see cref="RecordScanner"/> and falls back to the
    /// JSON reader's skip for anything the scanner does not expect: every body must index exactly as
    /// the reader alone indexes it, or fail the same way.
    /// </summary>
    public class RecordScannerTests
    {
        private static readonly byte[] Calls = Encoding.UTF8.GetBytes("calls");

        private static string Describe(PageIndex index)
        {
            var parts = new List<string>();
            for (int i = 0; i < index.Bounds.Length; i += 2) parts.Add(index.Bounds[i] + "+" + index.Bounds[i + 1]);
            return string.Join(",", parts) + " next=" + (index.NextPageUri ?? "null");
        }

        private static void AssertSameIndex(string json)
        {
            byte[] body = Encoding.UTF8.GetBytes(json);
            Assert.Equal(Describe(PageIndex.Read(body, Calls, scanRecords: false)), Describe(PageIndex.Read(body, Calls, scanRecords: true)));
        }

        /// <summary>Bodies the scanner indexes itself.</summary>
        [Theory]
        [InlineData(@"{""calls"": [], ""next_page_uri"": null}")]
        [InlineData(@"{""calls"":[{""sid"":""CA1""}],""next_page_uri"":""/2010-04-01/Accounts/AC1/Calls.json?Page=1""}")]
        [InlineData(@"{""calls"": [ {""sid"": ""CA1""} , {""sid"": ""CA2""}
            ,{""sid"":""CA3""}
        ], ""page"": 0, ""next_page_uri"": ""/next""}")]
        // Quotes, backslashes and brackets inside strings, escaped or not.
        [InlineData(@"{""calls"": [{""to_formatted"": ""a \""quoted\"" } ] { [ name"", ""x"": ""\\"", ""y"": ""\\\\\"""", ""z"": ""\u0022}""}, {""sid"": ""CA2""}], ""next_page_uri"": null}")]
        // Nested objects and arrays, numbers, literals.
        [InlineData(@"{""calls"": [{""a"": {""b"": [1, 2.5e3, -3, {""c"": [true, false, null]}]}, ""d"": []}, {}], ""next_page_uri"": null}")]
        // The array last, members before it, next_page_uri before the array.
        [InlineData(@"{""next_page_uri"": ""/n"", ""meta"": {""calls"": [1]}, ""calls"": [{""sid"": ""CA1""}]}")]
        [InlineData("{\"calls\":\t[\r\n{\"sid\":\"CA1\"}\r\n]\r\n,\"next_page_uri\":null}")]
        public void The_scanner_indexes_as_the_reader_does(string json)
        {
            AssertSameIndex(json);
            byte[] body = Encoding.UTF8.GetBytes(json);
            // The list's own "calls" is the last one in these bodies (one nests another inside "meta").
            int open = Array.IndexOf(body, (byte)'[', json.LastIndexOf("\"calls\"", StringComparison.Ordinal));
            Assert.True(RecordScanner.Records(body, open + 1, new List<int>()) >= 0, "the scanner left this body to the reader");
        }

        /// <summary>Bodies the scanner leaves to the reader: indexed the same, or failing the same.</summary>
        [Theory]
        [InlineData(@"{""calls"": [null, {""sid"": ""CA1""}], ""next_page_uri"": null}")]
        [InlineData(@"{""calls"": [""CA1"", 2], ""next_page_uri"": null}")]
        [InlineData(@"{""calls"": [{""sid"": /* a comment */ ""CA1""}], ""next_page_uri"": null}")]
        public void Records_that_are_not_plain_objects_are_indexed_by_the_reader(string json)
        {
            AssertSameIndex(json);
            byte[] body = Encoding.UTF8.GetBytes(json);
            Assert.Equal(-1, RecordScanner.Records(body, json.IndexOf('[') + 1, new List<int>()));
        }

        [Theory]
        [InlineData(@"{""calls"": [{""sid"": ""CA1""},], ""next_page_uri"": null}")]
        [InlineData(@"{""calls"": [{""sid"": ""CA1""} {""sid"": ""CA2""}], ""next_page_uri"": null}")]
        [InlineData(@"{""calls"": [{""sid"": ""CA1""}")]
        [InlineData(@"{""calls"": [{""sid"": ""CA1")]
        [InlineData(@"{""calls"": [{""sid"": ""CA1\")]
        [InlineData(@"{""calls"": [{""sid"": """)]
        [InlineData(@"{""calls"": [{""sid"": ""CA1""}], ""next_page_uri"": ")]
        [InlineData(@"{""calls"": [{""sid"": ""CA1""}]] , ""next_page_uri"": null}")]
        public void Broken_bodies_fail_as_the_reader_fails(string json)
        {
            byte[] body = Encoding.UTF8.GetBytes(json);
            Assert.ThrowsAny<JsonException>(() => PageIndex.Read(body, Calls, scanRecords: false));
            Assert.ThrowsAny<JsonException>(() => PageIndex.Read(body, Calls, scanRecords: true));
        }

        [Fact]
        public async Task The_emulators_pages_index_the_same_way()
        {
            using var api = Api.WithClock(out _, o => o.SeedCalls = 300);
            await api.CreateCall("To", "+14155551212");
            ApiResponse page = await api.Get(api.CallsPath + "?PageSize=1000");
            AssertSameIndex(page.Body);
            Assert.True(PageIndex.Read(Encoding.UTF8.GetBytes(page.Body), Calls).Count > 300);
        }
    }
}
