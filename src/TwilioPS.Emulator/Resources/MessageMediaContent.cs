using System;
using System.Text;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// The content type Twilio reports for a MediaUrl, from its extension, and a small file of that
    /// type that opens in an ordinary viewer (a 1x1 pixel in Twilio red, a one-page PDF, a contact
    /// card…), so clients can save and inspect what they download. The emulator never fetches a MediaUrl.
    /// </summary>
    internal static class MessageMediaContent
    {
        public const string OctetStream = "application/octet-stream";

        private static readonly string[] ByExtension =
        {
            ".jpg", "image/jpeg", ".jpeg", "image/jpeg", ".png", "image/png", ".gif", "image/gif",
            ".pdf", "application/pdf", ".mp4", "video/mp4", ".vcf", "text/vcard",
        };

        private static readonly byte[] Png = Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4pO8GAAN+AWi3F0JtAAAAAElFTkSuQmCC");
        private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
        /// <summary>Baseline, one grey 8x8 block, with one-code Huffman tables (DC 0, then end of block).</summary>
        private static readonly byte[] Jpeg = Convert.FromBase64String(
            "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/" +
            "wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AP//Z");
        /// <summary>One empty 1-inch page; the xref offsets are exact.</summary>
        private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
            "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>\nendobj\nxref\n0 4\n0000000000 65535 f \n" +
            "0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \ntrailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n184\n%%EOF\n");
        /// <summary>An ISO base media file with only its ftyp box (isom, mp41).</summary>
        private static readonly byte[] Mp4 = Convert.FromBase64String("AAAAGGZ0eXBpc29tAAACAGlzb21tcDQx");
        private static readonly byte[] VCard = Encoding.UTF8.GetBytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:TwilioPS Emulator\r\nTEL:+15005550006\r\nEND:VCARD\r\n");
        private static readonly byte[] Other = Encoding.ASCII.GetBytes("TwilioPS emulator media\n");

        /// <summary>The content type of a MediaUrl from the extension of its path (the query does not count).</summary>
        public static string TypeOf(string mediaUrl)
        {
            string path = Uri.TryCreate(mediaUrl, UriKind.Absolute, out Uri uri) ? uri.AbsolutePath : mediaUrl;
            for (int i = 0; i < ByExtension.Length; i += 2)
                if (path.EndsWith(ByExtension[i], StringComparison.OrdinalIgnoreCase)) return ByExtension[i + 1];
            return OctetStream;
        }

        public static byte[] For(string contentType)
        {
            switch (contentType)
            {
                case "image/jpeg": return Jpeg;
                case "image/png": return Png;
                case "image/gif": return Gif;
                case "application/pdf": return Pdf;
                case "video/mp4": return Mp4;
                case "text/vcard": return VCard;
                default: return Other;
            }
        }
    }
}
