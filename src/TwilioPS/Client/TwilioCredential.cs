using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace TwilioPS.Client
{
    /// <summary>How a connection proves who it is.</summary>
    public enum TwilioCredentialKind
    {
        /// <summary>Account SID and auth token.</summary>
        AuthToken,
        /// <summary>API key SID (SK…) and its secret, acting for an account.</summary>
        ApiKey,
    }

    /// <summary>
    /// A Basic-auth credential whose secret stays a SecureString. The secret is read only to build
    /// the Authorization header value, which lives inside the HTTP handler and nowhere else.
    /// </summary>
    public sealed class TwilioCredential
    {
        private readonly SecureString _secret;

        public TwilioCredential(TwilioCredentialKind kind, string userName, SecureString secret)
        {
            Kind = kind;
            UserName = userName ?? throw new ArgumentNullException(nameof(userName));
            _secret = secret?.Copy() ?? throw new ArgumentNullException(nameof(secret));
            _secret.MakeReadOnly();
        }

        public TwilioCredentialKind Kind { get; }

        /// <summary>The account SID (AuthToken) or the API key SID (ApiKey). Not a secret.</summary>
        public string UserName { get; }

        internal string BasicAuthorizationParameter() =>
            WithSecret(secret => Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + secret)));

        /// <summary>What removes this secret, in every form it is sent, from text a server sends back.</summary>
        internal SecretScrubber CreateScrubber() => WithSecret(secret => new SecretScrubber(UserName, secret));

        /// <summary>Runs <paramref name="use"/> with the secret in plain text, for as short a time as it takes.</summary>
        internal T WithSecret<T>(Func<string, T> use)
        {
            IntPtr unmanaged = IntPtr.Zero;
            try
            {
                unmanaged = Marshal.SecureStringToGlobalAllocUnicode(_secret);
                return use(Marshal.PtrToStringUni(unmanaged));
            }
            finally
            {
                if (unmanaged != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
            }
        }

        /// <summary>Never the secret.</summary>
        public override string ToString() => $"{Kind} {UserName}";
    }
}
