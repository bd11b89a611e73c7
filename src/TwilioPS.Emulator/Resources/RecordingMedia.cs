using System;

namespace TwilioPS.Emulator.Resources
{
    /// <summary>
    /// Real audio files of a given length, so clients can save, inspect and play what they download:
    /// WAV is 8 kHz 16-bit PCM (Twilio's recording format) holding a quiet 440 Hz tone; MP3 is a run of
    /// silent MPEG-1 Layer III frames covering the same time.
    /// </summary>
    internal static class RecordingMedia
    {
        public const string WavContentType = "audio/x-wav";
        public const string Mp3ContentType = "audio/mpeg";

        public const int WavSampleRate = 8000;
        private const int WavHeaderSize = 44;
        private const double ToneHz = 440;
        private const double ToneAmplitude = 1000; // about -30 dBFS: audible, never loud

        /// <summary>One second of the tone; 440 whole cycles, so seconds repeat without a click.</summary>
        private static readonly short[] ToneSecond = BuildTone();

        /// <summary>MPEG-1 Layer III at 48 kHz, 32 kbit/s: 1152 samples (24 ms) in 144 * 32000 / 48000 = 96 bytes, no padding.</summary>
        public const int Mp3FrameBytes = 96;
        public const int Mp3SampleRate = 48000;
        private const int Mp3SamplesPerFrame = 1152;

        private static short[] BuildTone()
        {
            var tone = new short[WavSampleRate];
            for (int i = 0; i < tone.Length; i++)
                tone[i] = (short)Math.Round(ToneAmplitude * Math.Sin(2 * Math.PI * ToneHz * i / WavSampleRate));
            return tone;
        }

        public static byte[] Wav(int seconds, int channels)
        {
            int blockAlign = channels * 2;
            int dataBytes = checked(seconds * WavSampleRate * blockAlign);
            var wav = new byte[WavHeaderSize + dataBytes];
            int at = 0;
            void Ascii(string s) { foreach (char c in s) wav[at++] = (byte)c; }
            void Int32(int v) { wav[at++] = (byte)v; wav[at++] = (byte)(v >> 8); wav[at++] = (byte)(v >> 16); wav[at++] = (byte)(v >> 24); }
            void Int16(int v) { wav[at++] = (byte)v; wav[at++] = (byte)(v >> 8); }

            Ascii("RIFF"); Int32(wav.Length - 8); Ascii("WAVE");
            Ascii("fmt "); Int32(16);
            Int16(1);                              // PCM
            Int16(channels);
            Int32(WavSampleRate);
            Int32(WavSampleRate * blockAlign);     // byte rate
            Int16(blockAlign);
            Int16(16);                             // bits per sample
            Ascii("data"); Int32(dataBytes);
            for (int second = 0; second < seconds; second++)
                foreach (short sample in ToneSecond)
                    for (int c = 0; c < channels; c++) Int16(sample);
            return wav;
        }

        public static byte[] Mp3(int seconds, int channels)
        {
            // ceil(seconds * 48000 / 1152) frames, and at least one: a recording shorter than a second is
            // still a playable file, never an empty one.
            long frames = Math.Max(1, ((long)seconds * Mp3SampleRate + Mp3SamplesPerFrame - 1) / Mp3SamplesPerFrame);
            var mp3 = new byte[checked((int)frames * Mp3FrameBytes)];
            for (long f = 0; f < frames; f++)
            {
                int at = (int)f * Mp3FrameBytes;
                mp3[at] = 0xFF;                             // frame sync (11 bits) ...
                mp3[at + 1] = 0xFB;                         // ... MPEG-1, Layer III, no CRC
                mp3[at + 2] = 0x14;                         // bitrate index 1 (32 kbit/s), sample rate index 1 (48 kHz), no padding
                mp3[at + 3] = channels == 1 ? (byte)0xC4 : (byte)0x04; // mono or stereo, original
                // The rest stays zero: side information with no main data and no gain decodes as silence.
            }
            return mp3;
        }
    }
}
