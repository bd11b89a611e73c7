using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TwilioPS.Catalog;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>A number for sale: where it is, what it can do, what it needs to be bought.</summary>
    internal sealed class AvailableNumber : IStoredResource
    {
        public string Sid => PhoneNumber;
        /// <summary>Its place in the seeded inventory, which a released number takes back.</summary>
        public long SortTicks { get; set; }
        public long Seq { get; } = SortedStore<AvailableNumber>.NextSeq();
        public string PhoneNumber, FriendlyName, Country, Type, AreaPrefix;
        public string Locality, Region, PostalCode, RateCenter, Lata, AddressRequirements;
        public decimal? Latitude, Longitude;
        public bool Beta, Voice, Sms, Mms, Fax;

        public AvailableNumberJson ToJson() => new AvailableNumberJson
        {
            AddressRequirements = AddressRequirements,
            Beta = Beta,
            Capabilities = Capabilities(),
            FriendlyName = FriendlyName,
            IsoCountry = Country,
            Lata = Lata,
            Latitude = Latitude,
            Locality = Locality,
            Longitude = Longitude,
            PhoneNumber = PhoneNumber,
            PostalCode = PostalCode,
            RateCenter = RateCenter,
            Region = Region,
        };

        public CapabilitiesJson Capabilities() => new CapabilitiesJson { Voice = Voice, Sms = Sms, Mms = Mms, Fax = Fax };
    }

    internal sealed class CapabilitiesJson
    {
        public bool Voice { get; set; }
        public bool Sms { get; set; }
        public bool Mms { get; set; }
        public bool Fax { get; set; }
    }

    internal sealed class AvailableNumberJson
    {
        public string FriendlyName { get; set; }
        public string PhoneNumber { get; set; }
        public string Lata { get; set; }
        public string Locality { get; set; }
        public string RateCenter { get; set; }
        public decimal? Latitude { get; set; }
        public decimal? Longitude { get; set; }
        public string Region { get; set; }
        public string PostalCode { get; set; }
        public string IsoCountry { get; set; }
        public string AddressRequirements { get; set; }
        public bool Beta { get; set; }
        public CapabilitiesJson Capabilities { get; set; }
    }

    internal sealed class AvailableCountryJson
    {
        public string CountryCode { get; set; }
        public string Country { get; set; }
        public string Uri { get; set; }
        public bool Beta { get; set; }
        public Dictionary<string, string> SubresourceUris { get; set; }
    }

    /// <summary>
    /// The numbers for sale, shared by every account as Twilio's are: seeded deterministically from
    /// <see cref="PhoneNumberCatalogue"/> (the same seed gives the same numbers), taken out when
    /// bought, put back in their place when released.
    /// </summary>
    internal sealed class PhoneNumberInventory
    {
        private readonly object _gate = new object();
        // Ordered by SortTicks (the seeding order), so a search reads the same numbers in the same order.
        private readonly SortedList<long, AvailableNumber> _numbers = new SortedList<long, AvailableNumber>();
        private readonly Dictionary<string, AvailableNumber> _byNumber = new Dictionary<string, AvailableNumber>(StringComparer.Ordinal);

        /// <param name="perType">Numbers per country and type, spread over the type's ranges.</param>
        public PhoneNumberInventory(int perType, int seed)
        {
            var random = new Random(seed);
            long order = 0;
            foreach (NumberCountry country in PhoneNumberCatalogue.Countries)
                foreach (NumberTypeDefinition type in country.Types)
                    for (int i = 0; i < perType; i++)
                    {
                        NumberArea area = type.Areas[i % type.Areas.Length];
                        AvailableNumber number;
                        do number = Make(random, country, type, area);
                        while (_byNumber.ContainsKey(number.PhoneNumber));
                        number.SortTicks = order++;
                        Add(number);
                    }
        }

        private void Add(AvailableNumber number)
        {
            _numbers.Add(number.SortTicks, number);
            _byNumber.Add(number.PhoneNumber, number);
        }

        private static readonly string[] AddressKinds = { "none", "any", "local", "foreign" };

        private static AvailableNumber Make(Random random, NumberCountry country, NumberTypeDefinition type, NumberArea area)
        {
            var digits = new StringBuilder(area.Prefix);
            // NANP exchanges and subscriber numbers never start with 0 or 1 (NXX); elsewhere the range fixes the start.
            if (country.IsNanp) digits.Append((char)('2' + random.Next(8)));
            while (digits.Length < type.NationalDigits) digits.Append((char)('0' + random.Next(10)));
            string national = digits.ToString();
            bool sms = type.Sms ? random.Next(100) >= 10 : random.Next(100) < 5;
            return new AvailableNumber
            {
                PhoneNumber = "+" + country.DialCode + national,
                FriendlyName = country.IsNanp
                    ? "(" + national.Substring(0, 3) + ") " + national.Substring(3, 3) + "-" + national.Substring(6)
                    : "+" + country.DialCode + national,
                Country = country.Code,
                Type = type.Type,
                AreaPrefix = area.Prefix,
                Locality = area.Locality,
                Region = area.Region,
                PostalCode = area.PostalCode,
                RateCenter = area.RateCenter,
                Lata = area.Lata,
                // Spread around the area's centre (about ±10 miles), as a rate center's numbers are.
                Latitude = area.Latitude.HasValue ? Math.Round(area.Latitude.Value + (decimal)(random.NextDouble() - 0.5) * 0.3m, 6) : (decimal?)null,
                Longitude = area.Longitude.HasValue ? Math.Round(area.Longitude.Value + (decimal)(random.NextDouble() - 0.5) * 0.3m, 6) : (decimal?)null,
                AddressRequirements = random.Next(100) < 15 ? AddressKinds[random.Next(AddressKinds.Length)] : type.AddressRequirements,
                Beta = random.Next(100) < 10,
                // A few numbers of every type differ from the type's usual capabilities (SMS-only ranges, voice-only ones).
                Voice = type.Voice ? random.Next(100) >= 5 : random.Next(100) < 5,
                Sms = sms,
                Mms = sms && (type.Mms ? random.Next(100) >= 10 : random.Next(100) < 5),
                Fax = type.Fax ? random.Next(100) >= 30 : random.Next(100) < 20,
            };
        }

        /// <summary>The first <paramref name="limit"/> numbers of a country and type that pass the test, in inventory order.</summary>
        public List<AvailableNumber> Search(string country, string type, Func<AvailableNumber, bool> test, int limit)
        {
            lock (_gate)
                return _numbers.Values.Where(n => n.Country == country && n.Type == type && test(n)).Take(limit).ToList();
        }

        /// <summary>A number for sale or null; its location answers "near this number" and "in the same place as".</summary>
        public AvailableNumber Find(string phoneNumber)
        {
            lock (_gate) return _byNumber.TryGetValue(phoneNumber, out AvailableNumber number) ? number : null;
        }

        /// <summary>Takes a number out of the inventory (it is being bought); null when it is not for sale (or not of <paramref name="type"/>).</summary>
        public AvailableNumber Take(string phoneNumber, string type = null)
        {
            lock (_gate)
            {
                if (!_byNumber.TryGetValue(phoneNumber, out AvailableNumber number) || (type != null && number.Type != type)) return null;
                Remove(number);
                return number;
            }
        }

        /// <summary>Takes the first local US or Canadian number in an area code; null when none is left.</summary>
        public AvailableNumber TakeInAreaCode(string areaCode)
        {
            lock (_gate)
            {
                AvailableNumber number = _numbers.Values.FirstOrDefault(n => n.Type == "Local" && n.AreaPrefix == areaCode
                                                                             && PhoneNumberCatalogue.Country(n.Country).IsNanp);
                if (number != null) Remove(number);
                return number;
            }
        }

        /// <summary>A released number, for sale again in its old place.</summary>
        public void Return(AvailableNumber number)
        {
            lock (_gate) Add(number);
        }

        public int Count(string country, string type)
        {
            lock (_gate) return _numbers.Values.Count(n => n.Country == country && n.Type == type);
        }

        private void Remove(AvailableNumber number)
        {
            _numbers.Remove(number.SortTicks);
            _byNumber.Remove(number.PhoneNumber);
        }
    }

    /// <summary>
    /// The routes of <see cref="ApiCatalog.AvailablePhoneNumberCountries"/> and <see cref="ApiCatalog.AvailablePhoneNumbers"/>:
    /// the countries with their types, and the search with every filter of the spec. A search is one
    /// page of at most PageSize numbers with no next page: Twilio's search offers a sample, not a list to page through.
    /// </summary>
    internal static class AvailablePhoneNumberHandlers
    {
        private const double DefaultDistanceMiles = 25;
        private static readonly Regex ContainsPattern = new Regex(@"\A\+?(?=[*]*[0-9A-Za-z])[0-9A-Za-z*]{2,16}\z", RegexOptions.CultureInvariant);
        private static readonly Regex LatLong = new Regex(@"\A(-?[0-9]{1,2}(?:\.[0-9]+)?),(-?[0-9]{1,3}(?:\.[0-9]+)?)\z", RegexOptions.CultureInvariant);

        public static void Register(Router router, PhoneNumberInventory inventory, Func<string, IncomingNumber> owned)
        {
            CatalogRoutes.Map(router, ApiCatalog.AvailablePhoneNumberCountries, new ResourceHandlers
            {
                List = ListCountries,
                Fetch = ctx => ctx.Json(200, w => WriteCountry(w, ctx, FindCountry(ctx))),
            });
            CatalogRoutes.Map(router, ApiCatalog.AvailablePhoneNumbers, new ResourceHandlers { List = ctx => Search(ctx, inventory, owned) });
        }

        private static NumberCountry FindCountry(RequestContext ctx) =>
            PhoneNumberCatalogue.Country(ctx.Route("CountryCode")) ?? throw TwilioErrors.NotFound(ctx.Request.Path);

        private static void ListCountries(RequestContext ctx)
        {
            ListRequest request = ListRequest.Parse(ctx.Request.Query);
            string path = CatalogRoutes.Expand(ctx.Scope.CollectionPath, ctx.RouteValues);
            // Twilio lists every country in one page, whatever the page size.
            var slice = new PageSlice<CountryRecord> { Items = PhoneNumberCatalogue.Countries.Select(c => new CountryRecord(c)).ToList(), HasMore = false };
            ctx.Json(200, w => ListEnvelope.Write(w, ApiCatalog.AvailablePhoneNumberCountries.EnvelopeKey, path, request, slice,
                (jw, c) => WriteCountry(jw, ctx, c.Country)));
        }

        private sealed class CountryRecord : IStoredResource
        {
            public CountryRecord(NumberCountry country) { Country = country; }
            public NumberCountry Country { get; }
            public string Sid => Country.Code;
            public long SortTicks => 0;
            public long Seq => 0;
        }

        private static void WriteCountry(Utf8JsonWriter w, RequestContext ctx, NumberCountry country)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["AccountSid"] = ctx.Account.Sid, ["CountryCode"] = country.Code };
            var subresources = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (NumberTypeDefinition type in country.Types)
            {
                ResourceScope scope = ApiCatalog.AvailablePhoneNumbers.Scopes.Single(s => s.Name == type.Type);
                subresources[PhoneNumberCatalogue.SnakeCase(type.Type)] = CatalogRoutes.Expand(scope.CollectionPath, values);
            }
            JsonSerializer.Serialize(w, new AvailableCountryJson
            {
                CountryCode = country.Code,
                Country = country.Name,
                Uri = CatalogRoutes.Expand(ApiCatalog.AvailablePhoneNumberCountries.Scopes[0].InstancePath, values),
                Beta = false,
                SubresourceUris = subresources,
            }, EmulatorJsonContext.Default.AvailableCountryJson);
        }

        private static void Search(RequestContext ctx, PhoneNumberInventory inventory, Func<string, IncomingNumber> owned)
        {
            NumberCountry country = FindCountry(ctx);
            // A country without the type has no such subresource: Twilio answers 404.
            if (country.Type(ctx.Scope.Name) == null) throw TwilioErrors.NotFound(ctx.Request.Path);
            ListRequest request = ListRequest.Parse(ctx.Request.Query);
            if (request.PageToken != null) throw TwilioErrors.InvalidParameter("Invalid PageToken: a number search has one page");
            Func<AvailableNumber, bool> test = Filters(request, inventory, owned);
            var slice = new PageSlice<AvailableNumber>
            {
                Items = inventory.Search(country.Code, ctx.Scope.Name, test, request.PageSize),
                HasMore = false,
            };
            string path = CatalogRoutes.Expand(ctx.Scope.CollectionPath, ctx.RouteValues);
            ctx.Json(200, w => ListEnvelope.Write(w, ApiCatalog.AvailablePhoneNumbers.EnvelopeKey, path, request, slice,
                (jw, n) => JsonSerializer.Serialize(jw, n.ToJson(), EmulatorJsonContext.Default.AvailableNumberJson)));
        }

        /// <summary>Every filter of the spec, validated as Twilio validates it, combined into one test.</summary>
        private static Func<AvailableNumber, bool> Filters(ListRequest request, PhoneNumberInventory inventory, Func<string, IncomingNumber> owned)
        {
            var tests = new List<Func<AvailableNumber, bool>>();
            string Value(string name) => request.Filter(name);

            string areaCode = Value("AreaCode");
            if (areaCode != null)
            {
                Validate.Int("AreaCode", areaCode, 200, 999);
                tests.Add(n => n.AreaPrefix == areaCode && PhoneNumberCatalogue.Country(n.Country).IsNanp);
            }

            string contains = Value("Contains");
            if (contains != null)
            {
                if (!ContainsPattern.IsMatch(contains))
                    throw TwilioErrors.InvalidParameter("Invalid Contains '" + contains + "': use 2 to 16 digits, letters or *");
                Regex pattern = ContainsRegex(contains);
                tests.Add(n => pattern.IsMatch(n.PhoneNumber));
            }

            Capability("SmsEnabled", n => n.Sms);
            Capability("MmsEnabled", n => n.Mms);
            Capability("VoiceEnabled", n => n.Voice);
            Capability("FaxEnabled", n => n.Fax);
            void Capability(string name, Func<AvailableNumber, bool> has)
            {
                bool? wanted = Validate.Bool(name, Value(name));
                if (wanted.HasValue) tests.Add(n => has(n) == wanted.Value);
            }

            if (Validate.Bool("ExcludeAllAddressRequired", Value("ExcludeAllAddressRequired")) == true) tests.Add(n => n.AddressRequirements == "none");
            if (Validate.Bool("ExcludeLocalAddressRequired", Value("ExcludeLocalAddressRequired")) == true) tests.Add(n => n.AddressRequirements != "local");
            if (Validate.Bool("ExcludeForeignAddressRequired", Value("ExcludeForeignAddressRequired")) == true) tests.Add(n => n.AddressRequirements != "foreign");
            if (Validate.Bool("Beta", Value("Beta")) == false) tests.Add(n => !n.Beta);

            double distance = Validate.Int("Distance", Value("Distance"), 0, 500) ?? DefaultDistanceMiles;
            string nearNumber = Value("NearNumber");
            if (nearNumber != null)
            {
                if (!Validate.IsE164(nearNumber)) throw TwilioErrors.BadRequest(21421, "Invalid NearNumber '" + nearNumber + "': use E.164");
                Place near = PlaceOf(nearNumber, inventory, owned);
                // A number with no known place is near nothing: the search finds none, as Twilio's does.
                tests.Add(n => near?.Latitude != null && Near(n, near.Latitude.Value, near.Longitude.Value, distance));
            }
            string nearLatLong = Value("NearLatLong");
            if (nearLatLong != null)
            {
                Match m = LatLong.Match(nearLatLong);
                if (!m.Success) throw TwilioErrors.InvalidParameter("Invalid NearLatLong '" + nearLatLong + "': use latitude,longitude");
                decimal lat = decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), lon = decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                tests.Add(n => Near(n, lat, lon, distance));
            }

            if (Value("InRateCenter") != null && Value("InLata") == null)
                throw TwilioErrors.InvalidParameter("InRateCenter requires InLata");
            SamePlace("InPostalCode", p => p.PostalCode);
            SamePlace("InRegion", p => p.Region);
            SamePlace("InRateCenter", p => p.RateCenter);
            SamePlace("InLata", p => p.Lata);
            SamePlace("InLocality", p => p.Locality);
            // "Given a phone number, search within the same … as that number": a value may be a number instead of a place.
            void SamePlace(string name, Func<Place, string> of)
            {
                string value = Value(name);
                if (value == null) return;
                string wanted = Validate.IsE164(value) ? (PlaceOf(value, inventory, owned) is Place p ? of(p) : null) : value;
                tests.Add(n => wanted != null && string.Equals(of(new Place(n)), wanted, StringComparison.OrdinalIgnoreCase));
            }

            return n =>
            {
                foreach (Func<AvailableNumber, bool> t in tests) if (!t(n)) return false;
                return true;
            };
        }

        /// <summary>Where a number is: a number for sale or owned, else the area its prefix names; null if unknown.</summary>
        private static Place PlaceOf(string phoneNumber, PhoneNumberInventory inventory, Func<string, IncomingNumber> owned)
        {
            AvailableNumber known = inventory.Find(phoneNumber) ?? owned(phoneNumber)?.Available;
            if (known != null) return new Place(known);
            foreach (NumberCountry country in PhoneNumberCatalogue.Countries)
            {
                if (!phoneNumber.StartsWith("+" + country.DialCode, StringComparison.Ordinal)) continue;
                string national = phoneNumber.Substring(1 + country.DialCode.Length);
                NumberArea area = country.Types.SelectMany(t => t.Areas).Where(a => a.Locality != null && national.StartsWith(a.Prefix, StringComparison.Ordinal))
                    .OrderByDescending(a => a.Prefix.Length).FirstOrDefault();
                if (area != null) return new Place(area);
            }
            return null;
        }

        private sealed class Place
        {
            public Place(AvailableNumber n)
            {
                PostalCode = n.PostalCode; Region = n.Region; RateCenter = n.RateCenter; Lata = n.Lata; Locality = n.Locality;
                Latitude = n.Latitude; Longitude = n.Longitude;
            }

            public Place(NumberArea a)
            {
                PostalCode = a.PostalCode; Region = a.Region; RateCenter = a.RateCenter; Lata = a.Lata; Locality = a.Locality;
                Latitude = a.Latitude; Longitude = a.Longitude;
            }

            public string PostalCode, Region, RateCenter, Lata, Locality;
            public decimal? Latitude, Longitude;
        }

        private static bool Near(AvailableNumber n, decimal latitude, decimal longitude, double miles) =>
            n.Latitude.HasValue && n.Longitude.HasValue && Miles((double)n.Latitude.Value, (double)n.Longitude.Value, (double)latitude, (double)longitude) <= miles;

        /// <summary>Great-circle distance (haversine) in statute miles.</summary>
        public static double Miles(double lat1, double lon1, double lat2, double lon2)
        {
            const double EarthRadiusMiles = 3958.8;
            double dLat = (lat2 - lat1) * Math.PI / 180, dLon = (lon2 - lon1) * Math.PI / 180;
            double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                       + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
            return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(a)));
        }

        /// <summary>
        /// Contains as a regex over the E.164 number: letters become their keypad digit, * any one digit;
        /// the pattern is found anywhere after the "+", or from the start when it begins with "+".
        /// </summary>
        public static Regex ContainsRegex(string pattern)
        {
            var regex = new StringBuilder(pattern.StartsWith("+", StringComparison.Ordinal) ? @"\A\+" : @"\A\+[0-9]*");
            foreach (char c in pattern.TrimStart('+'))
                regex.Append(c == '*' ? "[0-9]" : char.IsDigit(c) ? c.ToString() : Keypad(c).ToString(CultureInfo.InvariantCulture));
            return new Regex(regex.ToString(), RegexOptions.CultureInvariant);
        }

        private static int Keypad(char letter)
        {
            const string Keys = "22233344455566677778889999";
            return Keys[char.ToUpperInvariant(letter) - 'A'] - '0';
        }
    }
}
