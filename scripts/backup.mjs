// `npm run backup` / `npm run restore`: runs src/server/backup-cli.ts through tsx, the way
// `npm start` runs the server (docs/decisions/002), passing the arguments on.
//
//   npm run backup  [-- --out FILE] [--passphrase-file FILE]
//   npm run restore -- FILE [--passphrase-file FILE]
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/backup-cli.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
