using System;
using System.Collections.Generic;
using System.Text;
using TwilioPS.Catalog;

namespace TwilioPS.Emulator.Infrastructure
{
    /// <summary>The handlers of one resource family, one per operation; a scope only routes the ones it allows.</summary>
    internal sealed class ResourceHandlers
    {
        public RouteHandler Create { get; set; }
        public RouteHandler List { get; set; }
        public RouteHandler Fetch { get; set; }
        public RouteHandler Update { get; set; }
        public RouteHandler Delete { get; set; }
    }

    /// <summary>
    /// Routes a resource from its catalog declaration, so the emulator serves exactly the paths the
    /// module's client builds: per scope, Create (POST) and List (GET) on the collection path, Fetch
    /// (GET), Update (POST) and Delete (DELETE) on the instance path, and only what the scope allows.
    /// The handler finds the scope it was reached through in <see cref="RequestContext.Scope"/>.
    /// </summary>
    internal static class CatalogRoutes
    {
        public static void Map(Router router, ResourceDefinition resource, ResourceHandlers handlers)
        {
            foreach (ResourceScope scope in resource.Scopes)
            {
                MapOne(router, scope, Operations.Create, "POST", handlers.Create);
                MapOne(router, scope, Operations.List, "GET", handlers.List);
                MapOne(router, scope, Operations.Fetch, "GET", handlers.Fetch);
                MapOne(router, scope, Operations.Update, "POST", handlers.Update);
                MapOne(router, scope, Operations.Delete, "DELETE", handlers.Delete);
            }
        }

        /// <summary>
        /// Routes GET of a scope's instance path with another extension in place of ".json" (media:
        /// "{Sid}.wav", "{Sid}.mp3"; "" for the bare "{Sid}" that media_url names).
        /// </summary>
        public static void MapMedia(Router router, ResourceScope scope, string extension, RouteHandler handler)
        {
            const string Json = ".json";
            string path = scope.InstancePath;
            if (!path.EndsWith(Json, StringComparison.Ordinal))
                throw new InvalidOperationException(scope + ": the instance path " + path + " does not end in " + Json);
            router.Map("GET", path.Substring(0, path.Length - Json.Length) + extension, Scoped(scope, handler));
        }

        /// <summary>The path a record is reached at through the request's scope (its "uri"): the route's values and the record's key.</summary>
        public static string InstanceUri(RequestContext ctx, string key)
        {
            var values = new Dictionary<string, string>(ctx.RouteValues, StringComparer.Ordinal) { [ctx.Scope.Resource.IdentityParameter] = key };
            return Expand(ctx.Scope.InstancePath, values);
        }

        /// <summary>Routes a collection's resource: the family's own handlers where it has behaviour, the collection's generic ones otherwise.</summary>
        public static void Map<T>(Router router, ResourceCollection<T> collection, ResourceHandlers behaviour = null) where T : class, IStoredResource =>
            Map(router, collection.Resource, collection.Handlers(behaviour));

        /// <summary>A catalog path with its {Name} placeholders replaced by these values.</summary>
        public static string Expand(string template, IReadOnlyDictionary<string, string> values)
        {
            var path = new StringBuilder(template.Length + 64);
            int at = 0;
            for (int open = template.IndexOf('{'); open >= 0; open = template.IndexOf('{', at))
            {
                int close = template.IndexOf('}', open);
                path.Append(template, at, open - at);
                path.Append(values[template.Substring(open + 1, close - open - 1)]);
                at = close + 1;
            }
            return path.Append(template, at, template.Length - at).ToString();
        }

        private static void MapOne(Router router, ResourceScope scope, Operations operation, string method, RouteHandler handler)
        {
            if (!scope.Allows(operation)) return;
            if (handler == null) throw new InvalidOperationException(scope + " allows " + operation + " but the emulator has no handler for it.");
            router.Map(method, scope.PathFor(operation), Scoped(scope, handler));
        }

        private static RouteHandler Scoped(ResourceScope scope, RouteHandler handler) => ctx =>
        {
            ctx.Scope = scope;
            handler(ctx);
        };
    }
}
