import type { Browser, Page } from '@playwright/test';
import { loginAs } from './nara.ts';

/**
 * What the video-meeting journeys share: Chromium with fake camera and microphone, a signed-in
 * page that exposes its RTCPeerConnections, and the statistics the tests assert on
 * (frames decoded, which ICE path was chosen, how long the first frame took).
 */

export const fakeMediaLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    // A sandbox with only loopback gathers no ICE candidates without this.
    '--allow-loopback-in-peer-connection',
    '--autoplay-policy=no-user-gesture-required',
  ],
};

type TestWindow = { __naraTestHooks?: boolean; __naraForceRelay?: boolean; __naraMeeting?: { connections: () => RTCPeerConnection[] } };

/**
 * A new browser context, signed in. The meeting page exposes its connections
 * (window.__naraMeeting) only under the test flag; `forceRelay` makes every connection
 * use the TURN server only (iceTransportPolicy 'relay').
 */
export async function signedInPage(
  browser: Browser,
  name: string,
  landsOn: '/start' | '/arbetsyta',
  options: { width?: number; baseURL?: string; forceRelay?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    permissions: ['camera', 'microphone'],
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
  });
  await context.addInitScript((forceRelay) => {
    const testWindow = window as unknown as TestWindow;
    testWindow.__naraTestHooks = true;
    if (forceRelay) testWindow.__naraForceRelay = true;
  }, options.forceRelay === true);
  const page = await context.newPage();
  await loginAs(page, name, landsOn);
  return page;
}

/** The inbound video frames decoded so far on this page's connections (0 when none yet). */
export async function framesDecoded(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const hooks = (window as unknown as TestWindow).__naraMeeting;
    let frames = 0;
    for (const pc of hooks?.connections() ?? []) {
      const stats = await pc.getStats();
      stats.forEach((report: { type: string; kind?: string; framesDecoded?: number }) => {
        if (report.type === 'inbound-rtp' && report.kind === 'video') frames += report.framesDecoded ?? 0;
      });
    }
    return frames;
  });
}

/** Milliseconds from `from` until this page has decoded a remote video frame. */
export async function untilFirstFrame(page: Page, from: number, timeoutMs = 30_000): Promise<number> {
  for (;;) {
    if ((await framesDecoded(page)) > 0) return Date.now() - from;
    if (Date.now() - from > timeoutMs) throw new Error(`no video frame decoded within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(20);
  }
}

/** How much framesDecoded grows on this page within `ms`. */
export async function frameGrowth(page: Page, ms = 500): Promise<number> {
  const first = await framesDecoded(page);
  await page.waitForTimeout(ms);
  return (await framesDecoded(page)) - first;
}

export async function connectionStates(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as Required<TestWindow>).__naraMeeting.connections().map((pc) => pc.connectionState));
}

/**
 * For each connection, the candidate types of the pair ICE selected ("host", "srflx",
 * "relay"): the proof of which path the media takes.
 */
export async function selectedCandidateTypes(page: Page): Promise<{ local: string; remote: string }[]> {
  return page.evaluate(async () => {
    const result: { local: string; remote: string }[] = [];
    for (const pc of (window as unknown as Required<TestWindow>).__naraMeeting.connections()) {
      const reports = new Map<string, Record<string, unknown>>();
      (await pc.getStats()).forEach((report: Record<string, unknown>) => reports.set(report.id as string, report));
      const transport = [...reports.values()].find((report) => report.type === 'transport');
      const pair = reports.get(transport?.selectedCandidatePairId as string);
      result.push({
        local: String(reports.get(pair?.localCandidateId as string)?.candidateType ?? 'none'),
        remote: String(reports.get(pair?.remoteCandidateId as string)?.candidateType ?? 'none'),
      });
    }
    return result;
  });
}

/** With NARA_SCREENSHOTS=<folder>: full-page screenshots at 1280 and 390 px wide, to look at. */
export async function shootAtWidths(page: Page, name: string): Promise<void> {
  const folder = process.env.NARA_SCREENSHOTS;
  if (!folder) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
