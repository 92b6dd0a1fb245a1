// The key-map shard tool. From the repository root:
//   node --conditions=@tollgate/source --import tsx tools/keys/src/main.ts <shard|check|locate> …
//   (or: NX_DAEMON=false npx nx run key-tools:keys -- <shard|check|locate> …)
import { runKeysCommand } from './keys-command.js';

void runKeysCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then((code) => {
  process.exitCode = code;
});
