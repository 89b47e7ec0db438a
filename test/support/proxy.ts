import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Proxy {
  /** Base URL: `<url>/directory/graphql` reaches the target's same path. */
  url: string;
  /** Delay added before answering, changeable while running. */
  delayMs: number;
  /** Rewrites GraphQL answers (not `_service`), changeable while running. */
  transform: ((body: any) => any) | null;
  /** Every request it forwarded, as the node received it (headers and body). */
  received: { url: string; headers: Record<string, string | string[] | undefined>; body: string }[];
  close(): Promise<void>;
}

/**
 * A commune node seen through a misbehaving network: slow, or answering with altered data.
 * Health checks and `_service` pass through untouched so that registration succeeds.
 */
export async function startProxy(targetBaseUrl: string): Promise<Proxy> {
  const proxy: Proxy = {
    url: '',
    delayMs: 0,
    transform: null,
    received: [],
    close: async () => {},
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    proxy.received.push({ url: req.url ?? '', headers: { ...req.headers }, body });
    const upstream = await fetch(`${targetBaseUrl}${req.url}`, {
      method: req.method ?? 'GET',
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(
          ([k, v]) => typeof v === 'string' && k !== 'host' && k !== 'content-length',
        ),
      ) as Record<string, string>,
      ...(req.method === 'POST' ? { body } : {}),
    });
    let text = await upstream.text();
    const isService = body.includes('_service');
    if (!isService && req.method === 'POST') {
      if (proxy.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, proxy.delayMs));
      if (proxy.transform) text = JSON.stringify(proxy.transform(JSON.parse(text)));
    }
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
    });
    res.end(text);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return proxy;
}
