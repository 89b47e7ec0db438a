import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal } from '../support/local-server';

/** What a rogue commune does with the answers of the honest node behind it. */
export type Misbehaviour =
  | { kind: 'honest' }
  /** Rewrites each GraphQL answer (not `_service`), as a commune altering its data would. */
  | { kind: 'alter'; transform: (body: any, request: { query: string }) => any }
  /** Answers an endless body, as fast as the hub reads it. */
  | { kind: 'flood' };

export interface RogueCommune {
  /** Base URL: `<url>/directory/graphql` reaches the node's same path. */
  url: string;
  behaviour: Misbehaviour;
  /** Bytes of the last flood written before the hub hung up, once it did. */
  flooded: Promise<number> | null;
  close(): Promise<void>;
}

const FLOOD_LIMIT = 256 * 1024 * 1024;
const FLOOD_CHUNK = Buffer.from(`{"cursor":"x","node":{"name":"${'A'.repeat(64 * 1024)}"}},`);

/**
 * A commune that registers honestly (its `_service` and `/health` are the node's) and then
 * misbehaves in its answers to the hub's queries.
 */
export async function startRogueCommune(nodeUrl: string): Promise<RogueCommune> {
  const rogue: RogueCommune = {
    url: '',
    behaviour: { kind: 'honest' },
    flooded: null,
    close: async () => {},
  };
  const { url, close } = await listenLocal(async (req, res) => {
    const body = await readBody(req);
    const query = parseQuery(body);
    const misbehaving = req.method === 'POST' && !query.includes('_service');
    if (misbehaving && rogue.behaviour.kind === 'flood') {
      rogue.flooded = flood(res);
      return;
    }
    const upstream = await fetch(`${nodeUrl}${req.url}`, {
      method: req.method ?? 'GET',
      headers: forwardedHeaders(req),
      ...(req.method === 'POST' ? { body } : {}),
    });
    let text = await upstream.text();
    const behaviour = rogue.behaviour;
    if (misbehaving && behaviour.kind === 'alter')
      text = JSON.stringify(behaviour.transform(JSON.parse(text), { query }));
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
    });
    res.end(text);
  });
  rogue.url = url;
  rogue.close = close;
  return rogue;
}

/** Writes a GraphQL answer that never ends until the reader hangs up; resolves to the bytes sent. */
async function flood(res: ServerResponse): Promise<number> {
  res.writeHead(200, { 'content-type': 'application/json' });
  let bytes = 0;
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  res.write('{"data":{"businesses":{"totalCount":1,"edges":[');
  while (!closed && bytes < FLOOD_LIMIT) {
    bytes += FLOOD_CHUNK.length;
    if (!res.write(FLOOD_CHUNK))
      await Promise.race([once(res, 'drain'), once(res, 'close')]).catch(() => {});
  }
  res.destroy();
  return bytes;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseQuery(body: string): string {
  try {
    return String((JSON.parse(body) as { query?: unknown }).query ?? '');
  } catch {
    return '';
  }
}

function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers).filter(
      ([k, v]) => typeof v === 'string' && k !== 'host' && k !== 'content-length',
    ),
  ) as Record<string, string>;
}
