import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'wxt';

/** Local addresses are added only to the `e2e` build, never to the production manifest. */
const LOCAL = ['http://localhost/*', 'http://127.0.0.1/*'];
export const SITE_MATCHES = [
  'https://vk.com/*',
  'https://vk.ru/*',
  'https://m.vk.com/*',
  'https://ok.ru/*',
  'https://m.ok.ru/*',
];

export default defineConfig({
  publicDir: 'assets/public',
  // A separate output folder lets several builds coexist (e.g. parallel e2e runs): WXT_OUT_DIR=.output-x
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Помощник госпаблика',
    description:
      'Проверяет посты и ответы официальных страниц администраций в VK и Одноклассниках: канцелярит, пресс-релизный тон, ссылки на НПА, приветствие, орфографию. Всё работает офлайн.',
    default_locale: undefined,
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: SITE_MATCHES,
    // Hunspell (spelling) is WebAssembly; it runs only in the background, never in a content script.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    browser_specific_settings:
      browser === 'firefox'
        ? { gecko: { id: 'gospublic-helper@example.org', strict_min_version: '115.0' } }
        : undefined,
    icons: { 16: 'icon-16.png', 32: 'icon-32.png', 48: 'icon-48.png', 128: 'icon-128.png' },
    action: { default_title: 'Помощник госпаблика', default_icon: { 16: 'icon-16.png', 32: 'icon-32.png' } },
  }),
  hooks: {
    // The spelling dictionary (dictionary-ru, BSD-3-Clause) and our word lists go into every build under
    // dict/, where the background loads them (DICT_ASSETS in lib/checks/spelling.ts).
    'build:publicAssets': (wxt, files) => {
      const root = wxt.config.root;
      const dictDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('dictionary-ru'));
      const add = (absoluteSrc: string, relativeDest: string) => files.push({ absoluteSrc, relativeDest });
      add(path.join(dictDir, 'index.aff'), 'dict/ru_RU.aff');
      add(path.join(dictDir, 'index.dic'), 'dict/ru_RU.dic');
      add(path.join(dictDir, 'license'), 'dict/LICENSE-dictionary-ru.txt');
      add(path.join(root, 'lib/checks/data/words-official.txt'), 'dict/words-official.txt');
      add(path.join(root, 'lib/checks/data/places-ru.txt'), 'dict/places-ru.txt');
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      for (const cs of manifest.content_scripts ?? []) cs.matches = [...(cs.matches ?? []), ...LOCAL];
      for (const war of manifest.web_accessible_resources ?? [])
        if (typeof war === 'object' && 'matches' in war) war.matches = [...(war.matches ?? []), ...LOCAL];
    },
  },
});
