using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace TwilioPS.Validation
{
    /// <summary>
    /// Takes an object piped into a string parameter by the property the parameter is named after
    /// (a key's hidden ApiKeySid, an available number's PhoneNumber), before PowerShell turns the whole object into a
    /// string through its ToString. PowerShell binds a string parameter that takes pipeline input by
    /// value with the object's text ahead of binding it by property name, and models read as a person
    /// reads them ("SKxxx 'CI deploys'"), not as their SID. A string, or an object without such a
    /// property, passes through unchanged.
    /// </summary>
    public sealed class FromPropertyAttribute : ArgumentTransformationAttribute
    {
        public FromPropertyAttribute(string propertyName) => PropertyName = propertyName;

        /// <summary>
        /// The parameter's own name. Never an alias such as Sid: every object has a Sid, and taking it
        /// would bind a call piped into Get-TwilioRecording as a recording SID instead of letting the
        /// parameter set that takes a call have it.
        /// </summary>
        public string PropertyName { get; }

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                case string _:
                    return inputData;
                case IEnumerable list:
                    var items = new List<object>();
                    foreach (object item in list) items.Add(Transform(engineIntrinsics, item));
                    return items.ToArray();
                default:
                    return PSObject.AsPSObject(inputData).Properties[PropertyName]?.Value is string text ? text : inputData;
            }
        }
    }
}
