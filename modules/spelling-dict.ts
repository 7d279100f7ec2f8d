// WXT local module (auto-loaded from modules/): puts the spelling dictionary (dictionary-ru,
// BSD-3-Clause) and our word lists into every build as public files under dict/, where the
// background loads them with loadExtensionSpeller(browser.runtime.getURL) — see DICT_ASSETS in
// lib/checks/spelling.ts. Nothing is copied into the source tree. scripts/copy-dict.mjs makes the
// same copies by hand.
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineWxtModule } from 'wxt/modules';

export default defineWxtModule({
  name: 'spelling-dict',
  setup(wxt) {
    wxt.hook('build:publicAssets', (_wxt, files) => {
      const root = wxt.config.root;
      const require = createRequire(path.join(root, 'package.json'));
      const dictDir = path.dirname(require.resolve('dictionary-ru'));
      const add = (absoluteSrc: string, relativeDest: string) => files.push({ absoluteSrc, relativeDest });
      add(path.join(dictDir, 'index.aff'), 'dict/ru_RU.aff');
      add(path.join(dictDir, 'index.dic'), 'dict/ru_RU.dic');
      add(path.join(dictDir, 'license'), 'dict/LICENSE-dictionary-ru.txt');
      add(path.join(root, 'lib/checks/data/words-official.txt'), 'dict/words-official.txt');
      add(path.join(root, 'lib/checks/data/places-ru.txt'), 'dict/places-ru.txt');
    });
  },
});
