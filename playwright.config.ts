import { defineConfig, devices } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Browser journeys against the real server and the built web app.
 * The server gets a fresh data folder per run, so every run starts from the demo region.
 * Workers re-read this file; they inherit the folder through the environment.
 */
const PORT = 3100;
const baseURL = `http://localhost:${PORT}`;
/** The stand-in for the region's IdP (scripts/dev-idp.ts), on loopback only. */
const IDP_PORT = 3199;

function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nara-e2e-'));
  process.env.NARA_E2E_DATA_DIR = dir;
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const dataDir = process.env.NARA_E2E_DATA_DIR ?? freshDataDir();

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // The server's embedded database serves one session at a time; one worker keeps the runs steady.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
        },
      },
    },
  ],
  webServer: [
    {
      // process.execPath is the Node 24 that npm put on PATH, not the system's older node.
      command: `"${process.execPath}" src/server/main.ts`,
      url: `${baseURL}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: {
        PORT: String(PORT),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '10000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
        // Staff log in with SITHS through the test IdP below (the demo persona cards stay).
        OIDC_ISSUER: `http://127.0.0.1:${IDP_PORT}`,
        OIDC_CLIENT_ID: 'nara-dev',
        OIDC_CLIENT_SECRET: 'nara-dev-secret-0123456789abcdef',
        OIDC_REDIRECT_URI: `${baseURL}/api/auth/oidc/callback`,
      },
    },
    {
      command: `"${process.execPath}" scripts/dev-idp.ts`,
      url: `http://127.0.0.1:${IDP_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: { IDP_PORT: String(IDP_PORT), NARA_URL: baseURL },
    },
  ],
});
