// Bootstrap reduced to the selectors the public layout's pages can use (bench/README "Lighthouse", ADR 0008).
// Content = everything that can put a class on a public page: the public views, C# that builds markup or class names,
// the site's own scripts and stylesheets. Staff pages (Areas/) keep the full Bootstrap file.
import { PurgeCSS } from "purgecss";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/PortCooperation.Web");
const full = path.join(web, "wwwroot/lib/bootstrap/css/bootstrap.min.css");
const out = path.join(web, "wwwroot/lib/bootstrap/css/bootstrap.public.min.css");
const content = [
  "Views/**/*.cshtml",
  "Controllers/**/*.cs", "Models/**/*.cs", "Services/**/*.cs", "Infrastructure/**/*.cs", "TagHelpers/**/*.cs",
  "wwwroot/js/*.js", "wwwroot/css/*.css",
].map(p => path.join(web, p));

const [result] = await new PurgeCSS().purge({
  content,
  css: [full],
  // Same token rule as the check in tests (PublicStylesheetTests): any run of letters, digits, '-' and '_'.
  defaultExtractor: text => text.match(/[A-Za-z0-9_-]+/g) || [],
  variables: false,
  keyframes: true,
  fontFace: true,
});
const header = "/* Bootstrap v5 (MIT, see LICENSE) reduced by tools/purge-css to the selectors the public pages use. Do not edit: run tools/purge-css/run.sh */";
// @charset must stay the first bytes of the file, so the note goes after it.
const css = result.css.replace(/^@charset "UTF-8";/, "");
writeFileSync(out, '@charset "UTF-8";' + header + css);
console.log(`${path.relative(process.cwd(), out)}: ${readFileSync(full).length} → ${readFileSync(out).length} bytes`);
