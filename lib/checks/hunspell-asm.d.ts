// The CommonJS build of hunspell-asm has no declaration file beside it; its types are the package's.
// (The ESM build crashes when bundled: it calls a namespace import of `nanoid` as a function.)
declare module 'hunspell-asm/dist/cjs/index.js' {
  export * from 'hunspell-asm';
}
