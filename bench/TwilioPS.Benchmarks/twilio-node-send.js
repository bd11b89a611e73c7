// The official twilio package sending messages with a fixed number of requests in flight:
// node twilio-node-send.js <twilio package folder> <emulator base URL> <account SID> <auth token>
// <messages> <concurrency> <from> <runs>. After 20 messages to warm up, prints "@result run<i> <ms> <sent> <cpu ms>"
// for each run (run0 the first, the others warm), as the benchmark's children do.
'use strict';
const [, , packageFolder, baseUrl, accountSid, authToken, messages, concurrency, from, runs] = process.argv;
const twilio = require(packageFolder);
const client = twilio(accountSid, authToken);
client.api.baseUrl = baseUrl;

const to = (i) => '+1415555' + String(2000 + (i % 8000)).padStart(4, '0');

// A small worker pool: each worker takes the next index until none is left, so exactly
// `concurrency` requests are in flight, as -ThrottleLimit keeps them.
async function send(count, workers) {
  let next = 0;
  let sent = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await client.messages.create({ to: to(i), from, body: 'x' });
      sent++;
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return sent;
}

(async () => {
  await send(20, Math.min(20, Number(concurrency)));
  for (let run = 0; run < Number(runs); run++) {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const sent = await send(Number(messages), Number(concurrency));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    console.log(`@result run${run} ${ms} ${sent} ${(used.user + used.system) / 1000}`);
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
