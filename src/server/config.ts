import path from 'node:path';
import { z } from 'zod';
import { parseIceUrls, type IceConfig } from '../features/meetings/ice.ts';
import { loadIdentityConfig, type IdentityConfig } from '../platform/identity/config.ts';

/**
 * Everything Nära reads from the environment, validated once at start.
 * A wrong value stops the process with a message naming the variable,
 * rather than failing later in some request.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Checked for emptiness first: coercion would turn PORT= (empty) into 0, a random port.
  PORT: z.string().trim().min(1, 'must not be empty').pipe(z.coerce.number<string>().int().min(0).max(65535)).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DEMO_MODE: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: booleanFlag.default(true),
  PATIENT_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).default(15),
  STAFF_IDLE_MINUTES: z.coerce.number().int().min(1).max(720).default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  WEB_DIST_DIR: z.string().default('./dist/web'),
  // Notifications (platform/notifications): see ARCHITECTURE.md, "Notifications".
  NOTIFY_TRANSPORT: z.enum(['sink', 'smtp']).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  NOTIFY_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  // Scheduled jobs (platform/jobs): see ARCHITECTURE.md, "Jobs".
  JOBS_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  // Video meetings (features/meetings/ice.ts): comma-separated stun:/turn: URLs, coturn's static-auth-secret.
  STUN_URLS: z.string().optional(),
  TURN_URLS: z.string().optional(),
  TURN_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  TURN_CREDENTIAL_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** PGlite's folder; undefined means in-memory (tests). */
  dataDir: string | undefined;
  databaseUrl: string | undefined;
  demoMode: boolean;
  logLevel: string;
  cookieSecure: boolean;
  session: { patientIdleMinutes: number; staffIdleMinutes: number; absoluteHours: number };
  rateLimit: { perMinute: number; loginPerMinute: number };
  webDistDir: string;
  notifications: {
    /** sink: the development sink (log + the demo page); smtp: e-mail through SMTP_URL. */
    transport: 'sink' | 'smtp';
    smtpUrl: string | undefined;
    mailFrom: string | undefined;
    /** Nära's address as patients reach it; the only thing a notification's text links to. */
    publicUrl: string;
    /** How often the outbox worker looks for due notifications (it is also nudged after a change). */
    pollIntervalMs: number;
  };
  /** How often the job worker looks for due jobs (platform/jobs; it is also nudged). */
  jobs: { pollIntervalMs: number };
  /** BankID and OpenID Connect (platform/identity/config.ts). */
  identity: IdentityConfig;
  /** Video meetings: the STUN and TURN servers browsers are given (features/meetings/ice.ts). */
  meetings: { ice: IceConfig };
};

export class ConfigError extends Error {}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  // Demo mode is on by default for a development checkout and must be asked for in production.
  const demoMode = values.DEMO_MODE ?? values.NODE_ENV !== 'production';
  if (values.NODE_ENV === 'production' && demoMode) {
    throw new ConfigError(
      'DEMO_MODE=true is refused when NODE_ENV=production: the demo login would let anyone in as any persona.',
    );
  }
  // Production sends real e-mail: the sink would only log, and patients would never hear of an answer.
  const notifyTransport = values.NOTIFY_TRANSPORT ?? (values.NODE_ENV === 'production' ? 'smtp' : 'sink');
  const notifyProblems: string[] = [];
  if (values.NODE_ENV === 'production' && notifyTransport === 'sink') {
    notifyProblems.push('NOTIFY_TRANSPORT=sink is refused when NODE_ENV=production: notifications would only be written to the log');
  }
  if (notifyTransport === 'smtp' && (!values.SMTP_URL || !values.MAIL_FROM)) {
    notifyProblems.push(
      `NOTIFY_TRANSPORT=smtp${values.NOTIFY_TRANSPORT ? '' : ' (the default when NODE_ENV=production)'} needs SMTP_URL (smtp://user:password@host:587) and MAIL_FROM (e.g. "Nära <no-reply@region.se>")`,
    );
  }
  if (values.NODE_ENV === 'production' && !values.PUBLIC_URL) {
    notifyProblems.push("PUBLIC_URL is required when NODE_ENV=production: notifications link to it (e.g. https://nara.region.se)");
  }
  if (notifyProblems.length > 0) throw new ConfigError(`Invalid configuration: ${notifyProblems.join('; ')}`);
  const publicUrl = values.PUBLIC_URL ?? `http://localhost:${values.PORT === 0 ? 3000 : values.PORT}`;
  const identity = loadIdentityConfig(environment, { production: values.NODE_ENV === 'production', publicUrl });
  if (identity.problems.length > 0) throw new ConfigError(`Invalid configuration: ${identity.problems.join('; ')}`);
  const ice = loadIceConfig(values);
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(values.DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    demoMode,
    logLevel: values.LOG_LEVEL,
    cookieSecure: values.COOKIE_SECURE,
    session: {
      patientIdleMinutes: values.PATIENT_IDLE_MINUTES,
      staffIdleMinutes: values.STAFF_IDLE_MINUTES,
      absoluteHours: values.SESSION_ABSOLUTE_HOURS,
    },
    rateLimit: { perMinute: values.RATE_LIMIT_PER_MINUTE, loginPerMinute: values.LOGIN_RATE_LIMIT_PER_MINUTE },
    webDistDir: path.resolve(values.WEB_DIST_DIR),
    notifications: {
      transport: notifyTransport,
      smtpUrl: values.SMTP_URL,
      mailFrom: values.MAIL_FROM,
      // Outside production the default follows PORT, so a link in the sink points at this server.
      publicUrl: values.PUBLIC_URL ?? `http://localhost:${values.PORT === 0 ? 3000 : values.PORT}`,
      pollIntervalMs: values.NOTIFY_POLL_SECONDS * 1000,
    },
    jobs: { pollIntervalMs: values.JOBS_POLL_SECONDS * 1000 },
    identity: identity.config,
    meetings: { ice },
  };
}

function loadIceConfig(values: z.infer<typeof environmentSchema>): IceConfig {
  const stun = parseIceUrls(values.STUN_URLS, ['stun', 'stuns']);
  const turn = parseIceUrls(values.TURN_URLS, ['turn', 'turns']);
  const problems = [
    ...stun.problems.map((url) => `STUN_URLS: "${url}" is not a stun: or stuns: URL`),
    ...turn.problems.map((url) => `TURN_URLS: "${url}" is not a turn: or turns: URL`),
  ];
  // A TURN server without the secret would be offered with no credentials, and every relayed call would fail.
  if (turn.urls.length > 0 && !values.TURN_SECRET) problems.push("TURN_URLS needs TURN_SECRET (coturn's static-auth-secret)");
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  return { stunUrls: stun.urls, turnUrls: turn.urls, turnSecret: values.TURN_SECRET, turnTtlSeconds: values.TURN_CREDENTIAL_TTL_SECONDS };
}
