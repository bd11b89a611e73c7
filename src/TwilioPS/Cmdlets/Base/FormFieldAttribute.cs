using System;

namespace TwilioPS.Cmdlets
{
    /// <summary>
    /// Marks a cmdlet parameter as a Twilio form or query field. The name defaults to the parameter's
    /// (TwilioPS uses Twilio's PascalCase names); lists are sent as repeated keys, switches as
    /// true/false, dates as UTC ISO 8601 (or yyyy-MM-dd with <see cref="DateOnly"/>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class FormFieldAttribute : Attribute
    {
        public FormFieldAttribute() { }

        public FormFieldAttribute(string name) => Name = name;

        /// <summary>Twilio's field name when it differs from the parameter's, e.g. "StartTime&gt;".</summary>
        public string Name { get; }

        /// <summary>
        /// The filter matches a whole UTC day (StartTime, EndTime): the time of day is dropped and the
        /// day is sent as midnight UTC.
        /// </summary>
        public bool DateOnly { get; set; }
    }
}
