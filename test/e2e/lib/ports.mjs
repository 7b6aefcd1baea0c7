// Free TCP ports on the loopback interface.
import net from 'node:net';

/** Asks the OS for a free port on 127.0.0.1 (listen on 0, read it, close). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
