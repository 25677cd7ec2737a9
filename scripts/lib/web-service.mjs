// The built service on a fresh embedded database, and Debian's Chromium, for the scripts that look
// at the web application (the screenshots and the web benchmark).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** `url` as given (without a trailing slash), or the built service (dist/ratify.mjs) started with this admin. */
export async function serviceFor({ url, email, password, name }) {
  if (url) return { url: url.replace(/\/$/, ''), stop: async () => undefined };
  const dataDir = mkdtempSync(join(tmpdir(), `ratify-${name}-`));
  const child = spawn(process.execPath, ['dist/ratify.mjs'], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_EMAIL: email, ADMIN_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const started = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      text += chunk;
      const match = text.match(/GraphQL at (http:\/\/[^\s/]+)\/graphql/);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the service exited (${code}): ${text}`)));
  });
  return {
    url: started,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
