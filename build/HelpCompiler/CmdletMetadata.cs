using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace TwilioPS.HelpCompiler
{
    /// <summary>One [Parameter] attribute of a parameter: its binding in one parameter set (or in all).</summary>
    internal sealed class ParameterBinding
    {
        public const string AllSets = "__AllParameterSets";

        public string Set { get; init; }
        public bool Mandatory { get; init; }
        public int? Position { get; init; }
        public bool ByValue { get; init; }
        public bool ByPropertyName { get; init; }
        public bool DontShow { get; init; }

        public bool AppliesTo(string set) => Set == AllSets || string.Equals(Set, set, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A cmdlet parameter as the assembly declares it (or as PowerShell adds it for ShouldProcess and paging).</summary>
    internal sealed class CmdletParameter
    {
        public string Name { get; init; }
        public string Type { get; init; }
        public List<string> Aliases { get; init; } = new List<string>();
        public List<string> AcceptedValues { get; init; } = new List<string>();
        public bool Globbing { get; init; }
        public string DefaultValue { get; init; }
        public List<ParameterBinding> Bindings { get; init; } = new List<ParameterBinding>();

        /// <summary>Hidden from users (DontShow) in every set it belongs to: left out of help.</summary>
        public bool Hidden => Bindings.All(b => b.DontShow);

        /// <summary>The binding that governs <paramref name="set"/>: a set's own attribute before an all-sets one.</summary>
        public ParameterBinding BindingFor(string set) =>
            Bindings.FirstOrDefault(b => !b.DontShow && b.Set != ParameterBinding.AllSets && string.Equals(b.Set, set, StringComparison.OrdinalIgnoreCase))
            ?? Bindings.FirstOrDefault(b => !b.DontShow && b.Set == ParameterBinding.AllSets);
    }

    internal sealed class CmdletMetadata
    {
        public string Name { get; init; }
        /// <summary>Parameter sets in the order help shows them: the default first.</summary>
        public List<string> Sets { get; init; }
        /// <summary>Every parameter help can show, in PowerShell's declaration order (the cmdlet's own, then its bases').</summary>
        public List<CmdletParameter> Parameters { get; init; }

        /// <summary>The parameters of one set in PowerShell's syntax order: positional ones by position, then the rest as declared.</summary>
        public IEnumerable<CmdletParameter> ParametersOf(string set)
        {
            List<CmdletParameter> members = Parameters.Where(p => p.BindingFor(set) != null).ToList();
            return members.Where(p => p.BindingFor(set).Position.HasValue).OrderBy(p => p.BindingFor(set).Position.Value)
                .Concat(members.Where(p => !p.BindingFor(set).Position.HasValue));
        }
    }

    /// <summary>
    /// Reads the cmdlets of a module assembly through MetadataLoadContext: attributes are read as data,
    /// no code of the module runs, and a netstandard2.0 assembly built against PowerShellStandard's
    /// reference System.Management.Automation is inspected as compiled.
    /// </summary>
    internal static class AssemblyReader
    {
        private const string Sma = "System.Management.Automation.";

        public static List<CmdletMetadata> Read(string assemblyPath, IEnumerable<string> references)
        {
            // The module folder resolves the module's own dependencies; the references give System.Management.Automation;
            // the running runtime supplies the core library that netstandard forwards to.
            // One file per assembly name: the context refuses a second file with an identity it already loaded.
            IEnumerable<string> paths = Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(assemblyPath)), "*.dll")
                .Concat(references)
                .Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
                .GroupBy(Path.GetFileNameWithoutExtension, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First());
            using var context = new MetadataLoadContext(new PathAssemblyResolver(paths));
            Assembly assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
            Type[] types;
            try { types = assembly.GetTypes(); }
            catch (ReflectionTypeLoadException e) { types = e.Types.Where(t => t != null).ToArray(); }
            return types
                .Where(t => t.IsClass && !t.IsAbstract && t.IsPublic)
                .Select(t => (Type: t, Attribute: Attribute(t.GetCustomAttributesData(), "CmdletAttribute")))
                .Where(c => c.Attribute != null)
                .Select(c => Cmdlet(c.Type, c.Attribute))
                .ToList();
        }

        private static CmdletMetadata Cmdlet(Type type, CustomAttributeData cmdlet)
        {
            string name = cmdlet.ConstructorArguments[0].Value + "-" + cmdlet.ConstructorArguments[1].Value;
            var parameters = new List<CmdletParameter>();
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                IList<CustomAttributeData> attributes = property.GetCustomAttributesData();
                List<ParameterBinding> bindings = attributes.Where(a => Is(a, "ParameterAttribute")).Select(Binding).ToList();
                if (bindings.Count == 0 || parameters.Any(p => p.Name == property.Name)) continue;
                CustomAttributeData defaultValue = Attribute(attributes, "PSDefaultValueAttribute");
                parameters.Add(new CmdletParameter
                {
                    Name = property.Name,
                    Type = TypeName(property.PropertyType),
                    Aliases = Strings(Attribute(attributes, "AliasAttribute")),
                    AcceptedValues = Strings(Attribute(attributes, "ValidateSetAttribute")),
                    Globbing = Attribute(attributes, "SupportsWildcardsAttribute") != null,
                    DefaultValue = defaultValue == null ? null : Named(defaultValue, "Value")?.ToString(),
                    Bindings = bindings,
                });
            }
            parameters.RemoveAll(p => p.Hidden);

            // Parameters PowerShell adds itself, after the declared ones, as Get-Command lists them.
            if (Named(cmdlet, "SupportsShouldProcess") is true)
            {
                parameters.Add(Added("WhatIf", "SwitchParameter", "wi"));
                parameters.Add(Added("Confirm", "SwitchParameter", "cf"));
            }
            if (Named(cmdlet, "SupportsPaging") is true)
            {
                parameters.Add(Added("IncludeTotalCount", "SwitchParameter"));
                parameters.Add(Added("Skip", "UInt64"));
                parameters.Add(Added("First", "UInt64"));
            }

            var sets = parameters.SelectMany(p => p.Bindings).Where(b => !b.DontShow && b.Set != ParameterBinding.AllSets)
                .Select(b => b.Set).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            string defaultSet = Named(cmdlet, "DefaultParameterSetName") as string;
            if (sets.Count == 0) sets.Add(ParameterBinding.AllSets);
            else if (defaultSet != null && !sets.Contains(defaultSet, StringComparer.OrdinalIgnoreCase)) sets.Add(defaultSet);
            sets = sets.OrderByDescending(s => string.Equals(s, defaultSet, StringComparison.OrdinalIgnoreCase)).ToList();
            return new CmdletMetadata { Name = name, Sets = sets, Parameters = parameters };
        }

        private static CmdletParameter Added(string name, string type, params string[] aliases) => new CmdletParameter
        {
            Name = name,
            Type = type,
            Aliases = aliases.ToList(),
            Bindings = { new ParameterBinding { Set = ParameterBinding.AllSets } },
        };

        private static ParameterBinding Binding(CustomAttributeData parameter)
        {
            object position = Named(parameter, "Position");
            return new ParameterBinding
            {
                Set = Named(parameter, "ParameterSetName") as string ?? ParameterBinding.AllSets,
                Mandatory = Named(parameter, "Mandatory") is true,
                Position = position is int p && p != int.MinValue ? p : null,
                ByValue = Named(parameter, "ValueFromPipeline") is true,
                ByPropertyName = Named(parameter, "ValueFromPipelineByPropertyName") is true,
                DontShow = Named(parameter, "DontShow") is true,
            };
        }

        /// <summary>The names help shows: String, Int32, String[], TwilioConnection; a nullable value type as its value type.</summary>
        private static string TypeName(Type type)
        {
            if (type.IsArray) return TypeName(type.GetElementType()) + "[]";
            if (!type.IsGenericType) return type.Name;
            if (type.GetGenericTypeDefinition().FullName == "System.Nullable`1") return TypeName(type.GetGenericArguments()[0]);
            string name = type.Name.Substring(0, type.Name.IndexOf('`'));
            return name + "[" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + "]";
        }

        private static bool Is(CustomAttributeData attribute, string name) => attribute.AttributeType.FullName == Sma + name;

        private static CustomAttributeData Attribute(IEnumerable<CustomAttributeData> attributes, string name) =>
            attributes.FirstOrDefault(a => Is(a, name));

        private static object Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

        /// <summary>The strings of a params string[] constructor argument ([Alias("a", "b")], [ValidateSet(...)]).</summary>
        private static List<string> Strings(CustomAttributeData attribute)
        {
            if (attribute == null) return new List<string>();
            return attribute.ConstructorArguments
                .SelectMany(a => a.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { a.Value })
                .OfType<string>()
                .ToList();
        }
    }
}
