/**
 * The hub's web pages: the Vite bundle built from web/ (`npm run build:web`) into web/dist.
 * `index.html` answers `/`, `/reports` and `/reports/<id>` (the app picks the view from the
 * path); hashed files under `/assets/` are cached for a year. The pages load nothing from
 * outside the hub, which the Content-Security-Policy states.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Response, type Router } from 'express';

/** web/dist beside the hub's package, unless WEB_DIST_DIR says where the bundle is. */
export const DEFAULT_WEB_DIST = resolve(
  process.env['WEB_DIST_DIR'] ?? join(__dirname, '..', '..', '..', 'web', 'dist'),
);

/** Only the hub itself: scripts, styles, data and the API (ECharts' SVG sets style attributes). */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PAGES = ['/', '/reports', '/reports/:id'];

/** A line the operator shows on the network page, in each language of the pages. */
export interface PageNotice {
  fr: string;
  nl: string;
  en: string;
}

export function webPages(
  distDir: string = DEFAULT_WEB_DIST,
  notices: readonly PageNotice[] = [],
): Router {
  const router = express.Router();
  // What the operator tells visitors (maintenance, the demo's instructions): plain text.
  router.get('/notices.json', (_req, res) => {
    res.set('cache-control', 'no-cache').json({ notices });
  });
  const index = join(distDir, 'index.html');

  const notBuilt = (res: Response) =>
    res
      .status(503)
      .type('text/plain; charset=utf-8')
      .send(
        `The hub's web pages are not built: ${index} is missing. ` +
          'Run `npm run build:web` (npm start and npm test build them first).\n',
      );

  router.use(
    '/assets',
    express.static(join(distDir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );

  router.get(PAGES, (_req, res, next) => {
    if (!existsSync(index)) {
      notBuilt(res);
      return;
    }
    res.set({
      'cache-control': 'no-cache',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    });
    res.sendFile(index, (error) => {
      if (error && !res.headersSent) next(error);
    });
  });
  return router;
}
