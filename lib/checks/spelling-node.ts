/** Node loader for the speller (CLI, tests, eval): reads the dictionary from node_modules. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSpeller, type Speller } from './spelling';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Absolute paths of the files the speller needs (also used by the build to copy them). */
export function dictionaryPaths(): { aff: string; dic: string; wordLists: string[] } {
  // dictionary-ru exports only index.js; locate the package directory through package.json.
  let dir: string;
  try {
    dir = path.dirname(require.resolve('dictionary-ru'));
  } catch {
    dir = path.resolve(here, '../../node_modules/dictionary-ru');
  }
  return {
    aff: path.join(dir, 'index.aff'),
    dic: path.join(dir, 'index.dic'),
    wordLists: [path.join(here, 'data/words-official.txt'), path.join(here, 'data/places-ru.txt')],
  };
}

export interface NodeSpellerOptions {
  /** Our word lists (default true). */
  wordLists?: boolean;
  extraWords?: readonly string[];
  loadTimeoutMs?: number;
}

export async function loadNodeSpeller(opts: NodeSpellerOptions = {}): Promise<Speller> {
  const p = dictionaryPaths();
  const lists = opts.wordLists === false ? [] : p.wordLists.map((f) => readFileSync(f, 'utf8'));
  return createSpeller({
    aff: readFileSync(p.aff),
    dic: readFileSync(p.dic),
    extraWords: [...lists, ...(opts.extraWords ?? [])],
    loadTimeoutMs: opts.loadTimeoutMs,
  });
}
