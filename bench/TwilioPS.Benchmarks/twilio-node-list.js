// The official twilio package listing every call: node twilio-node-list.js <twilio package folder>
// <emulator base URL> <account SID> <auth token> <page size> <warm-up records> <timed runs>.
// Prints one "@result" line per timed run, as the benchmark's child processes do.
'use strict';
const [, , packageFolder, baseUrl, accountSid, authToken, pageSize, warmupRecords, runs] = process.argv;
const twilio = require(packageFolder);
const client = twilio(accountSid, authToken);
// twilio-node 6 has no base-URL option; each domain keeps its base URL in a public field, and
// next_page_uri is resolved against it too, so every request of the list goes to the emulator.
client.api.baseUrl = baseUrl;

function list(limit) {
  return new Promise((resolve, reject) => {
    let n = 0;
    const options = { pageSize: Number(pageSize), done: (error) => (error ? reject(error) : resolve(n)) };
    if (limit > 0) options.limit = limit;
    client.calls.each(options, () => n++);
  });
}

(async () => {
  if (Number(warmupRecords) > 0) await list(Number(warmupRecords));
  for (let run = 0; run < Number(runs); run++) {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const records = await list(0);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    console.log(`@result run${run} ${ms} ${records} ${(used.user + used.system) / 1000}`);
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
