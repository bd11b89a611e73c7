using System.Runtime.CompilerServices;

namespace TwilioPS.Client
{
    /// <summary>How the runtime compiles the few methods every listed record runs through.</summary>
    internal static class Jit
    {
        /// <summary>
        /// MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name (every runtime
        /// that runs PowerShell 7 honours it): compiled once and optimised, skipping the first tier and
        /// its profiling instrumentation, which a fresh process's first long listing otherwise ran.
        /// </summary>
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
