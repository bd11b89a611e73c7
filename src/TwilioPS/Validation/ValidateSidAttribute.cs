using System;
using System.Collections;
using System.Management.Automation;

namespace TwilioPS.Validation
{
    /// <summary>
    /// A Twilio SID: a two-letter prefix (CA call, AC account, AP application, …) and 32 hex digits.
    /// Rejected before any request is sent, with a message that says what was expected. Arrays are
    /// checked element by element.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateSidAttribute : ValidateArgumentsAttribute
    {
        public ValidateSidAttribute(params string[] prefixes) => Prefixes = prefixes;

        public string[] Prefixes { get; }

        /// <summary>
        /// Lets null and "" through: for a parent's SID that objects piped in may carry empty (a call
        /// recording's ConferenceSid), where an empty value means "no such parent", not bad input.
        /// </summary>
        public bool AllowEmpty { get; set; }

        public static bool IsSid(string value, string prefix)
        {
            if (value == null || value.Length != 34 || !value.StartsWith(prefix, StringComparison.Ordinal)) return false;
            for (int i = 2; i < 34; i++)
            {
                char c = value[i];
                bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex) return false;
            }
            return true;
        }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            arguments = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (arguments is IEnumerable list && !(arguments is string))
            {
                foreach (object element in list) ValidateElement(element);
                return;
            }
            ValidateElement(arguments);
        }

        private void ValidateElement(object element)
        {
            string value = element is PSObject wrapped ? wrapped.BaseObject as string : element as string;
            if (AllowEmpty && string.IsNullOrEmpty(value)) return;
            foreach (string prefix in Prefixes)
            {
                if (IsSid(value, prefix)) return;
            }
            throw new ValidationMetadataException(
                $"'{element}' is not a valid SID: expected {string.Join(" or ", Prefixes)} followed by 32 hexadecimal characters.");
        }
    }
}

namespace TwilioPS.Validation
{
    /// <summary>A recording SID (RE…), or Twilio.CURRENT: the recording a call is making now.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateRecordingSidOrCurrentAttribute : ValidateArgumentsAttribute
    {
        public const string Current = "Twilio.CURRENT";

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            string value = arguments is PSObject wrapped ? wrapped.BaseObject as string : arguments as string;
            if (value == Current || ValidateSidAttribute.IsSid(value, "RE")) return;
            throw new ValidationMetadataException($"'{arguments}' is not a recording: expected RE followed by 32 hexadecimal characters, or {Current}.");
        }
    }
}

namespace TwilioPS.Validation
{
    /// <summary>
    /// A SID, or a name Twilio accepts in its place in a path: a participant's label instead of its
    /// call's SID; a conference's friendly name when dialling someone in (which starts the conference
    /// if none is running). A name is one path segment: no slash, no control character.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateSidOrNameAttribute : ValidateArgumentsAttribute
    {
        private static readonly System.Text.RegularExpressions.Regex Name =
            new System.Text.RegularExpressions.Regex(@"\A[^/\\\p{C}]{1,128}\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        public ValidateSidOrNameAttribute(string prefix, string what)
        {
            Prefix = prefix;
            What = what;
        }

        public string Prefix { get; }

        /// <summary>What the value names, for the message: "participant", "conference".</summary>
        public string What { get; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            string value = arguments is PSObject wrapped ? wrapped.BaseObject as string : arguments as string;
            if (value != null && (ValidateSidAttribute.IsSid(value, Prefix) || Name.IsMatch(value))) return;
            throw new ValidationMetadataException($"'{arguments}' is not a {What}: expected a SID ({Prefix} followed by 32 hexadecimal characters) or a name without '/' or control characters.");
        }
    }
}

namespace TwilioPS.Validation
{
    /// <summary>A queue member: its call's SID (CA…), or Front for the call at the front of the queue.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateQueueMemberAttribute : ValidateArgumentsAttribute
    {
        public const string Front = "Front";

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            string value = arguments is PSObject wrapped ? wrapped.BaseObject as string : arguments as string;
            if (value == Front || ValidateSidAttribute.IsSid(value, "CA")) return;
            throw new ValidationMetadataException($"'{arguments}' is not a queue member: expected a call SID (CA followed by 32 hexadecimal characters) or {Front}.");
        }
    }
}
