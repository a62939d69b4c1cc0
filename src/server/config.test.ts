import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

// Every call passes its own environment: the tests never read or change process.env.

describe('loadConfig defaults', () => {
  it('fills in every default from an empty environment', () => {
    expect(loadConfig({})).toEqual({
      env: 'development',
      port: 3000,
      host: '0.0.0.0',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      demoMode: true,
      logLevel: 'info',
      cookieSecure: true,
      session: { patientIdleMinutes: 15, staffIdleMinutes: 60, absoluteHours: 12 },
      rateLimit: { perMinute: 600, loginPerMinute: 20 },
      webDistDir: path.resolve('./dist/web'),
      notifications: { transport: 'sink', smtpUrl: undefined, mailFrom: undefined, publicUrl: 'http://localhost:3000', pollIntervalMs: 15_000 },
      jobs: { pollIntervalMs: 15_000 },
      identity: { bankId: { kind: 'simulator' }, oidc: null },
      meetings: { ice: { stunUrls: [], turnUrls: [], turnSecret: undefined, turnTtlSeconds: 3600 } },
    });
  });

  it('reads given values, coercing numbers and flags', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '8080',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/nara',
      DATABASE_URL: 'postgres://nara@localhost:5432/nara',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      PATIENT_IDLE_MINUTES: '10',
      STAFF_IDLE_MINUTES: '30',
      SESSION_ABSOLUTE_HOURS: '8',
      RATE_LIMIT_PER_MINUTE: '100',
      LOGIN_RATE_LIMIT_PER_MINUTE: '5',
      WEB_DIST_DIR: '/srv/web',
    });
    expect(config).toMatchObject({
      env: 'test',
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/nara',
      databaseUrl: 'postgres://nara@localhost:5432/nara',
      logLevel: 'warn',
      cookieSecure: false,
      session: { patientIdleMinutes: 10, staffIdleMinutes: 30, absoluteHours: 8 },
      rateLimit: { perMinute: 100, loginPerMinute: 5 },
      webDistDir: '/srv/web',
    });
  });

  it('resolves relative folders to absolute paths', () => {
    expect(loadConfig({ DATA_DIR: 'somewhere' }).dataDir).toBe(path.resolve('somewhere'));
  });
});

// What production needs besides: real e-mail and the address the e-mails link to.
const productionMail = { SMTP_URL: 'smtp://relay.region.example:587', MAIL_FROM: 'Nära <no-reply@region.example>', PUBLIC_URL: 'https://nara.region.example' };

describe('loadConfig demo mode', () => {
  it('is on by default in development', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).demoMode).toBe(true);
  });

  it('is on by default in test', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).demoMode).toBe(true);
  });

  it('is off by default in production', () => {
    expect(loadConfig({ ...productionMail, NODE_ENV: 'production' }).demoMode).toBe(false);
  });

  it('can be turned off outside production', () => {
    expect(loadConfig({ NODE_ENV: 'development', DEMO_MODE: 'false' }).demoMode).toBe(false);
    expect(loadConfig({ DEMO_MODE: '0' }).demoMode).toBe(false);
    expect(loadConfig({ DEMO_MODE: 'no' }).demoMode).toBe(false);
  });

  it('may be stated as off in production', () => {
    expect(loadConfig({ ...productionMail, NODE_ENV: 'production', DEMO_MODE: 'false' }).demoMode).toBe(false);
  });

  it.each(['true', '1', 'yes'])('is refused in production when DEMO_MODE=%s', (value) => {
    const load = () => loadConfig({ ...productionMail, NODE_ENV: 'production', DEMO_MODE: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DEMO_MODE=true is refused when NODE_ENV=production/);
  });

  it('refuses a value that is not a yes or no, naming DEMO_MODE', () => {
    const load = () => loadConfig({ DEMO_MODE: 'maybe' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DEMO_MODE/);
  });
});

describe('loadConfig PORT', () => {
  it('accepts a port number', () => {
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
  });

  it('accepts 0 and 65535 (the ends of the range)', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it.each([
    ['not a number', 'abc'],
    ['negative', '-1'],
    ['above 65535', '65536'],
    ['not whole', '80.5'],
    ['empty', ''],
    ['only whitespace', '  '],
  ])('throws a ConfigError naming PORT when it is %s', (_what, value) => {
    const load = () => loadConfig({ PORT: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT/);
  });
});

describe('loadConfig other invalid values', () => {
  it.each([
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'verbose'],
    ['DATABASE_URL', 'not a url'],
    ['COOKIE_SECURE', 'sometimes'],
    ['PATIENT_IDLE_MINUTES', '0'],
    ['STAFF_IDLE_MINUTES', '721'],
    ['SESSION_ABSOLUTE_HOURS', '25'],
  ])('throws a ConfigError naming %s for %j', (variable, value) => {
    const load = () => loadConfig({ [variable]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(variable));
  });

  it('names every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'verbose' })).toThrow(/PORT.*LOG_LEVEL|LOG_LEVEL.*PORT/);
  });
});

describe('loadConfig notifications', () => {
  it('uses the development sink outside production, linking to this server', () => {
    expect(loadConfig({ PORT: '3210' }).notifications).toMatchObject({ transport: 'sink', publicUrl: 'http://localhost:3210' });
  });

  it('reads SMTP settings, the public address and the poll interval', () => {
    expect(
      loadConfig({ NOTIFY_TRANSPORT: 'smtp', SMTP_URL: 'smtps://u:p@mail.example:465', MAIL_FROM: 'Nära <a@b.se>', PUBLIC_URL: 'https://nara.example', NOTIFY_POLL_SECONDS: '5' })
        .notifications,
    ).toEqual({ transport: 'smtp', smtpUrl: 'smtps://u:p@mail.example:465', mailFrom: 'Nära <a@b.se>', publicUrl: 'https://nara.example', pollIntervalMs: 5000 });
  });

  it('reads the job worker\'s poll interval', () => {
    expect(loadConfig({ JOBS_POLL_SECONDS: '30' }).jobs).toEqual({ pollIntervalMs: 30_000 });
  });

  it('sends e-mail through SMTP by default in production', () => {
    expect(loadConfig({ ...productionMail, NODE_ENV: 'production' }).notifications.transport).toBe('smtp');
  });

  it('refuses SMTP without SMTP_URL and MAIL_FROM, naming them', () => {
    expect(() => loadConfig({ NOTIFY_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL.*MAIL_FROM/);
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://nara.example' })).toThrow(/default when NODE_ENV=production.*SMTP_URL/);
  });

  it('refuses the sink and a missing PUBLIC_URL in production', () => {
    expect(() => loadConfig({ ...productionMail, NODE_ENV: 'production', NOTIFY_TRANSPORT: 'sink' })).toThrow(/NOTIFY_TRANSPORT=sink is refused/);
    expect(() => loadConfig({ ...productionMail, NODE_ENV: 'production', PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL is required/);
  });

  it.each([
    ['NOTIFY_TRANSPORT', 'carrier-pigeon'],
    ['SMTP_URL', 'http://mail.example'],
    ['PUBLIC_URL', 'ftp://nara.example'],
    ['NOTIFY_POLL_SECONDS', '0'],
    ['JOBS_POLL_SECONDS', '0'],
  ])('throws a ConfigError naming %s for %j', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(variable));
  });

  it('never repeats the SMTP password in its message', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://user:s3cret@ host' })).toThrow(ConfigError);
    try {
      loadConfig({ SMTP_URL: 'smtp://user:s3cret@ host' });
    } catch (error) {
      expect(String(error)).not.toContain('s3cret');
    }
  });
});
