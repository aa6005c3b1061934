/**
 * Points a supergraph's subgraphs at the URLs given by name (`@join__graph(name:, url:)`), so
 * every gateway reads the same file with the ports of this run. Unknown names are an error.
 */
export function withRoutingUrls(supergraphSdl: string, urls: Record<string, string>): string {
  const seen = new Set<string>();
  const rewritten = supergraphSdl.replace(/@join__graph\(\s*name:\s*"([^"]+)"\s*,\s*url:\s*"[^"]*"\s*\)/g, (_match, name: string) => {
    const url = urls[name];
    if (!url) throw new Error(`no routing URL for subgraph "${name}" (have: ${Object.keys(urls).join(', ')})`);
    seen.add(name);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  const unused = Object.keys(urls).filter((name) => !seen.has(name));
  if (unused.length) throw new Error(`the supergraph has no subgraph named ${unused.join(', ')}`);
  return rewritten;
}

/** The subgraph names of a supergraph, in the order of its join__Graph enum. */
export function subgraphNames(supergraphSdl: string): string[] {
  return [...supergraphSdl.matchAll(/@join__graph\(\s*name:\s*"([^"]+)"/g)].map((m) => m[1]);
}
