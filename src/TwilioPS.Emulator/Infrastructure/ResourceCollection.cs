using System;
using System.Collections.Generic;
using System.Text.Json;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Resources;

namespace TwilioPS.Emulator.Infrastructure
{
    /// <summary>
    /// The records of one catalog resource, a <see cref="SortedStore{T}"/> per account (so a subaccount
    /// never sees its parent's records), and the generic operations a family only declares: fetch
    /// (404 20404), list (newest first, with the spec's filters and Twilio's paging) and delete (204, or
    /// a family's refusal). A family declares its filters, its parents, what a request may see and how a
    /// record is written; hand-written handlers remain only for real behaviour (create, update, media).
    /// </summary>
    internal sealed class ResourceCollection<T> where T : class, IStoredResource
    {
        private readonly Dictionary<string, SortedStore<T>> _byAccount = new Dictionary<string, SortedStore<T>>(StringComparer.Ordinal);
        private readonly Func<string, SortedStore<T>> _storeOf;
        private readonly Dictionary<string, Func<string, Func<T, DateTimeOffset, bool>>> _filters =
            new Dictionary<string, Func<string, Func<T, DateTimeOffset, bool>>>(StringComparer.Ordinal);
        private readonly List<KeyValuePair<string, Func<T, string>>> _parents = new List<KeyValuePair<string, Func<T, string>>>();
        private readonly List<KeyValuePair<string, Func<RequestContext, string, bool>>> _parentChecks =
            new List<KeyValuePair<string, Func<RequestContext, string, bool>>>();

        /// <param name="storeOf">Where an account's records live when another owner keeps them (queues in the account's
        /// call flows, media beside their messages); by default the collection keeps one store per account itself.</param>
        public ResourceCollection(ResourceDefinition resource, Func<string, SortedStore<T>> storeOf = null)
        {
            Resource = resource;
            _storeOf = storeOf ?? OwnStore;
        }

        public ResourceDefinition Resource { get; }

        /// <summary>Whether the request may see a record (it exists yet, is not deleted); null: every stored record.</summary>
        public Func<RequestContext, T, bool> Visible { get; set; }

        /// <summary>Writes one record as fetched, created or updated.</summary>
        public Action<RequestContext, Utf8JsonWriter, T> Write { get; set; }

        /// <summary>Writes one record in a list page, where the spec's list form differs from the instance; null: <see cref="Write"/>.</summary>
        public Action<RequestContext, Utf8JsonWriter, T> WriteInList { get; set; }

        /// <summary>What a delete does to the record found: throw to refuse it, or delete softly; null: remove it from the store.</summary>
        public Action<RequestContext, T> Delete { get; set; }

        /// <summary>A record reached by a name other than its SID (a call's "Twilio.CURRENT" recording); null if none or not found.</summary>
        public Func<RequestContext, string, T> Alias { get; set; }

        /// <summary>A lock every operation holds, for records that change under their owner's lock (queues); null: none.</summary>
        public Func<RequestContext, object> Gate { get; set; }

        public SortedStore<T> For(string accountSid) => _storeOf(accountSid);

        private SortedStore<T> OwnStore(string accountSid)
        {
            lock (_byAccount)
            {
                if (!_byAccount.TryGetValue(accountSid, out SortedStore<T> store))
                    _byAccount[accountSid] = store = new SortedStore<T>();
                return store;
            }
        }

        // ---- declarations -----------------------------------------------------------------------

        /// <summary>
        /// A scope's parent: a route carrying {<paramref name="routeParameter"/>} reaches only the records whose
        /// <paramref name="sidOf"/> it names, and answers 404 when <paramref name="exists"/> says the parent itself does not.
        /// </summary>
        public ResourceCollection<T> Parent(string routeParameter, Func<T, string> sidOf, Func<RequestContext, string, bool> exists = null)
        {
            _parents.Add(new KeyValuePair<string, Func<T, string>>(routeParameter, sidOf));
            if (exists != null) _parentChecks.Add(new KeyValuePair<string, Func<RequestContext, string, bool>>(routeParameter, exists));
            return this;
        }

        /// <summary>An equality filter (To=…, Status=…), its value checked against <paramref name="allowed"/> when given.</summary>
        public ResourceCollection<T> Filter(string name, Func<T, DateTimeOffset, string> valueOf, params string[] allowed)
        {
            _filters[name] = value =>
            {
                if (allowed.Length > 0) Validate.Enum(name, value, allowed);
                return (record, now) => valueOf(record, now) == value;
            };
            return this;
        }

        /// <summary>A filter that is not equality (a partial phone number): <paramref name="test"/> validates the value and makes the test.</summary>
        public ResourceCollection<T> Filter(string name, Func<string, Func<T, bool>> test)
        {
            _filters[name] = value =>
            {
                Func<T, bool> matches = test(value);
                return (record, now) => matches(record);
            };
            return this;
        }

        /// <summary>
        /// A date filter as the spec names them: "X" matches that UTC day, "X&lt;" on or before, "X&gt;" on or
        /// after. A record without the date (a call not yet started) never matches.
        /// </summary>
        public ResourceCollection<T> DateFilter(string name, Func<T, DateTimeOffset, DateTimeOffset?> valueOf)
        {
            foreach (string form in new[] { name, name + "<", name + ">" })
            {
                string key = form;
                _filters[key] = value =>
                {
                    Func<DateTimeOffset, bool> test = Validate.DateFilterTest(key, value);
                    return (record, now) =>
                    {
                        DateTimeOffset? at = valueOf(record, now);
                        return at.HasValue && test(at.Value);
                    };
                };
            }
            return this;
        }

        // ---- operations -------------------------------------------------------------------------

        /// <summary>The route's record as the request may see it, under the route's parents; 404 otherwise.</summary>
        public T Find(RequestContext ctx)
        {
            CheckParents(ctx);
            string sid = ctx.Route(Resource.IdentityParameter);
            T record = Alias?.Invoke(ctx, sid);
            if (record == null && !For(ctx.Account.Sid).TryGet(sid, out record)) record = null;
            if (record == null || !UnderRoutedParents(ctx, record) || (Visible != null && !Visible(ctx, record)))
                throw TwilioErrors.NotFound(ctx.Request.Path);
            return record;
        }

        public void Respond(RequestContext ctx, int status, T record) => ctx.Json(status, w => Write(ctx, w, record));

        /// <summary>The handlers for the catalog's operations: a family's own where it has behaviour, the generic list, fetch and delete otherwise.</summary>
        public ResourceHandlers Handlers(ResourceHandlers behaviour = null) => new ResourceHandlers
        {
            Create = behaviour?.Create,
            Update = behaviour?.Update,
            List = behaviour?.List ?? List,
            Fetch = behaviour?.Fetch ?? Fetch,
            Delete = behaviour?.Delete ?? DeleteOne,
        };

        public void Fetch(RequestContext ctx) => Guarded(ctx, () => Respond(ctx, 200, Find(ctx)));

        /// <summary>Newest first; the declared filters and parents, then <see cref="Visible"/>. Unknown query parameters are ignored, as Twilio does.</summary>
        public void List(RequestContext ctx)
        {
            CheckParents(ctx);
            ListRequest request = ListRequest.Parse(ctx.Request.Query);
            DateTimeOffset now = ctx.Now;
            var tests = new List<Func<T, DateTimeOffset, bool>>();
            foreach (KeyValuePair<string, string> f in request.Filters)
                // A parent in the route wins over the same name in the query.
                if (_filters.TryGetValue(f.Key, out Func<string, Func<T, DateTimeOffset, bool>> make) && ctx.Route(f.Key) == null)
                    tests.Add(make(f.Value));
            foreach (KeyValuePair<string, Func<T, string>> parent in _parents)
            {
                string routed = ctx.Route(parent.Key);
                Func<T, string> sidOf = parent.Value;
                if (routed != null) tests.Add((record, at) => sidOf(record) == routed);
            }
            Func<RequestContext, T, bool> visible = Visible;
            Func<T, bool> filter = null;
            if (tests.Count > 0 || visible != null)
            {
                Func<T, DateTimeOffset, bool>[] all = tests.ToArray();
                filter = record =>
                {
                    for (int i = 0; i < all.Length; i++) if (!all[i](record, now)) return false;
                    return visible == null || visible(ctx, record);
                };
            }
            Action<RequestContext, Utf8JsonWriter, T> write = WriteInList ?? Write;
            string path = CatalogRoutes.Expand(ctx.Scope.CollectionPath, ctx.RouteValues);
            Guarded(ctx, () =>
            {
                PageSlice<T> slice = For(ctx.Account.Sid).ReadPage(filter, request.PageSize, request.Page, request.PageToken);
                ctx.Json(200, w => ListEnvelope.Write(w, Resource.EnvelopeKey, path, request, slice, (jw, record) => write(ctx, jw, record)));
            });
        }

        private void DeleteOne(RequestContext ctx)
        {
            Guarded(ctx, () =>
            {
                T record = Find(ctx);
                if (Delete != null) Delete(ctx, record);
                else if (!For(ctx.Account.Sid).Remove(record.Sid)) throw TwilioErrors.NotFound(ctx.Request.Path);
            });
            ctx.NoContent();
        }

        private void CheckParents(RequestContext ctx)
        {
            foreach (KeyValuePair<string, Func<RequestContext, string, bool>> check in _parentChecks)
            {
                string routed = ctx.Route(check.Key);
                if (routed != null && !check.Value(ctx, routed)) throw TwilioErrors.NotFound(ctx.Request.Path);
            }
        }

        private bool UnderRoutedParents(RequestContext ctx, T record)
        {
            foreach (KeyValuePair<string, Func<T, string>> parent in _parents)
            {
                string routed = ctx.Route(parent.Key);
                if (routed != null && routed != parent.Value(record)) return false;
            }
            return true;
        }

        private void Guarded(RequestContext ctx, Action action)
        {
            object gate = Gate?.Invoke(ctx);
            if (gate == null) { action(); return; }
            lock (gate) action();
        }
    }
}
