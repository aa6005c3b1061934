import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildIde } from '../gateway/src/ide/build';
import { testAccessConfig, testAccessDatabase } from './support/access';
import { CHROMIUM_ARGS, ensureChromium, freshUserDataDir } from './support/chromium';
import { startStack, Stack } from './support/stack';

// Apollo's landing page is disabled (it loads scripts, fonts and an iframe from a CDN and
// fonts.googleapis.com): a browser opening /graphql or / gets the gateway's offline IDE instead,
// every page the gateway serves refers to no other host, and the IDE reached from /graphql runs a
// query with every request of the page going to 127.0.0.1. GraphQL over GET still answers JSON.
// Started as test/ide.test.ts starts its gateway.

// The page functions below run in the browser; this file is compiled without DOM types.
declare const document: any;

const ROOT = path.resolve(__dirname, '..');
// What a browser sends when opening a page (Chromium's navigation Accept).
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/**
 * Absolute URLs that may appear in what the gateway serves although their host is not this
 * machine, because nothing fetches them. Anything else fails the scan. All are in the IDE's
 * bundle (assets/ide.js), from GraphiQL, React, graphql-js, CodeMirror and linkify-it.
 */
const NOT_FETCHED_URLS = new Set([
  // XML namespace identifiers (createElementNS / setAttributeNS): names, never requested.
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/1998/Math/MathML',
  // Text of error messages and schema descriptions (shown, not loaded).
  'https://reactjs.org/docs/error-decoder.html', // React's minified-error message
  'https://yarnpkg.com/en/docs/selective-version-resolutions', // graphql-js "duplicate graphql module" error
  'https://github.com/graphql/graphiql/blob/master/examples/graphiql-cdn/index.html', // GraphiQL's "React 15" error
  'https://en.wikipedia.org/wiki/IEEE_floating_point', // the Float scalar's description
  'https://commonmark.org/', // @deprecated(reason)'s description
  // Links a user may click (target=_blank): navigation on request, never loaded by the page.
  'https://github.com/graphql/graphiql', // GraphiQL's logo
  'https://codemirror.net/5/doc/manual.html', // the shortcuts dialog's "CodeMirror Key Maps"
]);
/** linkify-it's template for a scheme-less link (`http://${t.url}`): no host of its own. */
const TEMPLATE_URL = 'http://${';

let stack: Stack;
let origin: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const executablePath = ensureChromium();
  await buildIde(); // dist/ide, as `npm run build` writes it
  const accessDatabase = testAccessDatabase();
  stack = await startStack({ gateway: { access: await testAccessConfig(accessDatabase, { grantsFile: path.join(ROOT, 'schema/grants.dev.json') }) } });
  origin = new URL(stack.gatewayUrl).origin;
  context = await chromium.launchPersistentContext(freshUserDataDir(), { executablePath, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1600, height: 900 } });
  page = context.pages()[0] ?? (await context.newPage());
}, 900_000);

afterAll(async () => {
  await context?.close();
  await stack?.stop();
});

/** Every http(s) URL in `text` whose host is not this machine and which is not known to be unfetched. */
function outsideUrls(text: string): string[] {
  const found: string[] = [];
  for (const [url] of text.matchAll(/https?:\/\/[^\s"'`<>()\\,;]+/gi)) {
    if (url.startsWith(TEMPLATE_URL)) continue;
    const host = /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
    if (host === '127.0.0.1' || host === 'localhost') continue;
    const bare = url.replace(/[?#].*$/, '');
    if (NOT_FETCHED_URLS.has(bare) || NOT_FETCHED_URLS.has(url)) continue;
    found.push(url);
  }
  return found;
}

/** The scripts and stylesheets an HTML page refers to, as absolute URLs on the gateway. */
function referencedAssets(html: string, base: string): string[] {
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)=["']([^"']+)["']/gi)].map((m) => m[1]);
  return refs.filter((ref) => !ref.startsWith('data:')).map((ref) => new URL(ref, base).toString());
}

test.each(['/graphql', '/'])('a browser GET of %s (Accept: text/html) ends at the IDE with 200, query string kept', async (route) => {
  const redirect = await fetch(`${origin}${route}?query=%7B__typename%7D`, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
  expect(redirect.status).toBe(302);
  expect(redirect.headers.get('location')).toBe('/ide?query=%7B__typename%7D');

  const res = await fetch(`${origin}${route}`, { headers: { accept: BROWSER_ACCEPT } });
  expect(res.status).toBe(200);
  expect(new URL(res.url).pathname).toBe('/ide');
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await res.text();
  expect(html).toMatch(/GraphQL IDE/);
  expect(html).not.toMatch(/apollo/i);
});

test('GraphQL over GET (JSON accept) still answers as before', async () => {
  const res = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  // No Accept at all: Apollo's answer, not a redirect.
  const bare = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' }, redirect: 'manual' });
  expect(bare.status).toBe(200);
  // A GET with no query and a JSON accept gets Apollo's 400, not the landing page.
  const empty = await fetch(`${origin}/graphql`, { headers: { accept: 'application/json' }, redirect: 'manual' });
  expect(empty.status).toBe(400);
  expect(empty.headers.get('content-type')).not.toMatch(/html/);
});

test('every page the gateway serves, and the scripts and styles they load, refer to no outside host', async () => {
  // The HTML routes: / and /graphql (redirects to the IDE) and /ide, the only page route.
  const pages = ['/', '/graphql', '/ide'];
  const scanned: Record<string, string[]> = {};
  for (const route of pages) {
    const redirect = await fetch(`${origin}${route}`, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
    scanned[`${route} (as answered)`] = outsideUrls(await redirect.text());
    const res = await fetch(`${origin}${route}`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    const html = await res.text();
    scanned[`${route} → ${new URL(res.url).pathname}`] = outsideUrls(html);
    const assets = referencedAssets(html, res.url);
    expect(assets.length).toBeGreaterThanOrEqual(2); // ide.js and ide.css
    for (const asset of assets) {
      expect(new URL(asset).origin).toBe(origin);
      const body = await fetch(asset);
      expect(body.status).toBe(200);
      scanned[new URL(asset).pathname] = outsideUrls(await body.text());
    }
  }
  expect(Object.keys(scanned)).toEqual(expect.arrayContaining(['/ide/assets/ide.js', '/ide/assets/ide.css']));
  expect(Object.fromEntries(Object.entries(scanned).filter(([, urls]) => urls.length > 0))).toEqual({});
});

test('Chromium opening /graphql gets the IDE, runs a query and every request of the page goes to 127.0.0.1', async () => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const res = await page.goto(`${origin}/graphql`);
  expect(res!.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe('/ide');
  await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
  await page.waitForSelector('[data-example="district-dashboard"]');
  // As test/ide.test.ts runs it: pick the example, press ▶, read the result editor.
  await page.click('[data-example="district-dashboard"]');
  await page.click('.graphiql-execute-button');
  await page.waitForFunction((text) => ((document.querySelector('.result-window .CodeMirror') as any)?.CodeMirror?.getValue() ?? '').includes(text), 'Thành phố Bến Cát', { timeout: 60_000 });
  const result = JSON.parse(await page.evaluate(() => (document.querySelector('.result-window .CodeMirror') as any).CodeMirror.getValue()));
  expect(result.errors).toBeUndefined();
  expect(result.data.administrativeUnit.name).toBe('Thành phố Bến Cát');

  expect(requests).toContain(`${origin}/graphql`);
  expect(requests).toContain(`${origin}/ide/assets/ide.js`);
  const outside = requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    const { protocol, hostname } = new URL(url);
    return !['http:', 'https:'].includes(protocol) || hostname !== '127.0.0.1';
  });
  expect(requests.length).toBeGreaterThan(3);
  expect(outside).toEqual([]);
});
