/**
 * The variables a Dockerfile's `ENV` instructions set, in order, each `${NAME}` or `$NAME`
 * expanded from earlier ones or from `base` (what the base image sets). A cold start measured
 * without them would miss what they cost at boot (NODE_EXTRA_CA_CERTS, NODE_OPTIONS, …).
 */
export function dockerfileEnvironment(
  dockerfile: string,
  base: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const set: Record<string, string> = {};
  const expand = (value: string) =>
    value.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, braced?: string, bare?: string) => {
      const name = braced ?? bare ?? '';
      return set[name] ?? base[name] ?? '';
    });
  for (const line of dockerfile.replace(/\\\n/g, ' ').split('\n')) {
    const instruction = /^\s*ENV\s+(.+)$/i.exec(line)?.[1]?.trim();
    if (instruction === undefined) continue;
    const pairs = [...instruction.matchAll(/(\w+)=("[^"]*"|\S*)/g)];
    if (pairs.length === 0) {
      // The legacy form: `ENV NAME value with spaces`.
      const [name = '', ...value] = instruction.split(/\s+/);
      set[name] = expand(value.join(' '));
      continue;
    }
    for (const [, name = '', raw = ''] of pairs) set[name] = expand(raw.replace(/^"(.*)"$/, '$1'));
  }
  return set;
}
