// One cold start, in a fresh `node` process: load the bundle, invoke it once, report timings.
// performance.now() counts from process start, so `loaded` includes Node's own boot.
const { performance } = require('node:perf_hooks');
const [bundlePath, eventJson] = process.argv.slice(2);
const { handler } = require(bundlePath);
const loaded = performance.now();
handler(JSON.parse(eventJson)).then((result) => {
  const done = performance.now();
  process.stdout.write(JSON.stringify({ loaded, done, statusCode: result.statusCode }));
  // Lambda freezes the container here; the bench just ends the process (the pool keeps it alive).
  process.exit(0);
});
