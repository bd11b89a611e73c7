using System;
using System.Collections.Generic;
using System.Globalization;
using TwilioPS.Emulator.Infrastructure;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// The numbers every emulated account owns and the destinations chosen to fail. Twilio refuses a
    /// From the account does not own (21606); the emulator's accounts own Twilio's magic test number
    /// and the +1 415 555 0100..0109 range, as SMS numbers and as WhatsApp senders.
    /// </summary>
    internal static class MessageNumbers
    {
        /// <summary>Twilio's magic "valid sender" test number; also the sender a Messaging Service picks.</summary>
        public const string MagicFrom = "+15005550006";
        /// <summary>Messages to this number fail before leaving Twilio (30006, landline or unreachable carrier).</summary>
        public const string FailedTo = "+15005550001";
        /// <summary>Messages to this number are sent but never reach the handset (30003, unreachable destination handset).</summary>
        public const string UndeliveredTo = "+15005550009";

        public const int FailedCode = 30006, UndeliveredCode = 30003;
        public const string FailedMessage = "Landline or unreachable carrier";
        public const string UndeliveredMessage = "Unreachable destination handset";

        private static readonly HashSet<string> Owned = BuildOwned();

        private static HashSet<string> BuildOwned()
        {
            var owned = new HashSet<string>(StringComparer.Ordinal) { MagicFrom };
            for (int i = 0; i < 10; i++) owned.Add("+1415555010" + i.ToString(CultureInfo.InvariantCulture));
            return owned;
        }

        /// <summary>The account's numbers, for seeding.</summary>
        public static IReadOnlyCollection<string> All => Owned;

        /// <summary>
        /// Whether the account may send from this address: an owned number, bare or as whatsapp:.
        /// Any messenger: page is accepted, since the emulator keeps no list of connected pages.
        /// </summary>
        public static bool IsOwned(string from) =>
            MessageAddress.Channel(from) == "messenger" || Owned.Contains(MessageAddress.Number(from));
    }

    /// <summary>To and From as Twilio accepts them: E.164, or a channel address (whatsapp:+E.164, messenger:page-or-user ID).</summary>
    internal static class MessageAddress
    {
        private static readonly System.Text.RegularExpressions.Regex MessengerId =
            new System.Text.RegularExpressions.Regex(@"\Amessenger:[0-9]{1,20}\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        public static bool IsValid(string address)
        {
            if (address == null) return false;
            if (address.StartsWith("whatsapp:", StringComparison.Ordinal)) return Validate.IsE164(address.Substring(9));
            if (address.StartsWith("messenger:", StringComparison.Ordinal)) return MessengerId.IsMatch(address);
            return Validate.IsE164(address);
        }

        /// <summary>"sms", "whatsapp" or "messenger".</summary>
        public static string Channel(string address)
        {
            int colon = address.IndexOf(':');
            return colon < 0 ? "sms" : address.Substring(0, colon);
        }

        /// <summary>The address without its channel prefix.</summary>
        public static string Number(string address) => address.Substring(address.IndexOf(':') + 1);
    }

    /// <summary>What happened to a message through the API; immutable like <see cref="CallTimeline"/>, swapped on update.</summary>
    internal sealed class MessageTimeline
    {
        public DateTimeOffset? CanceledAt;
        public bool Redacted;
        /// <summary>The feedback outcome (ProvideFeedback=true messages only) and when it was last reported.</summary>
        public string Outcome;
        public DateTimeOffset FeedbackUpdated;
        public DateTimeOffset LastUpdate;

        public MessageTimeline Clone() => (MessageTimeline)MemberwiseClone();
    }

    /// <summary>A message's computed state at one instant.</summary>
    internal struct MessageState
    {
        public string Status;
        public DateTimeOffset? DateSent;
        public DateTimeOffset DateUpdated;
        /// <summary>Null while a Messaging Service has not picked the sender yet.</summary>
        public string From;
        public bool IsFinal => Status == "delivered" || Status == "undelivered" || Status == "failed" || Status == "canceled";
    }

    /// <summary>
    /// api.v2010.account.message: an outbound message whose status follows the clock from the moment
    /// it leaves (its SendAt when scheduled, else its creation): queued for <see cref="Queued"/>,
    /// sending for <see cref="Sending"/>, sent for <see cref="InFlight"/>, then delivered — or failed
    /// instead of sent, or undelivered instead of delivered, for <see cref="MessageNumbers"/>' failing
    /// destinations. A message given only a Messaging Service is "accepted" for one more step first,
    /// while the service picks its sender.
    /// </summary>
    internal sealed class Message : IStoredResource
    {
        public static readonly TimeSpan Accepted = TimeSpan.FromSeconds(1);
        public static readonly TimeSpan Queued = TimeSpan.FromSeconds(1);
        public static readonly TimeSpan Sending = TimeSpan.FromSeconds(1);
        public static readonly TimeSpan InFlight = TimeSpan.FromSeconds(3);
        /// <summary>The emulator's price table (set when the message is made).</summary>
        public EmulatorPrices Prices;

        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<Message>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public string AccountSid;
        public string To, From, MessagingServiceSid;
        public string Body;
        public int Segments;
        public int NumMedia;
        public bool ProvideFeedback;
        /// <summary>Where each status change is POSTed, signed (see <see cref="StatusCallbackSender"/>).</summary>
        public string StatusCallback;
        public DateTimeOffset DateCreated;
        /// <summary>Set for a scheduled message: it stays "scheduled" until then.</summary>
        public DateTimeOffset? SendAt;
        public volatile MessageTimeline Timeline;

        public string UriBase => "/2010-04-01/Accounts/" + AccountSid + "/Messages/" + Sid;
        private bool PicksSender => From == null;
        private bool Fails => MessageAddress.Number(To) == MessageNumbers.FailedTo;
        private bool Undelivered => MessageAddress.Number(To) == MessageNumbers.UndeliveredTo;

        public MessageState Evaluate(DateTimeOffset now)
        {
            MessageTimeline t = Timeline;
            var s = new MessageState();
            if (t.CanceledAt.HasValue)
            {
                s.Status = "canceled";
                s.DateUpdated = t.CanceledAt.Value;
                return s;
            }
            if (SendAt.HasValue && now < SendAt.Value)
            {
                s.Status = "scheduled";
                s.DateUpdated = Max(DateCreated, t.LastUpdate);
                return s;
            }
            DateTimeOffset leaves = SendAt ?? DateCreated;
            DateTimeOffset queued = PicksSender && !SendAt.HasValue ? leaves + Accepted : leaves;
            DateTimeOffset sending = queued + Queued, sent = sending + Sending, done = sent + InFlight;
            DateTimeOffset changed;
            if (now < queued) { s.Status = "accepted"; changed = leaves; }
            else if (now < sending) { s.Status = "queued"; changed = queued; }
            else if (now < sent) { s.Status = "sending"; changed = sending; }
            else if (Fails) { s.Status = "failed"; changed = sent; }
            else if (now < done) { s.Status = "sent"; changed = sent; }
            else { s.Status = Undelivered ? "undelivered" : "delivered"; changed = done; }
            if (s.Status != "accepted") s.From = From ?? MessageNumbers.MagicFrom;
            if (s.Status == "sent" || s.Status == "delivered" || s.Status == "undelivered") s.DateSent = sent;
            s.DateUpdated = Max(Max(DateCreated, changed), t.LastUpdate);
            return s;
        }

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

        public MessageJson ToJson(MessageState s)
        {
            MessageTimeline t = Timeline;
            bool charged = s.Status == "delivered" || s.Status == "undelivered";
            decimal price = Prices.ForMessage(NumMedia, Segments);
            var subresources = new Dictionary<string, string>(StringComparer.Ordinal) { ["media"] = UriBase + "/Media.json" };
            if (ProvideFeedback) subresources["feedback"] = UriBase + "/Feedback.json";
            return new MessageJson
            {
                AccountSid = AccountSid,
                ApiVersion = "2010-04-01",
                Body = t.Redacted ? "" : Body,
                DateCreated = TwilioJson.Rfc2822(DateCreated),
                DateSent = s.DateSent.HasValue ? TwilioJson.Rfc2822(s.DateSent.Value) : null,
                DateUpdated = TwilioJson.Rfc2822(s.DateUpdated),
                Direction = "outbound-api",
                ErrorCode = s.Status == "failed" ? MessageNumbers.FailedCode : s.Status == "undelivered" ? MessageNumbers.UndeliveredCode : (int?)null,
                ErrorMessage = s.Status == "failed" ? MessageNumbers.FailedMessage : s.Status == "undelivered" ? MessageNumbers.UndeliveredMessage : null,
                From = s.From,
                MessagingServiceSid = MessagingServiceSid,
                NumMedia = NumMedia.ToString(CultureInfo.InvariantCulture),
                // Twilio reports 0 segments until a Messaging Service has picked the sender.
                NumSegments = (s.From == null ? 0 : Segments).ToString(CultureInfo.InvariantCulture),
                Price = charged ? (-price).ToString("0.00000", CultureInfo.InvariantCulture) : null,
                PriceUnit = "USD",
                Sid = Sid,
                Status = s.Status,
                SubresourceUris = subresources,
                To = To,
                Uri = UriBase + ".json",
            };
        }
    }

    /// <summary>The wire form of a message; property names become snake_case through <see cref="EmulatorJsonContext"/>.</summary>
    internal sealed class MessageJson
    {
        public string AccountSid { get; set; }
        public string ApiVersion { get; set; }
        public string Body { get; set; }
        public string DateCreated { get; set; }
        public string DateSent { get; set; }
        public string DateUpdated { get; set; }
        public string Direction { get; set; }
        public int? ErrorCode { get; set; }
        public string ErrorMessage { get; set; }
        public string From { get; set; }
        public string MessagingServiceSid { get; set; }
        public string NumMedia { get; set; }
        public string NumSegments { get; set; }
        public string Price { get; set; }
        public string PriceUnit { get; set; }
        public string Sid { get; set; }
        public string Status { get; set; }
        public Dictionary<string, string> SubresourceUris { get; set; }
        public string To { get; set; }
        public string Uri { get; set; }
    }

    /// <summary>api.v2010.account.message.media: one MediaUrl of a message, created with it.</summary>
    internal sealed class MessageMedia : IStoredResource
    {
        public string Sid { get; set; }
        public long Seq { get; } = SortedStore<MessageMedia>.NextSeq();
        public long SortTicks => DateCreated.UtcTicks;
        public string AccountSid;
        public string MessageSid;
        public string ContentType;
        public DateTimeOffset DateCreated;

        public MessageMediaJson ToJson() => new MessageMediaJson
        {
            AccountSid = AccountSid,
            ContentType = ContentType,
            DateCreated = TwilioJson.Rfc2822(DateCreated),
            DateUpdated = TwilioJson.Rfc2822(DateCreated),
            ParentSid = MessageSid,
            Sid = Sid,
            Uri = "/2010-04-01/Accounts/" + AccountSid + "/Messages/" + MessageSid + "/Media/" + Sid + ".json",
        };
    }

    internal sealed class MessageMediaJson
    {
        public string AccountSid { get; set; }
        public string ContentType { get; set; }
        public string DateCreated { get; set; }
        public string DateUpdated { get; set; }
        public string ParentSid { get; set; }
        public string Sid { get; set; }
        public string Uri { get; set; }
    }

    /// <summary>api.v2010.account.message.message_feedback</summary>
    internal sealed class MessageFeedbackJson
    {
        public string AccountSid { get; set; }
        public string DateCreated { get; set; }
        public string DateUpdated { get; set; }
        public string MessageSid { get; set; }
        public string Outcome { get; set; }
        public string Uri { get; set; }
    }

    /// <summary>One account's messages and their media.</summary>
    internal sealed class AccountMessages
    {
        public SortedStore<Message> Messages { get; } = new SortedStore<Message>();
        public SortedStore<MessageMedia> Media { get; } = new SortedStore<MessageMedia>();
    }

    /// <summary>Messages of every account: one <see cref="AccountMessages"/> per account.</summary>
    internal sealed class MessageStore
    {
        private readonly Dictionary<string, AccountMessages> _byAccount = new Dictionary<string, AccountMessages>(StringComparer.Ordinal);
        private readonly EmulatorPrices _prices;

        public MessageStore(EmulatorPrices prices) { _prices = prices; }

        public AccountMessages For(string accountSid)
        {
            lock (_byAccount)
            {
                if (!_byAccount.TryGetValue(accountSid, out AccountMessages messages))
                    _byAccount[accountSid] = messages = new AccountMessages();
                return messages;
            }
        }

        /// <summary>A message and a media record per MediaUrl, SM or MM by whether it has media; not yet stored.</summary>
        public Message New(string accountSid, DateTimeOffset created, IReadOnlyList<string> mediaUrls, out List<MessageMedia> media)
        {
            var message = new Message
            {
                Sid = Sids.New(mediaUrls.Count > 0 ? "MM" : "SM"),
                AccountSid = accountSid,
                DateCreated = created,
                NumMedia = mediaUrls.Count,
                Prices = _prices,
                Timeline = new MessageTimeline { LastUpdate = created },
            };
            media = new List<MessageMedia>(mediaUrls.Count);
            foreach (string url in mediaUrls)
                media.Add(new MessageMedia
                {
                    Sid = Sids.New("ME"),
                    AccountSid = accountSid,
                    MessageSid = message.Sid,
                    ContentType = MessageMediaContent.TypeOf(url),
                    DateCreated = created,
                });
            return message;
        }

        /// <summary>Twilio's count: an MMS or a channel message is one unit; an SMS body is counted in segments.</summary>
        public static int SegmentsOf(string body, int mediaCount, string to) =>
            mediaCount > 0 || MessageAddress.Channel(to) != "sms" ? 1 : MessageSegments.Count(body);
    }

    /// <summary>Delivered messages spread over the past 30 days, every fourth with a picture.</summary>
    internal static class MessageSeeder
    {
        private static readonly string[] Bodies =
        {
            "Your verification code is 482913.", "Your order has shipped and will arrive on Thursday.",
            "Reminder: your appointment is tomorrow at 10:00.", "Thanks for your payment of $42.00.",
            "Das Paket wurde zugestellt. Schönen Tag!", "Votre rendez-vous est confirmé ✅",
        };

        public static void Seed(MessageStore store, string accountSid, int count, DateTimeOffset now)
        {
            if (count <= 0) return;
            var random = new Random(count);
            string[] numbers = new List<string>(MessageNumbers.All).ToArray();
            Array.Sort(numbers, StringComparer.Ordinal);
            var messages = new List<Message>(count);
            var media = new List<MessageMedia>();
            for (int i = 0; i < count; i++)
            {
                DateTimeOffset created = now - TimeSpan.FromSeconds(60 + random.Next(30 * 24 * 3600));
                string[] urls = i % 4 == 3 ? new[] { "https://example.com/images/photo" + i.ToString(CultureInfo.InvariantCulture) + ".jpg" } : Array.Empty<string>();
                Message message = store.New(accountSid, created, urls, out List<MessageMedia> own);
                message.To = "+1415555" + random.Next(2000, 10000).ToString("0000", CultureInfo.InvariantCulture);
                message.From = numbers[random.Next(numbers.Length)];
                message.Body = Bodies[random.Next(Bodies.Length)];
                message.Segments = MessageStore.SegmentsOf(message.Body, urls.Length, message.To);
                messages.Add(message);
                media.AddRange(own);
            }
            AccountMessages account = store.For(accountSid);
            account.Messages.AddRange(messages);
            account.Media.AddRange(media);
        }
    }
}
