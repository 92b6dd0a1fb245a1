// tollgate-keys: the key lifecycle and shard tool. From the repository root: npx tollgate-keys --help, or
//   node --conditions=@tollgate/source --import tsx tools/keys/src/main.ts <command> …
//   (or: NX_DAEMON=false npx nx run key-tools:keys -- <command> …)
import { runKeysCommand } from './keys-command.js';

void runKeysCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then((code) => {
  process.exitCode = code;
});
