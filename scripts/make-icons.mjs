// Draws the toolbar icon (a speech bubble with a check mark) into PNGs of every size the manifest lists.
// Pure Node (zlib): no image tools needed. Run: node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const OUT = path.join(import.meta.dirname, '..', 'assets', 'public');
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function sdRoundRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
function sdSegment(x, y, ax, ay, bx, by) {
  const pax = x - ax,
    pay = y - ay,
    bax = bx - ax,
    bay = by - ay;
  const h = Math.max(0, Math.min(1, (pax * bax + pay * bay) / (bax * bax + bay * bay)));
  return Math.hypot(pax - bax * h, pay - bay * h);
}
const clamp = (v) => Math.max(0, Math.min(1, v));

function draw(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size,
        y = (py + 0.5) / size,
        aa = 1 / size;
      // bubble: rounded rect plus a tail at the bottom left
      const body = sdRoundRect(x, y, 0.5, 0.44, 0.44, 0.36, 0.14);
      const tail = Math.max(sdSegment(x, y, 0.22, 0.78, 0.16, 0.96) - 0.07, -1);
      const shape = Math.min(body, tail);
      const a = clamp(0.5 - shape / aa);
      // check mark
      const w = Math.max(0.055, 1.2 / size);
      const check = Math.min(sdSegment(x, y, 0.28, 0.45, 0.44, 0.6), sdSegment(x, y, 0.44, 0.6, 0.73, 0.3)) - w;
      const c = clamp(0.5 - check / aa);
      const r = Math.round(0x1f * (1 - c) + 255 * c);
      const g = Math.round(0x6f * (1 - c) + 255 * c);
      const b = Math.round(0xeb * (1 - c) + 255 * c);
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round(255 * a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const s of [16, 32, 48, 128]) fs.writeFileSync(path.join(OUT, `icon-${s}.png`), draw(s));
console.log(`icons written to ${OUT}`);
