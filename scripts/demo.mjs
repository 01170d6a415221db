// `npm run demo`: Lantern with a fictional team already at work (src/server/demo.ts), in its
// own data folder (demo-data/, never your real one). Makes the team once, then starts the
// server as `npm start` does. Delete demo-data/ for a fresh team.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'demo-data');
// Always the embedded SQLite file in demo-data/, even where DATABASE_URL points at a real database.
const env = { ...process.env, LANTERN_DATA_DIR: dataDir };
delete env.DATABASE_URL;

const made = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/demo-cli.ts'), dataDir], { cwd: root, stdio: 'inherit', env });
if (made.status !== 0) process.exit(made.status ?? 1);

const server = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
