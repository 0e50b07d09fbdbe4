// Bundles the Account Console with our Community pages into the community account theme's resources.
// Keycloak's keycloak.v3 index.ftl (our theme's parent) loads the entry named in .vite/manifest.json.
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2] ?? "dist";
await build({
  entryPoints: { "community-account": "src/main.jsx" },
  bundle: true,
  splitting: true,
  format: "esm",
  minify: true,
  sourcemap: false,
  target: "es2022",
  jsx: "automatic",
  outdir: out,
  chunkNames: "chunks/[name]-[hash]",
  assetNames: "assets/[name]-[hash]",
  define: { "process.env.NODE_ENV": '"production"' },
  loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".svg": "file", ".png": "file", ".jpg": "file" },
  logLevel: "warning",
});
mkdirSync(join(out, ".vite"), { recursive: true });
writeFileSync(join(out, ".vite", "manifest.json"), JSON.stringify({
  "src/main.jsx": { file: "community-account.js", src: "src/main.jsx", isEntry: true, css: ["community-account.css"] },
}, null, 2));
