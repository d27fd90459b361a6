import { generate } from 'otplib';

// TOTP codes for tests, made the way an authenticator app makes them.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The code of the step `offset` steps from now. Codes are used in increasing step order per person
 * (-1, 0, +1), since the server refuses a step at or before the last one used. Waits when a step
 * boundary is near, so the server checks the code in the same step it was made in.
 */
export async function codeAt(secret: string, offset: number): Promise<string> {
  if (Date.now() % 30_000 > 28_000) await sleep(30_000 - (Date.now() % 30_000) + 100);
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });
}

/** A code valid at no step near now. */
export async function wrongCode(secret: string): Promise<string> {
  const near = new Set(await Promise.all([-1, 0, 1].map((o) => codeAt(secret, o))));
  let n = 123_456;
  while (near.has(String(n).padStart(6, '0'))) n++;
  return String(n).padStart(6, '0');
}
