import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Builds the IDE (app.tsx, GraphiQL and React from node_modules) into `<root>/dist/ide`: one
 * index.html, assets/ide.js and assets/ide.css. Run by `npm run build` after tsc (a second or
 * two); nothing in the output refers to another host, so the page loads with no network.
 */
export interface IdeBuild {
  outDir: string;
  files: string[];
}

/** The package root: the nearest folder above `from` with a package.json (dist/ or source alike). */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export function ideOutDir(root: string = packageRoot()): string {
  return path.join(root, 'dist', 'ide');
}

const HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Bình Dương data gateway — GraphQL IDE</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/ide/assets/ide.css" />
  </head>
  <body>
    <div id="graphiql">Loading the IDE…</div>
    <script src="/ide/assets/ide.js"></script>
  </body>
</html>
`;

/** Any absolute URL other than a namespace or licence comment in the bundle would leave the machine. */
const EXTERNAL_URL = /url\(\s*["']?(?:https?:)?\/\//i;

export async function buildIde(root: string = packageRoot(), outDir: string = ideOutDir(root)): Promise<IdeBuild> {
  // Loaded lazily: esbuild is a build-time (dev) dependency; the running gateway never needs it.
  const esbuild = await import('esbuild');
  const assets = path.join(outDir, 'assets');
  mkdirSync(assets, { recursive: true });
  // Build beside the live files, then rename: a gateway serving dist/ide never sees half a file.
  const staging = path.join(outDir, `.staging-${process.pid}`);
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { ide: path.join(root, 'gateway/src/ide/app.tsx') },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    jsx: 'automatic',
    outdir: staging,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    // Fonts and images stay inside the CSS (GraphiQL already inlines its fonts).
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  const css = readFileSync(path.join(staging, 'ide.css'), 'utf8');
  if (EXTERNAL_URL.test(css)) throw new Error('the IDE stylesheet refers to an external URL; inline it or drop it');
  for (const file of ['ide.js', 'ide.css']) renameSync(path.join(staging, file), path.join(assets, file));
  writeFileSync(path.join(outDir, 'index.html'), HTML);
  rmSync(staging, { recursive: true, force: true });
  return { outDir, files: ['index.html', 'assets/ide.js', 'assets/ide.css'] };
}

// `npm run build` runs this after tsc; silent on success (npm start prints its own lines).
if (require.main === module) {
  buildIde().catch((error) => {
      console.error(`ide build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
