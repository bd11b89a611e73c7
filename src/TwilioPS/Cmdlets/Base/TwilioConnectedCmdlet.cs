using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using TwilioPS.Client;
using TwilioPS.Completion;
using TwilioPS.Connection;
using TwilioPS.Validation;

namespace TwilioPS.Cmdlets
{
    /// <summary>
    /// A cmdlet that talks to Twilio: -Connection (else the session's default, else a terminating
    /// NotConnected error) and -AccountSid (a subaccount; bound by property name, so objects from a
    /// subaccount flow back to it). Also turns the parameters a user actually bound into Twilio's form.
    /// </summary>
    /// <remarks>
    /// The pipeline convention every cmdlet follows, and why (PipelineConventionTests prove each pipe):
    /// <list type="number">
    /// <item>A resource's identity parameter is named after the resource: -CallSid, -RecordingSid,
    /// -ConferenceSid, -QueueSid (alias -Sid for typing), bound by value and by property name. Never a
    /// parameter named Sid: PowerShell binds a property to a parameter of the same name before it tries
    /// aliases, so a recording's Sid would land on Get-TwilioCall's -Sid.</item>
    /// <item>Every model carries its own SID under that name too (a [Hidden] property: TwilioCall.CallSid),
    /// and its parents' SIDs under theirs (TwilioRecording.CallSid, .ConferenceSid), so children bind to
    /// their parents' cmdlets and objects to their own.</item>
    /// <item>Parents a child list hangs under are parameters named after them (-CallSid on
    /// Get-TwilioRecording), and the parent object also binds by TYPE through a hidden parameter
    /// (TwilioCall Call). PowerShell binds by type in its first pass, so the parent's own Sid never
    /// reaches the child's -Sid alias.</item>
    /// <item>An identity set of a cmdlet whose default set is a list also takes, hidden and by type,
    /// anything that names the resource (ICallReference, IRecordingReference, …). Without it a piped
    /// object binds -AccountSid in the default set first, and PowerShell then never tries the identity
    /// by name in the other sets.</item>
    /// </list>
    /// </remarks>
    public abstract class TwilioConnectedCmdlet : TwilioCmdlet
    {
        private TwilioConnection _connection;

        /// <summary>The connection to use instead of the session default (from Connect-Twilio -PassThru).</summary>
        [Parameter]
        [ValidateNotNull]
        public TwilioConnection Connection { get; set; }

        /// <summary>The (sub)account to act for; defaults to the connection's account.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSid("AC")]
        [ArgumentCompleter(typeof(AccountSidCompleter))]
        public string AccountSid { get; set; }

        protected TwilioConnection ActiveConnection => _connection;

        protected TwilioClient Client => _connection.Client;

        /// <summary>Path values for a request on behalf of <see cref="TargetAccountSid"/>; add parents and the SID.</summary>
        protected ResourcePath AccountPath() => ResourcePath.ForAccount(TargetAccountSid);

        /// <summary>The account this invocation acts for.</summary>
        protected string TargetAccountSid => string.IsNullOrEmpty(AccountSid) ? _connection.AccountSid : AccountSid;

        protected override void BeginProcessing()
        {
            _connection = Connection ?? TwilioSession.Default;
            if (_connection == null) ThrowTerminatingError(TwilioErrors.NotConnected());
            if (_connection.IsDisposed)
            {
                ThrowTerminatingError(TwilioErrors.ConnectionClosed(new ConnectionClosedException(), Connection));
            }
        }

        /// <summary>
        /// ShouldProcess that -Force can answer: -Force skips the confirmation prompt (runbooks have
        /// nobody to answer it) but never overrides -WhatIf.
        /// </summary>
        protected bool ShouldChange(SwitchParameter force, string target, string action)
        {
            bool whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out object value)
                ? ((SwitchParameter)value).IsPresent
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
            if (force.IsPresent && !whatIf) return true;
            return ShouldProcess(target, action);
        }

        /// <summary>
        /// Twilio form fields from the [FormField] parameters the user bound in this invocation —
        /// only those, so Set-* never resets a field the user did not mention.
        /// </summary>
        protected FormBuilder BoundFormFields()
        {
            Dictionary<string, KeyValuePair<string, FormFieldAttribute>> fields = FormFieldsOf(GetType());
            var form = new FormBuilder();
            foreach (KeyValuePair<string, object> bound in MyInvocation.BoundParameters)
            {
                if (fields.TryGetValue(bound.Key, out KeyValuePair<string, FormFieldAttribute> field))
                    AddValue(form, field.Key, field.Value, bound.Value);
            }
            return form;
        }

        // Bulk sends bind thousands of records: read each cmdlet type's [FormField] map once.
        private static readonly ConcurrentDictionary<Type, Dictionary<string, KeyValuePair<string, FormFieldAttribute>>> FormFieldMaps =
            new ConcurrentDictionary<Type, Dictionary<string, KeyValuePair<string, FormFieldAttribute>>>();

        /// <summary>Parameter name → (Twilio field name, attribute), for the [FormField] properties of a cmdlet.</summary>
        private static Dictionary<string, KeyValuePair<string, FormFieldAttribute>> FormFieldsOf(Type cmdlet) =>
            FormFieldMaps.GetOrAdd(cmdlet, type =>
            {
                var map = new Dictionary<string, KeyValuePair<string, FormFieldAttribute>>(StringComparer.OrdinalIgnoreCase);
                foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    FormFieldAttribute field = property.GetCustomAttribute<FormFieldAttribute>();
                    if (field != null) map[property.Name] = new KeyValuePair<string, FormFieldAttribute>(field.Name ?? property.Name, field);
                }
                return map;
            });

        private static void AddValue(FormBuilder form, string name, FormFieldAttribute field, object value)
        {
            value = value is PSObject wrapped ? wrapped.BaseObject : value;
            switch (value)
            {
                case null: return;
                case string text: form.Add(name, text); return;
                case SwitchParameter flag: form.Add(name, flag.IsPresent ? "true" : "false"); return;
                case bool flag: form.Add(name, flag ? "true" : "false"); return;
                case DateTime date: form.Add(name, FormBuilder.FormatDate(field.DateOnly ? DateTime.SpecifyKind(date.Date, DateTimeKind.Utc) : date)); return;
                case DateTimeOffset date: AddValue(form, name, field, date.UtcDateTime); return;
                case Uri uri: form.Add(name, uri.OriginalString); return;
                case IFormattable number: form.Add(name, number.ToString(null, CultureInfo.InvariantCulture)); return;
                case IEnumerable list:
                    foreach (object item in list) AddValue(form, name, field, item);
                    return;
                default: form.Add(name, value.ToString()); return;
            }
        }
    }
}
