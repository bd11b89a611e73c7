using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace TwilioPS.Client
{
    /// <summary>
    /// Create/fetch/update/delete/list for one account-scoped Twilio collection, e.g. Calls. A new
    /// resource family is one of these: its collection name, its list envelope key, its model.
    /// </summary>
    public sealed class ResourceApi<T>
    {
        private readonly TwilioHttp _http;
        private readonly string _collection;
        private readonly byte[] _recordsKey;
        private readonly JsonTypeInfo<T> _typeInfo;
        private readonly Func<CancellationToken, Task> _beforeCreate;

        /// <param name="collection">Path segment(s) under the account, e.g. "Calls".</param>
        /// <param name="recordsKey">The list envelope's array key, e.g. "calls".</param>
        /// <param name="beforeCreate">Awaited before every create (the call throttle), or null.</param>
        internal ResourceApi(TwilioHttp http, string collection, string recordsKey, JsonTypeInfo<T> typeInfo, Func<CancellationToken, Task> beforeCreate = null)
        {
            _http = http;
            _collection = collection;
            _recordsKey = Encoding.UTF8.GetBytes(recordsKey);
            _typeInfo = typeInfo;
            _beforeCreate = beforeCreate;
        }

        public Task<T> FetchAsync(string accountSid, string sid, CancellationToken cancellationToken) =>
            _http.SendAsync(HttpMethod.Get, ItemPath(accountSid, sid), null, _typeInfo, cancellationToken);

        public async Task<T> CreateAsync(string accountSid, FormBuilder form, CancellationToken cancellationToken)
        {
            if (_beforeCreate != null) await _beforeCreate(cancellationToken).ConfigureAwait(false);
            return await _http.SendAsync(HttpMethod.Post, CollectionPath(accountSid), form, _typeInfo, cancellationToken).ConfigureAwait(false);
        }

        public Task<T> UpdateAsync(string accountSid, string sid, FormBuilder form, CancellationToken cancellationToken) =>
            _http.SendAsync(HttpMethod.Post, ItemPath(accountSid, sid), form, _typeInfo, cancellationToken);

        public Task DeleteAsync(string accountSid, string sid, CancellationToken cancellationToken) =>
            _http.SendAsync(HttpMethod.Delete, ItemPath(accountSid, sid), cancellationToken);

        /// <summary>A pager over the list; <paramref name="query"/> holds filters, PageSize goes first.</summary>
        public TwilioPager<T> List(string accountSid, FormBuilder query, int pageSize)
        {
            var first = new StringBuilder(CollectionPath(accountSid))
                .Append("?PageSize=").Append(pageSize.ToString(CultureInfo.InvariantCulture));
            if (query != null && query.Count > 0) first.Append('&').Append(query.Encode());
            return new TwilioPager<T>(_http, first.ToString(), _recordsKey, _typeInfo);
        }

        public string CollectionPath(string accountSid) =>
            "/2010-04-01/Accounts/" + Uri.EscapeDataString(accountSid) + "/" + _collection + ".json";

        public string ItemPath(string accountSid, string sid) =>
            "/2010-04-01/Accounts/" + Uri.EscapeDataString(accountSid) + "/" + _collection + "/" + Uri.EscapeDataString(sid) + ".json";
    }
}
