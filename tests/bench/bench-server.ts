/** Loopback HTTP for the benchmarks: a server on a free port, and a built bench page served from a folder. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export interface Listening {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Starts `server` on 127.0.0.1 and a port the kernel chooses. */
export function listen(server: http.Server): Promise<Listening> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const close = () =>
        new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        });
      resolve({ url: `http://127.0.0.1:${port}/`, close });
    }),
  );
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves the files of `dist` (a built bench page); nothing outside it. */
export function serveDirectory(dist: string): Promise<Listening> {
  return listen(
    http.createServer((req, res) => {
      const file = path.join(dist, req.url === '/' ? 'index.html' : (req.url ?? '').split('?')[0] ?? '');
      if (!file.startsWith(dist) || !fs.existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    }),
  );
}
