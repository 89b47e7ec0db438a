import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { webPages } from './web-pages';

/** An app serving only the web pages from `dist`, on port 0. */
async function serve(dist: string): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.use(webPages(dist));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the hub web pages', () => {
  let dist: string;
  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('answers every page with index.html, not cached, under a policy that allows only the hub', async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    const web = await serve(dist);
    try {
      for (const path of [
        '/',
        '/reports',
        '/reports/decisions-by-topic',
        '/reports?report=votes',
      ]) {
        const response = await fetch(web.url + path);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        expect(response.headers.get('cache-control')).toBe('no-cache');
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(await response.text()).toContain('<title>app</title>');
      }
      const asset = await fetch(`${web.url}/assets/index-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await fetch(`${web.url}/assets/missing.js`)).status).toBe(404);
      // Other routes under /reports (the exports) are not the pages'.
      expect((await fetch(`${web.url}/reports/votes/export.csv`)).status).toBe(404);
    } finally {
      await web.close();
    }
  });

  it('says how to build the pages when the bundle is missing', async () => {
    const web = await serve(join(dist, 'not-built'));
    try {
      const response = await fetch(`${web.url}/reports`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toContain('npm run build:web');
    } finally {
      await web.close();
    }
  });
});
