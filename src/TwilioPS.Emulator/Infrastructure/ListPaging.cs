using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TwilioPS.Emulator.Infrastructure
{
    /// <summary>PageSize / Page / PageToken of a list request, plus its other query parameters (the filters).</summary>
    internal sealed class ListRequest
    {
        public const int DefaultPageSize = 50;
        public const int MaxPageSize = 1000;

        public int PageSize = DefaultPageSize;
        public int Page;
        public string PageToken;
        /// <summary>The request's other query parameters, in order; carried into every page URI.</summary>
        public readonly List<KeyValuePair<string, string>> Filters = new List<KeyValuePair<string, string>>();

        public static ListRequest Parse(IReadOnlyList<KeyValuePair<string, string>> query)
        {
            var r = new ListRequest();
            foreach (KeyValuePair<string, string> p in query)
            {
                switch (p.Key)
                {
                    case "PageSize":
                        if (!int.TryParse(p.Value, NumberStyles.None, CultureInfo.InvariantCulture, out r.PageSize) || r.PageSize < 1 || r.PageSize > MaxPageSize)
                            throw TwilioErrors.InvalidParameter("Invalid PageSize '" + p.Value + "': must be an integer from 1 to " + MaxPageSize);
                        break;
                    case "Page":
                        if (!int.TryParse(p.Value, NumberStyles.None, CultureInfo.InvariantCulture, out r.Page) || r.Page < 0)
                            throw TwilioErrors.InvalidParameter("Invalid Page '" + p.Value + "': must be a non-negative integer");
                        break;
                    case "PageToken":
                        r.PageToken = p.Value;
                        break;
                    default:
                        r.Filters.Add(p);
                        break;
                }
            }
            return r;
        }

        public string Filter(string name) => EmulatorRequest.First(Filters, name);

        /// <summary>"/path?filters&amp;PageSize=S&amp;Page=P[&amp;PageToken=T]", as Twilio builds page URIs.</summary>
        public string BuildUri(string path, int page, string pageToken)
        {
            var q = new StringBuilder(128);
            foreach (KeyValuePair<string, string> f in Filters) UrlEncoding.AppendPair(q, f.Key, f.Value);
            UrlEncoding.AppendPair(q, "PageSize", PageSize.ToString(CultureInfo.InvariantCulture));
            UrlEncoding.AppendPair(q, "Page", page.ToString(CultureInfo.InvariantCulture));
            if (pageToken != null) UrlEncoding.AppendPair(q, "PageToken", pageToken);
            return path + "?" + q.ToString();
        }
    }

    /// <summary>Twilio's list envelope: {"&lt;key&gt;":[…],"end","first_page_uri","next_page_uri","page","page_size","previous_page_uri","start","uri"}.</summary>
    internal static class ListEnvelope
    {
        public static void Write<T>(Utf8JsonWriter w, string key, string path, ListRequest request, PageSlice<T> slice,
            Action<Utf8JsonWriter, T> writeItem) where T : IStoredResource
        {
            List<T> items = slice.Items;
            long start = (long)request.Page * request.PageSize;
            w.WriteStartObject();
            w.WriteStartArray(key);
            for (int i = 0; i < items.Count; i++) writeItem(w, items[i]);
            w.WriteEndArray();
            w.WriteNumber("end", items.Count == 0 ? start : start + items.Count - 1);
            w.WriteString("first_page_uri", request.BuildUri(path, 0, null));
            if (slice.HasMore && items.Count > 0)
                w.WriteString("next_page_uri", request.BuildUri(path, request.Page + 1, "PA" + items[items.Count - 1].Sid));
            else w.WriteNull("next_page_uri");
            w.WriteNumber("page", request.Page);
            w.WriteNumber("page_size", request.PageSize);
            if (request.Page > 0 && items.Count > 0)
                w.WriteString("previous_page_uri", request.BuildUri(path, request.Page - 1, "PB" + items[0].Sid));
            else w.WriteNull("previous_page_uri");
            w.WriteNumber("start", start);
            w.WriteString("uri", request.BuildUri(path, request.Page, request.PageToken));
            w.WriteEndObject();
        }
    }
}
