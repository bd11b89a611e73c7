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
    /// A conference participant: its call's SID (CA…), or the label it was added with (Twilio accepts
    /// either in the participant's path). A label is one path segment: no slash, no control character.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateParticipantAttribute : ValidateArgumentsAttribute
    {
        private static readonly System.Text.RegularExpressions.Regex Label =
            new System.Text.RegularExpressions.Regex(@"\A[^/\\\p{C}]{1,128}\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            string value = arguments is PSObject wrapped ? wrapped.BaseObject as string : arguments as string;
            if (value != null && (ValidateSidAttribute.IsSid(value, "CA") || Label.IsMatch(value))) return;
            throw new ValidationMetadataException($"'{arguments}' is not a participant: expected a call SID (CA followed by 32 hexadecimal characters) or the participant's label.");
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
