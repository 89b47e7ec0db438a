/**
 * The demo's control: stop a commune node and start it again, to watch the hub answer without
 * it and the reports mark it stale. Listens on the loopback interface only, for this machine's
 * user: `curl -X POST http://127.0.0.1:4099/communes/BE-52011/stop`.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';

export interface DemoControl {
  /** Stops the commune's node; false if it is not a demo commune or already stopped. */
  stop(code: string): Promise<boolean>;
  /** Starts it again on its data; false if it is not a demo commune or already running. */
  start(code: string): Promise<boolean>;
  /** Runs every report now, so that what changed shows on the reports page. */
  runReports(): Promise<void>;
}

export async function startDemoControl(control: DemoControl, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const match = /^\/communes\/([A-Z]{2}-\w+)\/(stop|start)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('POST /communes/<code>/stop or /communes/<code>/start\n');
      return;
    }
    const [, code, action] = match as unknown as [string, string, 'stop' | 'start'];
    void (async () => {
      const changed = await control[action](code);
      if (!changed) {
        res.writeHead(409, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(
          `${code} is not a demo commune, or is already ${action === 'stop' ? 'stopped' : 'running'}\n`,
        );
        return;
      }
      await control.runReports();
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        action === 'stop'
          ? `${code} stopped; every report ran without it: the reports page marks it stale.\n`
          : `${code} started again; every report ran with it.\n`,
      );
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${String(error)}\n`);
    });
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

/** The network page's instructions for the demo's control, in the pages' languages. */
export function staleNotice(controlUrl: string): { fr: string; nl: string; en: string } {
  const stop = `curl -X POST ${controlUrl}/communes/BE-52011/stop`;
  const start = `curl -X POST ${controlUrl}/communes/BE-52011/start`;
  return {
    fr: `Démo : pour voir une commune marquée « périmée » dans les rapports, arrêtez Charleroi (tous les rapports sont recalculés sans elle) : ${stop} — puis relancez-la : ${start}`,
    nl: `Demo: om een gemeente als verouderd gemarkeerd te zien in de rapporten, stop Charleroi (alle rapporten worden zonder haar herberekend): ${stop} — en start ze opnieuw: ${start}`,
    en: `Demo: to see a commune marked stale in the reports, stop Charleroi (every report runs again without it): ${stop} — then start it again: ${start}`,
  };
}
