// node compare.mjs BEFORE AFTER DIFFDIR: pixels that differ per screenshot (and a diff image where any do)
import fs from 'node:fs';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
const [a, b, d] = process.argv.slice(2);
fs.mkdirSync(d, { recursive: true });
for (const f of fs.readdirSync(a).filter(f => f.endsWith('.png')).sort()) {
  const x = PNG.sync.read(fs.readFileSync(`${a}/${f}`));
  if (!fs.existsSync(`${b}/${f}`)) { console.log(f, 'missing after'); continue; }
  const y = PNG.sync.read(fs.readFileSync(`${b}/${f}`));
  if (x.width !== y.width || x.height !== y.height) { console.log(f, `size ${x.width}x${x.height} -> ${y.width}x${y.height}`); continue; }
  const diff = new PNG({ width: x.width, height: x.height });
  const n = pixelmatch(x.data, y.data, diff.data, x.width, x.height, { threshold: 0 });
  if (n > 0) fs.writeFileSync(`${d}/${f}`, PNG.sync.write(diff));
  console.log(f, n === 0 ? 'identical' : `${n} pixels differ`);
}
