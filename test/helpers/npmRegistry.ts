/**
 * A one-package npm registry on 127.0.0.1 for tests: it serves the packument of a packed tarball and the tarball
 * itself, which is all `npm install name@version` asks for. The real npm client talks to it; nothing leaves the machine.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { PackedCli } from './cliPackage';

export interface LocalRegistry {
  url: string;
  /** Request paths in arrival order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startRegistry(packed: PackedCli): Promise<LocalRegistry> {
  const manifest = JSON.parse(fs.readFileSync(path.join(packed.staged, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const tarballName = path.basename(packed.tarball);
  const tarball = fs.readFileSync(packed.tarball);
  const requests: string[] = [];
  let url = '';
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent((req.url ?? '/').split('?')[0]);
    requests.push(pathname);
    if (req.method === 'GET' && pathname === `/${packed.name}`) {
      const packument = {
        name: packed.name,
        'dist-tags': { latest: packed.version },
        versions: {
          [packed.version]: {
            ...manifest,
            _id: `${packed.name}@${packed.version}`,
            dist: {
              tarball: `${url}/${packed.name}/-/${tarballName}`,
              integrity: packed.integrity,
              shasum: packed.shasum,
            },
          },
        },
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(packument));
      return;
    }
    if (req.method === 'GET' && pathname === `/${packed.name}/-/${tarballName}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': tarball.length });
      res.end(tarball);
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'Not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
