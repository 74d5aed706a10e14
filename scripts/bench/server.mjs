// scripts/bench/server.mjs — owns the benchmark's static server: several folders under their own
// prefixes, ETag revalidation (304) as ordinary static hosts do, and a count of the bytes sent,
// so that "zero bytes from the network" on a repeat visit is measured at the server itself.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

import { TYPES } from '../../tests/e2e/server.mjs';

/**
 * Serves each `mounts[prefix] = dir` (prefix like '/app/') on 127.0.0.1, gzip-encoded (level 9)
 * when the browser accepts it, as an ordinary static host does; brotli is left out because a
 * plain static server does not have it.
 * Resolves to { origin, sent(), reset(), close() }: `sent()` is { bytes, requests } since `reset()`.
 */
export async function serveMounts(mounts) {
  let bytes = 0;
  let requests = 0;
  const roots = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const gzipped = new Map();
  const server = createServer(async (req, res) => {
    requests += 1;
    const send = (status, body, headers = {}) => {
      const payload = req.method === 'HEAD' || status === 304 ? undefined : body;
      if (payload) bytes += payload.length;
      res.writeHead(status, { 'Cache-Control': 'no-cache', ...headers });
      res.end(payload);
    };
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const mount = roots.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return send(404, 'not found');
    const [prefix, root] = mount;
    let file = resolve(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) return send(404, 'not found');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      if (req.headers['if-none-match'] === etag) return send(304, '', { ETag: etag });
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const compressible = !type.startsWith('image/png');
      if (compressible && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!gzipped.has(etag)) gzipped.set(etag, gzipSync(body, { level: 9 }));
        const gz = gzipped.get(etag);
        return send(200, gz, {
          'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': gz.length, ETag: etag, Vary: 'Accept-Encoding',
        });
      }
      send(200, body, { 'Content-Type': type, 'Content-Length': body.length, ETag: etag });
    } catch {
      send(404, 'not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    sent: () => ({ bytes, requests }),
    reset: () => {
      bytes = 0;
      requests = 0;
    },
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
