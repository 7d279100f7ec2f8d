// Copies the spelling dictionary (dictionary-ru's ru_RU .aff/.dic, BSD-3-Clause) and our word
// lists to where the extension loads them from: <publicDir>/dict/ (see DICT_ASSETS in
// lib/checks/spelling.ts). The WXT module modules/spelling-dict.ts adds the same files to every
// build automatically; run this script only to get plain copies:
//   node scripts/copy-dict.mjs [outDir]      (default: assets/public/dict — keep it out of git)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** [absolute source, path inside the extension] */
export function dictFiles() {
  const require = createRequire(path.join(root, 'package.json'));
  const dictDir = path.dirname(require.resolve('dictionary-ru'));
  return [
    [path.join(dictDir, 'index.aff'), 'dict/ru_RU.aff'],
    [path.join(dictDir, 'index.dic'), 'dict/ru_RU.dic'],
    [path.join(dictDir, 'license'), 'dict/LICENSE-dictionary-ru.txt'],
    [path.join(root, 'lib/checks/data/words-official.txt'), 'dict/words-official.txt'],
    [path.join(root, 'lib/checks/data/places-ru.txt'), 'dict/places-ru.txt'],
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(root, process.argv[2] ?? 'assets/public');
  for (const [src, dest] of dictFiles()) {
    const target = path.join(out, dest);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(src, target);
    console.log(`${path.relative(root, src)} → ${path.relative(root, target)}`);
  }
}
