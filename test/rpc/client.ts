// A bare JSON-RPC client over `ws` and fetch for the RPC tests: raw answers, notifications in arrival order.
import WebSocket from "ws";

export interface Answer {
  jsonrpc: "2.0";
  id: number | string | null;
  result?: any;
  error?: { code: number; message: string; data?: unknown };
}

export interface Notification {
  jsonrpc: "2.0";
  method: string;
  params: { subscription: string; result: any };
}

/** Everything a socket received, in order, with waiting helpers. */
export class WsClient {
  readonly received: any[] = [];
  private nextId = 1;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      this.received.push(JSON.parse(data.toString()));
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static connect(url: string, opts: WebSocket.ClientOptions = {}): Promise<WsClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, opts);
      ws.once("open", () => resolve(new WsClient(ws)));
      ws.once("error", reject);
      ws.once("unexpected-response", (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { statusCode: res.statusCode })));
    });
  }

  /** Sends raw text; the answers land in `received`. */
  sendRaw(text: string | Buffer): void {
    this.ws.send(text);
  }

  async call(method: string, params: unknown[] = []): Promise<Answer> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    return this.waitFor((m) => m.id === id);
  }

  /** The result, or throws with the error's code and message. */
  async result(method: string, params: unknown[] = []): Promise<any> {
    const a = await this.call(method, params);
    if (a.error) throw Object.assign(new Error(`${method}: ${a.error.code} ${a.error.message}`), a.error);
    return a.result;
  }

  /** Waits for the first received message (already or later) matching `pred`. */
  async waitFor<T = any>(pred: (m: any) => boolean, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(pred);
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.received).slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Notifications of subscription `id`, in order. */
  notifications(id: string): Notification[] {
    return this.received.filter((m) => m.params?.subscription === id);
  }

  async nthNotification(id: string, n: number, timeoutMs = 10_000): Promise<Notification> {
    await this.waitFor(() => this.notifications(id).length > n, timeoutMs);
    return this.notifications(id)[n]!;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once("close", () => resolve());
      this.ws.close();
    });
  }
}

/** One HTTP POST; returns the status, headers and parsed body (text when not JSON). */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = text === "" ? "" : JSON.parse(text);
  } catch {
    // a plain-text answer (403, 405, 429) stays text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export const call = (method: string, params: unknown[] = [], id: number | string = 1) => ({ jsonrpc: "2.0", id, method, params });
