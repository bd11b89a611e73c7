using System.IO;
using System.Reflection;
using Xunit;

namespace TwilioPS.Tests.Module
{
    /// <summary>The Windows PowerShell 5.1 resolver's decisions (it only registers on .NET Framework).</summary>
    public class DependencyResolverTests
    {
        [Theory]
        [InlineData("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
        [InlineData("System.Runtime.CompilerServices.Unsafe, Version=6.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a")]
        [InlineData("System.Text.Json, Version=1.0.0.0")]
        [InlineData("Polly.Core")]
        public void Any_version_of_a_shipped_dependency_resolves_to_the_module_folder(string requested)
        {
            string path = TwilioPS.ModuleInitializer.ShippedPath(new AssemblyName(requested), ModuleAssemblies.ModuleDirectory);
            Assert.Equal(Path.Combine(ModuleAssemblies.ModuleDirectory, new AssemblyName(requested).Name + ".dll"), path);
        }

        [Theory]
        [InlineData("System.Management.Automation")]
        [InlineData("Newtonsoft.Json")]
        [InlineData("mscorlib")]
        public void Assemblies_the_module_does_not_ship_are_left_to_the_runtime(string requested)
        {
            Assert.Null(TwilioPS.ModuleInitializer.ShippedPath(new AssemblyName(requested), ModuleAssemblies.ModuleDirectory));
        }

        [Fact]
        public void Nothing_is_registered_on_modern_dotnet()
        {
            Assert.False(TwilioPS.ModuleInitializer.IsNetFramework);
        }
    }
}
