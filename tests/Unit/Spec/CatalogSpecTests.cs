using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Client;
using Xunit;

namespace TwilioPS.Tests.Spec
{
    /// <summary>
    /// Every resource of the catalog against Twilio's official OpenAPI spec: each scope's paths exist
    /// with exactly the operations declared, the list envelope key is the spec's, and the model has a
    /// property for every field any scope returns. A new resource is checked here without a new test.
    /// </summary>
    public class CatalogSpecTests
    {
        public static IEnumerable<object[]> Scopes() =>
            ApiCatalog.All.SelectMany(r => r.Scopes).Select(s => new object[] { s.Resource.Name, s.Name });

        public static IEnumerable<object[]> Resources() => ApiCatalog.All.Select(r => new object[] { r.Name });

        private static ResourceScope Scope(string resource, string scope) =>
            ApiCatalog.All.Single(r => r.Name == resource).Scopes.Single(s => s.Name == scope);

        /// <summary>The model each catalog resource is read into, from the client's ResourceApi properties.</summary>
        private static Dictionary<ResourceDefinition, Type> Models() =>
            typeof(TwilioClient).GetProperties()
                .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(ResourceApi<>))
                .ToDictionary(
                    p => ApiCatalog.All.Single(r => r.Name == p.PropertyType.GetGenericArguments()[0].Name.Replace("Twilio", string.Empty)),
                    p => p.PropertyType.GetGenericArguments()[0]);

        private static string Pascal(string snake) =>
            string.Concat(snake.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));

        private static HashSet<string> Methods(string path) =>
            path == null || !OfficialSpec.Root.GetProperty("paths").TryGetProperty(path, out JsonElement item)
                ? new HashSet<string>()
                : item.EnumerateObject().Select(m => m.Name).Where(m => m == "get" || m == "post" || m == "delete").ToHashSet();

        private static JsonElement Resolve(JsonElement schema) =>
            schema.TryGetProperty("$ref", out JsonElement reference) ? OfficialSpec.Schema(reference.GetString().Split('/').Last()) : schema;

        private static JsonElement ResponseSchema(string path, string method)
        {
            JsonElement responses = OfficialSpec.Path2010(path).GetProperty(method).GetProperty("responses");
            JsonElement ok = responses.EnumerateObject().First(r => r.Name.StartsWith("2", StringComparison.Ordinal)).Value;
            return Resolve(ok.GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        }

        [Theory]
        [MemberData(nameof(Scopes))]
        public void Each_scope_has_exactly_the_spec_operations(string resource, string scopeName)
        {
            ResourceScope scope = Scope(resource, scopeName);
            HashSet<string> collection = Methods(scope.CollectionPath);
            HashSet<string> instance = Methods(scope.InstancePath);
            var declared = new List<string>();
            var spec = new List<string>();
            void Check(Operations operation, bool inSpec)
            {
                if (scope.Allows(operation)) declared.Add(operation.ToString());
                if (inSpec) spec.Add(operation.ToString());
            }
            Check(Operations.Create, collection.Contains("post"));
            Check(Operations.List, collection.Contains("get"));
            Check(Operations.Fetch, instance.Contains("get"));
            Check(Operations.Update, instance.Contains("post"));
            Check(Operations.Delete, instance.Contains("delete"));
            Assert.NotEmpty(declared);
            Assert.Equal(spec, declared);
        }

        [Theory]
        [MemberData(nameof(Scopes))]
        public void Each_list_has_the_spec_envelope_key(string resource, string scopeName)
        {
            ResourceScope scope = Scope(resource, scopeName);
            if (!scope.Allows(Operations.List)) return;
            JsonElement envelope = ResponseSchema(scope.CollectionPath, "get").GetProperty("properties");
            Assert.True(envelope.TryGetProperty(scope.Resource.EnvelopeKey, out JsonElement records), $"{scope.CollectionPath} lists no '{scope.Resource.EnvelopeKey}'");
            Assert.Equal("array", records.GetProperty("type").GetString());
            Assert.True(envelope.TryGetProperty("next_page_uri", out _));
        }

        [Theory]
        [MemberData(nameof(Resources))]
        public void Each_model_has_a_property_for_every_field_any_scope_returns(string resource)
        {
            ResourceDefinition definition = ApiCatalog.All.Single(r => r.Name == resource);
            Type model = Models()[definition];
            var modelled = model.GetProperties().Select(p => p.Name).ToHashSet();
            var missing = new SortedSet<string>();
            foreach (ResourceScope scope in definition.Scopes)
            {
                JsonElement record = scope.Allows(Operations.Fetch) ? ResponseSchema(scope.InstancePath, "get")
                    : scope.Allows(Operations.List) ? Resolve(ResponseSchema(scope.CollectionPath, "get").GetProperty("properties").GetProperty(definition.EnvelopeKey).GetProperty("items"))
                    : ResponseSchema(scope.CollectionPath, "post");
                foreach (JsonProperty field in record.GetProperty("properties").EnumerateObject())
                {
                    // A secret is never modelled: TwilioPS does not put an account's auth token in the pipeline.
                    if (field.Name == "auth_token") continue;
                    if (!modelled.Contains(Pascal(field.Name))) missing.Add($"{Pascal(field.Name)} ({scope.Name})");
                }
            }
            Assert.Empty(missing);
        }

        [Theory]
        [MemberData(nameof(Resources))]
        public void Each_resource_has_a_client_api_and_every_sid_prefix_matches_the_spec(string resource)
        {
            ResourceDefinition definition = ApiCatalog.All.Single(r => r.Name == resource);
            Assert.True(Models().ContainsKey(definition), $"TwilioClient has no ResourceApi for {resource}");
            if (definition.SidPrefix == null) return;
            foreach (ResourceScope scope in definition.Scopes.Where(s => s.Allows(Operations.Fetch)))
            {
                JsonElement identity = OfficialSpec.Path2010(scope.InstancePath).GetProperty("get").GetProperty("parameters").EnumerateArray()
                    .First(p => p.GetProperty("name").GetString() == definition.IdentityParameter);
                // The spec gives a pattern for most SIDs; where it has none (a participant's CallSid), the prefix is documented in words.
                if (identity.GetProperty("schema").TryGetProperty("pattern", out JsonElement pattern))
                    Assert.Equal(definition.SidPrefix.Contains("|") ? "^(" + definition.SidPrefix + ")[0-9a-fA-F]{32}$" : "^" + definition.SidPrefix + "[0-9a-fA-F]{32}$", pattern.GetString());
                else
                    Assert.Contains("Call", identity.GetProperty("description").GetString());
            }
        }

        /// <summary>The README tells users of other Twilio tools that the Sandbox resource is gone: the spec is the proof.</summary>
        [Fact]
        public void The_spec_has_no_Sandbox_resource_any_more()
        {
            string[] paths = OfficialSpec.Root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Contains("/2010-04-01/Accounts/{AccountSid}/Calls.json", paths);
            Assert.DoesNotContain(paths, p => p.IndexOf("Sandbox", StringComparison.OrdinalIgnoreCase) >= 0);
        }

        [Fact]
        public void Every_path_of_the_catalog_names_its_parameters_as_the_spec_does()
        {
            foreach (ResourceScope scope in ApiCatalog.All.SelectMany(r => r.Scopes))
            {
                foreach (string path in new[] { scope.CollectionPath, scope.InstancePath }.Where(p => p != null))
                {
                    Assert.True(OfficialSpec.Root.GetProperty("paths").TryGetProperty(path, out _), $"{scope}: {path} is not in the spec");
                }
            }
        }
    }
}
