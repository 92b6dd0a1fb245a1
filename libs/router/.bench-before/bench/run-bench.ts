import { Bench } from 'tinybench';
import { requestMix, routes, type BenchRequest } from './bench-table.js';
import {
  lambdaApiDispatcher,
  powertoolsDispatcher,
  proxyEvent,
  tollgateDispatcher,
  type Dispatcher,
} from './dispatch-contenders.js';
import {
  findMyWayMatcher,
  honoTrieMatcher,
  linearScanMatcher,
  naiveLinearScanMatcher,
  powertoolsMatcher,
  tollgateMatcher,
  type Matcher,
} from './match-contenders.js';

/**
 * One process, one table, one request mix. Each timed iteration runs the whole mix, so the
 * harness's per-call overhead is spread over `BATCH` requests.
 */
const BATCH = 1000;
const TIME_MS = Number(process.env['BENCH_TIME_MS'] ?? 1500);
const requests = requestMix(BATCH);
const events = requests.map(proxyEvent);

function checkMatcher(name: string, match: Matcher): void {
  for (const request of requests) {
    const served = match(request.method, request.path, request.version);
    if (served !== request.expected) {
      throw new Error(`${name} serves ${request.method} ${request.path} @${request.version} as ${served}, expected ${request.expected}`);
    }
  }
}

const expectedStatus = (request: BenchRequest) => (request.expected !== null ? 200 : request.version === '2023-01-01' ? 400 : 404);

async function checkDispatcher(name: string, dispatch: Dispatcher): Promise<void> {
  for (const [i, request] of requests.entries()) {
    const result = await dispatch(events[i] as (typeof events)[number]);
    if (result.statusCode !== expectedStatus(request)) {
      throw new Error(`${name}: ${request.path} @${request.version} → ${result.statusCode}, expected ${expectedStatus(request)}`);
    }
    if (result.statusCode === 200 && (JSON.parse(result.body) as { route: string }).route !== request.expected) {
      throw new Error(`${name}: ${request.path} served the wrong route`);
    }
  }
}

async function time(cases: Record<string, () => unknown>): Promise<Map<string, number>> {
  const bench = new Bench({ time: TIME_MS, warmupTime: 300 });
  for (const [name, run] of Object.entries(cases)) bench.add(name, run);
  await bench.run();
  const nsPerOp = new Map<string, number>();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
    nsPerOp.set(task.name, (result.latency.mean * 1e6) / BATCH);
  }
  return nsPerOp;
}

function report(title: string, nsPerOp: Map<string, number>, reference: string): void {
  const ours = nsPerOp.get(reference) as number;
  console.log(`\n${title}`);
  console.log(`${'contender'.padEnd(52)}${'ns/op'.padStart(10)}${'× ours'.padStart(10)}`);
  for (const [name, ns] of nsPerOp) {
    console.log(`${name.padEnd(52)}${ns.toFixed(0).padStart(10)}${(ns / ours).toFixed(1).padStart(10)}`);
  }
}

async function main(): Promise<void> {
  console.log(`${routes.length} routes; ${requests.length} requests per iteration (80% hits, 10% unknown path, 10% unsupported version)`);
  console.log(`node ${process.version}, ${TIME_MS} ms per case`);

  const matchers: Record<string, Matcher> = {
    '@tollgate/router matchRoute': tollgateMatcher(),
    'find-my-way': findMyWayMatcher(),
    'hono TrieRouter': honoTrieMatcher(),
    'powertools RouteHandlerRegistry (internal)': await powertoolsMatcher(),
    'linear scan of RegExps (method/version prefilter)': linearScanMatcher(),
    'linear scan of RegExps (RegExp first)': naiveLinearScanMatcher(),
  };
  for (const [name, match] of Object.entries(matchers)) checkMatcher(name, match);
  const matchCases = Object.fromEntries(
    Object.entries(matchers).map(([name, match]) => [
      name,
      () => {
        let served = 0;
        for (const request of requests) if (match(request.method, request.path, request.version) !== null) served++;
        return served;
      },
    ]),
  );
  report('Route matching (method + path + version → route)', await time(matchCases), '@tollgate/router matchRoute');

  const dispatchers: Record<string, Dispatcher> = {
    '@tollgate/router ApiRouter.handler': tollgateDispatcher(),
    'powertools event-handler Router.resolve': powertoolsDispatcher(),
    'lambda-api run': lambdaApiDispatcher(),
  };
  for (const [name, dispatch] of Object.entries(dispatchers)) await checkDispatcher(name, dispatch);
  const dispatchCases = Object.fromEntries(
    Object.entries(dispatchers).map(([name, dispatch]) => [
      name,
      async () => {
        for (const event of events) await dispatch(event);
      },
    ]),
  );
  report('Whole dispatch (event → APIGatewayProxyResult, JSON body)', await time(dispatchCases), '@tollgate/router ApiRouter.handler');
  console.log('\nhono RegExpRouter is left out: it cannot build a table with /x/search beside /x/:id (UnsupportedPathError).');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
