// `npm test`: every check the project has, in order, stopping at the first failure.
import { spawnSync } from 'node:child_process';
import { requireChromium } from './chromium.mjs';

const chromium = requireChromium();
const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['biome', 'check', '.']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build (Chrome MV3)', 'npx', ['wxt', 'build']],
  ['build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']],
  ['build check', 'node', ['scripts/check-builds.mjs']],
  ['end-to-end (Chromium, headless)', 'npx', ['playwright', 'test']],
];
const only = process.argv.slice(2);
const t0 = Date.now();
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  const s = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
  const secs = ((Date.now() - s) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (${secs} s). Stopping.`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${name} (${secs} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
