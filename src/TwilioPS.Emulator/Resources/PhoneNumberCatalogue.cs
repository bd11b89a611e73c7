using System;
using System.Collections.Generic;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>Where a range of numbers is: a national prefix and, for US and Canadian numbers, the place behind it.</summary>
    internal sealed class NumberArea
    {
        public NumberArea(string prefix, string locality = null, string region = null, string postalCode = null,
            string rateCenter = null, string lata = null, double? latitude = null, double? longitude = null)
        {
            Prefix = prefix;
            Locality = locality;
            Region = region;
            PostalCode = postalCode;
            RateCenter = rateCenter;
            Lata = lata;
            Latitude = latitude.HasValue ? (decimal?)Math.Round((decimal)latitude.Value, 6) : null;
            Longitude = longitude.HasValue ? (decimal?)Math.Round((decimal)longitude.Value, 6) : null;
        }

        /// <summary>The national digits every number of the area starts with (an area code, a mobile range).</summary>
        public string Prefix { get; }
        public string Locality { get; }
        public string Region { get; }
        public string PostalCode { get; }
        public string RateCenter { get; }
        public string Lata { get; }
        public decimal? Latitude { get; }
        public decimal? Longitude { get; }
    }

    /// <summary>One type of number a country sells (Local, Mobile, …): its ranges, length, usual capabilities and address rule.</summary>
    internal sealed class NumberTypeDefinition
    {
        public NumberTypeDefinition(string type, int nationalDigits, string addressRequirements, bool voice, bool sms, bool mms, bool fax, params NumberArea[] areas)
        {
            Type = type;
            NationalDigits = nationalDigits;
            AddressRequirements = addressRequirements;
            Voice = voice;
            Sms = sms;
            Mms = mms;
            Fax = fax;
            Areas = areas;
        }

        public string Type { get; }
        /// <summary>Digits after the country's dialling code.</summary>
        public int NationalDigits { get; }
        public string AddressRequirements { get; }
        public bool Voice { get; }
        public bool Sms { get; }
        public bool Mms { get; }
        public bool Fax { get; }
        public NumberArea[] Areas { get; }
    }

    /// <summary>A country the emulator sells numbers in.</summary>
    internal sealed class NumberCountry
    {
        public NumberCountry(string code, string name, string dialCode, params NumberTypeDefinition[] types)
        {
            Code = code;
            Name = name;
            DialCode = dialCode;
            Types = types;
        }

        /// <summary>ISO 3166-1 alpha-2.</summary>
        public string Code { get; }
        public string Name { get; }
        /// <summary>The E.164 country calling code, without "+".</summary>
        public string DialCode { get; }
        public NumberTypeDefinition[] Types { get; }

        /// <summary>The North American Numbering Plan: (NPA) NXX-XXXX, area codes, rate centers and LATAs.</summary>
        public bool IsNanp => DialCode == "1";

        public NumberTypeDefinition Type(string name) => Array.Find(Types, t => t.Type == name);
    }

    /// <summary>
    /// The countries, types and ranges the emulator's inventory is seeded from: real dialling plans
    /// (US and Canadian area codes with their cities, rate centers, LATAs and coordinates; British,
    /// Australian, German, French, Swedish and Danish ranges), each type with the capabilities and
    /// address rule Twilio usually shows for it.
    /// </summary>
    internal static class PhoneNumberCatalogue
    {
        public static readonly NumberCountry[] Countries =
        {
            new NumberCountry("US", "United States", "1",
                new NumberTypeDefinition("Local", 10, "none", true, true, true, false,
                    new NumberArea("415", "San Francisco", "CA", "94105", "SNFC CNTRL", "722", 37.7749, -122.4194),
                    new NumberArea("510", "Oakland", "CA", "94612", "OKLD", "722", 37.8044, -122.2712),
                    new NumberArea("650", "San Mateo", "CA", "94401", "SNMATEO", "722", 37.5630, -122.3255),
                    new NumberArea("212", "New York", "NY", "10007", "NWYRCYZN01", "132", 40.7128, -74.0060),
                    new NumberArea("312", "Chicago", "IL", "60601", "CHICAGO", "358", 41.8781, -87.6298),
                    new NumberArea("512", "Austin", "TX", "78701", "AUSTIN", "558", 30.2672, -97.7431),
                    new NumberArea("206", "Seattle", "WA", "98101", "SEATTLE", "674", 47.6062, -122.3321),
                    new NumberArea("617", "Boston", "MA", "02108", "BOSTON", "128", 42.3601, -71.0589),
                    new NumberArea("305", "Miami", "FL", "33131", "MIAMI", "460", 25.7617, -80.1918),
                    new NumberArea("808", "Hilo", "HI", "96720", "HILO", "834", 19.7200, -155.0900)),
                new NumberTypeDefinition("TollFree", 10, "none", true, true, false, false,
                    new NumberArea("800"), new NumberArea("833"), new NumberArea("844"), new NumberArea("855"),
                    new NumberArea("866"), new NumberArea("877"), new NumberArea("888"))),
            new NumberCountry("CA", "Canada", "1",
                new NumberTypeDefinition("Local", 10, "none", true, true, true, false,
                    new NumberArea("416", "Toronto", "ON", "M5H 2N2", "TORONTO", "888", 43.6532, -79.3832),
                    new NumberArea("604", "Vancouver", "BC", "V6B 1A1", "VANCOUVER", "888", 49.2827, -123.1207),
                    new NumberArea("514", "Montreal", "QC", "H2Y 1C6", "MONTREAL", "888", 45.5017, -73.5673)),
                new NumberTypeDefinition("TollFree", 10, "none", true, true, false, false,
                    new NumberArea("800"), new NumberArea("888"))),
            new NumberCountry("GB", "United Kingdom", "44",
                new NumberTypeDefinition("Local", 10, "any", true, false, false, false,
                    new NumberArea("20", "London"), new NumberArea("161", "Manchester"), new NumberArea("131", "Edinburgh")),
                new NumberTypeDefinition("Mobile", 10, "none", true, true, false, false,
                    new NumberArea("74"), new NumberArea("75"), new NumberArea("77"), new NumberArea("78"), new NumberArea("79")),
                new NumberTypeDefinition("National", 10, "any", true, false, false, false,
                    new NumberArea("330"), new NumberArea("333"), new NumberArea("345")),
                new NumberTypeDefinition("TollFree", 10, "none", true, false, false, false, new NumberArea("800")),
                new NumberTypeDefinition("Voip", 10, "any", true, false, false, false, new NumberArea("56"))),
            new NumberCountry("AU", "Australia", "61",
                new NumberTypeDefinition("Local", 9, "any", true, false, false, false,
                    new NumberArea("2", "Sydney"), new NumberArea("3", "Melbourne"), new NumberArea("7", "Brisbane")),
                new NumberTypeDefinition("Mobile", 9, "any", true, true, true, false, new NumberArea("4")),
                new NumberTypeDefinition("TollFree", 10, "none", true, false, false, false, new NumberArea("1800"))),
            new NumberCountry("DE", "Germany", "49",
                new NumberTypeDefinition("Local", 10, "local", true, false, false, true,
                    new NumberArea("30", "Berlin"), new NumberArea("89", "München"), new NumberArea("40", "Hamburg")),
                new NumberTypeDefinition("Mobile", 11, "any", true, true, false, false,
                    new NumberArea("151"), new NumberArea("160"), new NumberArea("170"), new NumberArea("176")),
                new NumberTypeDefinition("National", 11, "local", true, false, false, false, new NumberArea("32")),
                new NumberTypeDefinition("TollFree", 10, "any", true, false, false, false, new NumberArea("800"))),
            new NumberCountry("FR", "France", "33",
                new NumberTypeDefinition("Local", 9, "local", true, false, false, false,
                    new NumberArea("1", "Paris"), new NumberArea("4", "Lyon"), new NumberArea("5", "Bordeaux")),
                new NumberTypeDefinition("Mobile", 9, "any", true, true, false, false, new NumberArea("6"), new NumberArea("7")),
                new NumberTypeDefinition("National", 9, "local", true, false, false, false, new NumberArea("9")),
                new NumberTypeDefinition("SharedCost", 9, "any", true, false, false, false, new NumberArea("81")),
                new NumberTypeDefinition("TollFree", 9, "any", true, false, false, false, new NumberArea("80"))),
            new NumberCountry("SE", "Sweden", "46",
                new NumberTypeDefinition("Local", 9, "any", true, false, false, false, new NumberArea("8", "Stockholm")),
                new NumberTypeDefinition("Mobile", 9, "any", true, true, false, false, new NumberArea("70"), new NumberArea("72"), new NumberArea("73")),
                new NumberTypeDefinition("MachineToMachine", 12, "foreign", false, true, false, false, new NumberArea("719"))),
            new NumberCountry("DK", "Denmark", "45",
                new NumberTypeDefinition("Local", 8, "any", true, false, false, false, new NumberArea("3", "Copenhagen")),
                new NumberTypeDefinition("TollFree", 8, "any", true, false, false, false, new NumberArea("80"))),
        };

        public static NumberCountry Country(string code) => Array.Find(Countries, c => c.Code == code);

        /// <summary>The spec's subresource key of a type: "TollFree" → "toll_free", "MachineToMachine" → "machine_to_machine".</summary>
        public static string SnakeCase(string type)
        {
            var snake = new System.Text.StringBuilder(type.Length + 4);
            for (int i = 0; i < type.Length; i++)
            {
                char c = type[i];
                if (char.IsUpper(c) && i > 0) snake.Append('_');
                snake.Append(char.ToLowerInvariant(c));
            }
            return snake.ToString();
        }
    }
}
