import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

// A tiny stand-in for the built web app, so the test does not depend on `vite build`.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nara-web-'));
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Nära</title><div id="root"></div>');
fs.writeFileSync(path.join(dist, 'assets', 'main-abc123.js'), 'export {};');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { WEB_DIST_DIR: dist } });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves the page at / and at every deep link, never cached', async () => {
    for (const url of ['/', '/start', '/hitta-vard/0b9a7a52-55a0-4a0a-9a56-0a0a0a0a0a0a', '/arbetsyta/e-tjanster?x=1']) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root">');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves hashed assets for a long time, and a file built after start at once', async () => {
    const asset = await t.app.inject({ url: '/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    fs.writeFileSync(path.join(dist, 'assets', 'later-def456.js'), 'export {};');
    expect((await t.app.inject({ url: '/assets/later-def456.js' })).statusCode).toBe(200);
  });

  it('answers a missing file or API path with 404 in the error format, not the page', async () => {
    const missing = await t.app.inject({ url: '/assets/gone-000000.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('route_not_found');
    expect((await t.app.inject({ url: '/api/nothing-here' })).json().error.code).toBe('route_not_found');
  });
});
