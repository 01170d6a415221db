// `npm start`: builds the PWA if it is missing or older than its sources, then runs the
// server (migrations and first-run setup happen there) serving the PWA and /api on PORT.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist', 'index.html');

function newestMtime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function needsBuild() {
  if (!fs.existsSync(built)) return true;
  const sources = ['src/app', 'src/shared', 'public', 'index.html', 'vite.config.ts'].map((p) => path.join(root, p));
  return Math.max(...sources.map(newestMtime)) > fs.statSync(built).mtimeMs;
}

if (needsBuild()) {
  console.log('Building the app…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
