/**
 * A small LSP client over stdio for protocol tests that need raw control (out-of-order
 * versions, hostile payloads, timing): spawns a server, frames JSON-RPC, answers
 * workspace/configuration from a settings object, and records every notification.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';

export const SERVER_JS = path.resolve(__dirname, '../../../dist/server.js');

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  result?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  error?: { code: number; message: string };
}

export class StdioLsp {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly notifications: Message[] = [];
  stderr = '';
  private buf: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, (m: Message) => void>();
  private waiters: {
    pred: (m: Message) => boolean;
    resolve: (m: Message | undefined) => void;
    timer: NodeJS.Timeout;
  }[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    private settings: Record<string, unknown> = { appspec: { syntaxDiagnostics: 'always' } },
    argv: string[] = [process.execPath, SERVER_JS, '--stdio'],
  ) {
    this.proc = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr.on('data', (d: Buffer) => {
      if (this.stderr.length < 100_000) this.stderr += d.toString();
    });
    this.proc.stdin.on('error', () => undefined); // the server died; the test reports it
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  private onData(d: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const m = /Content-Length: *(\d+)/i.exec(this.buf.subarray(0, sep).toString('ascii'));
      if (!m) throw new Error(`bad header from server: ${this.buf.subarray(0, sep).toString()}`);
      const len = Number(m[1]);
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString('utf8')) as Message;
      this.buf = this.buf.subarray(sep + 4 + len);
      this.onMessage(msg);
    }
  }

  private onMessage(m: Message): void {
    if (m.id !== undefined && m.method === undefined) {
      const p = this.pending.get(Number(m.id));
      this.pending.delete(Number(m.id));
      p?.(m);
      return;
    }
    if (m.id !== undefined) {
      let result: unknown = null;
      if (m.method === 'workspace/configuration') {
        result = (m.params.items as { section?: string }[]).map((it) =>
          it.section ? (this.settings[it.section] ?? null) : this.settings,
        );
      }
      this.send({ jsonrpc: '2.0', id: m.id, result });
      return;
    }
    this.notifications.push(m);
    for (const w of [...this.waiters]) {
      if (w.pred(m)) {
        clearTimeout(w.timer);
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  }

  send(m: Message): void {
    const s = JSON.stringify(m);
    this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
  }

  /** Sends raw bytes (for malformed-frame tests). */
  sendRaw(data: string | Buffer): void {
    this.proc.stdin.write(data);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request<R = any>(method: string, params: unknown, timeoutMs = 10_000): Promise<R> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} got no answer within ${timeoutMs} ms (server alive: ${this.alive})`));
      }, timeoutMs);
      this.pending.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(`${method} failed: ${m.error.message}`));
        else resolve(m.result as R);
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next notification matching `pred` (already received ones are not considered), or undefined after `timeoutMs`. */
  waitFor(pred: (m: Message) => boolean, timeoutMs = 10_000): Promise<Message | undefined> {
    return new Promise((resolve) => {
      const w = {
        pred,
        resolve,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          resolve(undefined);
        }, timeoutMs),
      };
      this.waiters.push(w);
    });
  }

  diagnosticsFor(uri: string, version?: number): (m: Message) => boolean {
    return (m) =>
      m.method === 'textDocument/publishDiagnostics' &&
      m.params.uri === uri &&
      (version === undefined || m.params.version === version);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async initialize(rootUri: string | null = null): Promise<any> {
    const r = await this.request(
      'initialize',
      {
        processId: process.pid,
        rootUri,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
          textDocument: {
            publishDiagnostics: { versionSupport: true, relatedInformation: true },
            completion: { completionItem: { snippetSupport: true } },
          },
        },
      },
      30_000,
    );
    this.notify('initialized', {});
    return r;
  }

  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await this.request('shutdown', null, 3000);
        this.notify('exit', null);
      } catch {
        // killed below
      }
    }
    const t = setTimeout(() => this.proc.kill('SIGKILL'), 2000);
    await this.exited;
    clearTimeout(t);
  }
}
