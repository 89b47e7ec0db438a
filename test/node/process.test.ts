import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/cli';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

describe('a node process, as deployed', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'node-process-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('logs JSON lines, says where it listens, and exits 0 on SIGTERM', async () => {
    const child = spawn(TSX, [join(ROOT, 'subgraphs/node/src/main.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        COMMUNE_CODE: 'BE-92094',
        COMMUNE_NAME: 'Namur',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
      },
    });
    let stdout = '';
    child.stderr.resume();
    const listening = new Promise<{ url: string; endpoints: string[] }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.split('\n').find((l) => l.includes('"node listening"'));
        if (line) resolve(JSON.parse(line));
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stdout}`)));
    });
    const started = await listening;
    expect(started.endpoints).toContain(`${started.url}/directory/graphql`);
    expect((await fetch(`${started.url}/health`)).status).toBe(200);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.at(-1)).toMatchObject({ name: 'node', signal: 'SIGTERM', level: 30 });
  });
});
