using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using TwilioPS.Catalog;

namespace TwilioPS.Completion
{
    /// <summary>
    /// Tab completion for usage categories: the categories starting with what was typed, then those
    /// containing it ("inbound" finds calls-inbound, sms-inbound, …), in the spec's order.
    /// </summary>
    public sealed class UsageCategoryCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var later = new List<CompletionResult>();
            foreach (string category in UsageCategories.All)
            {
                if (category.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) yield return Result(category);
                else if (typed.Length > 0 && category.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0) later.Add(Result(category));
            }
            foreach (CompletionResult result in later) yield return result;
        }

        private static CompletionResult Result(string category) =>
            new CompletionResult(category, category, CompletionResultType.ParameterValue, category);
    }
}
