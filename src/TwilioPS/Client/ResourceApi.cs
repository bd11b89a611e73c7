using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using TwilioPS.Catalog;

namespace TwilioPS.Client
{
    /// <summary>
    /// Create/fetch/update/delete/list for one catalog resource, in whichever of its scopes the path
    /// values name (see <see cref="ResourcePath"/>). A new resource family is one of these: its
    /// catalog entry and its model; nothing here changes.
    /// </summary>
    public sealed class ResourceApi<T>
    {
        private readonly TwilioHttp _http;
        private readonly byte[] _recordsKey;
        private readonly JsonTypeInfo<T> _typeInfo;
        private readonly Func<CancellationToken, Task> _beforeCreate;

        /// <param name="beforeCreate">Awaited before every create (the call throttle, for resources that place calls), or null.</param>
        internal ResourceApi(TwilioHttp http, ResourceDefinition resource, JsonTypeInfo<T> typeInfo, Func<CancellationToken, Task> beforeCreate = null)
        {
            _http = http;
            Resource = resource;
            // A resource that is never listed (message feedback) has no envelope key.
            _recordsKey = resource.EnvelopeKey == null ? null : Encoding.UTF8.GetBytes(resource.EnvelopeKey);
            _typeInfo = typeInfo;
            _beforeCreate = beforeCreate;
        }

        internal ResourceDefinition Resource { get; }

        public Task<T> FetchAsync(ResourcePath path, CancellationToken cancellationToken) =>
            _http.SendAsync(HttpMethod.Get, path.PathFor(Resource, Operations.Fetch), null, _typeInfo, cancellationToken);

        public Task<T> CreateAsync(ResourcePath path, FormBuilder form, CancellationToken cancellationToken) =>
            CreateAsync(path, form, _typeInfo, cancellationToken);

        /// <summary>
        /// A create whose answer is another resource than the one it creates (a caller ID's
        /// validation request answers with the code to key in).
        /// </summary>
        public async Task<TCreated> CreateAsync<TCreated>(ResourcePath path, FormBuilder form, JsonTypeInfo<TCreated> answer, CancellationToken cancellationToken)
        {
            string target = path.PathFor(Resource, Operations.Create);
            if (_beforeCreate != null) await _beforeCreate(cancellationToken).ConfigureAwait(false);
            return await _http.SendAsync(HttpMethod.Post, target, form, answer, cancellationToken).ConfigureAwait(false);
        }

        public Task<T> UpdateAsync(ResourcePath path, FormBuilder form, CancellationToken cancellationToken) =>
            _http.SendAsync(HttpMethod.Post, path.PathFor(Resource, Operations.Update), form, _typeInfo, cancellationToken);

        public Task DeleteAsync(ResourcePath path, CancellationToken cancellationToken) =>
            _http.SendAsync(HttpMethod.Delete, path.PathFor(Resource, Operations.Delete), cancellationToken);

        /// <summary>A pager over the list; <paramref name="query"/> holds filters, PageSize goes first.</summary>
        public TwilioPager<T> List(ResourcePath path, FormBuilder query, int pageSize)
        {
            var first = new StringBuilder(path.PathFor(Resource, Operations.List))
                .Append("?PageSize=").Append(pageSize.ToString(CultureInfo.InvariantCulture));
            if (query != null && query.Count > 0) first.Append('&').Append(query.Encode());
            return new TwilioPager<T>(_http, first.ToString(), _recordsKey, _typeInfo);
        }

        /// <summary>
        /// The instance's path with another extension in place of ".json": a recording's ".wav" or
        /// ".mp3", a transcription's ".txt".
        /// </summary>
        public string MediaPath(ResourcePath path, string extension)
        {
            string json = path.PathFor(Resource, Operations.Fetch);
            return json.Substring(0, json.Length - ".json".Length) + extension;
        }
    }
}
