// Bundles the Account Console with our Community pages into the community account theme's resources.
// Keycloak's keycloak.v3 index.ftl (our theme's parent) loads the entry named in .vite/manifest.json.
import { build } from "esbuild";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

// Keycloak's UI packages import PatternFly's class maps without an extension
// ("@patternfly/react-styles/css/components/Avatar/avatar"), as Vite resolves them: to the ES module. esbuild
// would take the CommonJS file, whose default export an ES module sees as { default: ... }; the masthead's
// avatar then failed. This points such imports at the .mjs file.
const patternflyClassMaps = {
  name: "patternfly-class-maps",
  setup(build) {
    build.onResolve({ filter: /^@patternfly\/react-styles\/css\/.+\/[^./]+$/ }, (args) => {
      const file = resolve("node_modules", `${args.path}.mjs`);
      return existsSync(file) ? { path: file } : undefined;
    });
  },
};

const out = process.argv[2] ?? "dist";
// chunk names carry hashes: an earlier build's would stay beside the new ones and go into the JAR
for (const dir of ["chunks", "assets"]) rmSync(join(out, dir), { recursive: true, force: true });
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
  plugins: [patternflyClassMaps],
});
mkdirSync(join(out, ".vite"), { recursive: true });
writeFileSync(join(out, ".vite", "manifest.json"), JSON.stringify({
  "src/main.jsx": { file: "community-account.js", src: "src/main.jsx", isEntry: true, css: ["community-account.css"] },
}, null, 2));
