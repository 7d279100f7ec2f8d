// Checks both production builds' manifests: name, permissions, host matches, no localhost, CSP, icons present.
import fs from 'node:fs';
import path from 'node:path';

const HOSTS = ['https://vk.com/*', 'https://vk.ru/*', 'https://m.vk.com/*', 'https://ok.ru/*', 'https://m.ok.ru/*'];
let failed = 0;
const fail = (m) => {
  console.error(`✖ ${m}`);
  failed++;
};
for (const dir of ['.output/chrome-mv3', '.output/firefox-mv2']) {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) {
    fail(`${file} missing`);
    continue;
  }
  const m = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (m.name !== 'Помощник госпаблика') fail(`${dir}: name is ${m.name}`);
  if (!/[а-я]/i.test(m.description ?? '')) fail(`${dir}: description is not Russian`);
  const perms = (m.permissions ?? []).filter((p) => !p.includes('://'));
  const hostPerms = m.host_permissions ?? (m.permissions ?? []).filter((p) => p.includes('://'));
  const extra = perms.filter((p) => !['storage', 'unlimitedStorage'].includes(p));
  if (extra.length) fail(`${dir}: extra permissions ${extra.join(', ')}`);
  const badHosts = hostPerms.filter((h) => !HOSTS.includes(h));
  if (badHosts.length) fail(`${dir}: unexpected host permissions ${badHosts.join(', ')}`);
  const all = JSON.stringify(m);
  if (/localhost|127\.0\.0\.1/.test(all)) fail(`${dir}: production manifest mentions localhost`);
  for (const cs of m.content_scripts ?? [])
    for (const mt of cs.matches) if (!HOSTS.includes(mt)) fail(`${dir}: content script matches ${mt}`);
  for (const icon of Object.values(m.icons ?? {}))
    if (!fs.existsSync(path.join(dir, icon))) fail(`${dir}: icon ${icon} missing`);
  if (/https?:\/\/[^"]*\.js/.test(all)) fail(`${dir}: remote script reference`);
  if (!failed) console.log(`✔ ${dir}: manifest OK (${m.manifest_version === 3 ? 'MV3' : 'MV2'})`);
}
process.exit(failed ? 1 : 0);
