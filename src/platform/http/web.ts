import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { sendError } from './error-handler.ts';

/**
 * Serves the built web app. Any path that is not /api and not a file gets
 * index.html, so that deep links (/start, /arbetsyta/…) work on reload.
 */
export async function installWeb(app: FastifyInstance, distDir: string) {
  const indexPath = path.join(distDir, 'index.html');
  const built = fs.existsSync(indexPath);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      // Files are looked up per request, so a rebuild while the server runs is served at once;
      // a path that is no file falls through to the not-found handler below (index.html).
      wildcard: true,
      index: ['index.html'],
      setHeaders: (reply, filePath) => {
        // Vite puts a content hash in asset names, so they may be cached for ever; the page itself must
        // be asked for again, or a browser would keep loading the previous build's assets.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
        else if (filePath.endsWith('.html')) reply.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (pathname.startsWith('/api/') || pathname === '/api' || (request.method !== 'GET' && request.method !== 'HEAD') || path.extname(pathname)) {
      return sendError(request, reply, new AppError('route_not_found', 404, { sv: 'Adressen finns inte.', en: 'No such address.' }));
    }
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Nära: webbgränssnittet är inte byggt. Kör "npm run build" (npm start gör det själv).');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
