namespace TwilioPS.Models
{
    // Objects that name a resource, for binding by type (see the pipeline convention on
    // TwilioConnectedCmdlet). A cmdlet that takes a resource by SID also takes, hidden, any object
    // that names that resource: the resource itself and the records that belong to it. Binding by
    // type happens in PowerShell's first pass, before any property is matched by name, so the
    // object's own Sid can never be taken for the resource's.

    /// <summary>Names a call: a call, its recordings, notifications and events.</summary>
    public interface ICallReference
    {
        string CallSid { get; }
    }

    /// <summary>Names a recording: a recording and its transcriptions.</summary>
    public interface IRecordingReference
    {
        string RecordingSid { get; }
    }
}

namespace TwilioPS.Models
{
    /// <summary>Names a conference: a conference and its participants.</summary>
    public interface IConferenceReference
    {
        string ConferenceSid { get; }
    }

    /// <summary>Names a queue: a queue and its members.</summary>
    public interface IQueueReference
    {
        string QueueSid { get; }
    }
}

namespace TwilioPS.Models
{
    /// <summary>Names a message: a message, its media and its feedback.</summary>
    public interface IMessageReference
    {
        string MessageSid { get; }
    }
}
