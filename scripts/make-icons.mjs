// Draws Lantern's app icons (a warm light on a dark ground) as PNG files, with no image
// library: run `node scripts/make-icons.mjs` after changing the design; the output is
// committed in public/icons.
import fs from 'node:fs';
import zlib from 'node:zlib';

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
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function pixel(x, y, size) {
  const u = x / size;
  const v = y / size;
  const bg = [16, 20, 28];
  // Lantern body: a rounded glass between a cap and a base.
  const inGlass = Math.abs(u - 0.5) < 0.17 && v > 0.33 && v < 0.7;
  const inCap = Math.abs(u - 0.5) < 0.22 - (0.33 - v) * 0.6 && v > 0.26 && v <= 0.33;
  const inBase = Math.abs(u - 0.5) < 0.22 && v >= 0.7 && v < 0.75;
  const inRing = Math.hypot(u - 0.5, v - 0.21) < 0.06 && Math.hypot(u - 0.5, v - 0.21) > 0.035;
  if (inCap || inBase || inRing) return [214, 160, 66];
  if (inGlass) {
    const d = Math.hypot(u - 0.5, (v - 0.52) * 0.8);
    const t = Math.max(0, 1 - d / 0.2);
    return [Math.round(240 * t + 120 * (1 - t)), Math.round(190 * t + 80 * (1 - t)), Math.round(90 * t + 30 * (1 - t))];
  }
  const glow = Math.max(0, 1 - Math.hypot(u - 0.5, v - 0.52) / 0.5) ** 2 * 0.35;
  return bg.map((c, i) => Math.round(c + ([240, 180, 80][i] - c) * glow));
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) row.set(pixel(x, y, size), 1 + x * 3);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) fs.writeFileSync(`public/icons/icon-${size}.png`, png(size));
fs.writeFileSync('public/icons/apple-touch-icon.png', png(180));
console.log('icons written to public/icons');
