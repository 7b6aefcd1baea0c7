// A minimal LSP client over stdio for the benchmark: spawns a server, frames JSON-RPC,
// answers workspace/configuration from a settings object, and reads the server's RSS.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export class LspProcess {
  /** @param {string[]} argv  @param {object} settings  settings returned for workspace/configuration */
  constructor(argv, settings = {}, opts = {}) {
    this.settings = settings;
    this.pending = new Map();
    this.listeners = [];
    this.nextId = 1;
    this.buf = Buffer.alloc(0);
    this.stderr = '';
    this.proc = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], cwd: opts.cwd });
    this.proc.stderr.on('data', (d) => {
      if (this.stderr.length < 20000) this.stderr += d.toString();
    });
    this.proc.stdout.on('data', (d) => this.onData(d));
    this.exited = new Promise((res) => this.proc.on('exit', (code, signal) => res({ code, signal })));
  }

  get pid() {
    return this.proc.pid;
  }

  onData(d) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const m = /Content-Length: *(\d+)/i.exec(this.buf.subarray(0, sep).toString('ascii'));
      const len = Number(m[1]);
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString('utf8'));
      this.buf = this.buf.subarray(sep + 4 + len);
      this.onMessage(msg);
    }
  }

  onMessage(m) {
    if (m.id !== undefined && m.method === undefined) {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (p) p(m);
      return;
    }
    if (m.id !== undefined) {
      let result = null;
      if (m.method === 'workspace/configuration') result = m.params.items.map((it) => this.section(it.section));
      this.send({ id: m.id, result });
      return;
    }
    for (const l of [...this.listeners]) l(m);
  }

  section(s) {
    if (!s) return this.settings;
    const v = s.split('.').reduce((o, k) => (o == null ? undefined : o[k]), this.settings);
    return v === undefined ? null : v;
  }

  send(m) {
    const s = JSON.stringify({ jsonrpc: '2.0', ...m });
    this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
  }

  request(method, params, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const t = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, (m) => {
        clearTimeout(t);
        resolve(m);
      });
      this.send({ id, method, params });
    });
  }

  notify(method, params) {
    this.send({ method, params });
  }

  /** Resolves with the first notification matching `pred`, or null after `ms`. */
  waitFor(pred, ms) {
    return new Promise((resolve) => {
      const l = (m) => {
        if (pred(m)) {
          clearTimeout(t);
          this.listeners.splice(this.listeners.indexOf(l), 1);
          resolve(m);
        }
      };
      const t = setTimeout(() => {
        this.listeners.splice(this.listeners.indexOf(l), 1);
        resolve(null);
      }, ms);
      this.listeners.push(l);
    });
  }

  rssMb() {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'))[1]) / 1024;
    } catch {
      return null;
    }
  }

  async stop() {
    try {
      await this.request('shutdown', null, 3000);
      this.notify('exit', null);
    } catch {
      // fall through to kill
    }
    const t = setTimeout(() => this.proc.kill(), 1000);
    await this.exited;
    clearTimeout(t);
  }
}

export const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => (s.length ? +s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(2) : null);
  return { n: s.length, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: s.length ? +s[s.length - 1].toFixed(2) : null };
};
