import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentNode, Kind, OperationDefinitionNode, parse } from 'graphql';

// The code blocks of README.md that the client tests run, read from the README itself so that
// the documentation and the tests cannot drift apart.

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const README_PATH = path.join(REPO_ROOT, 'README.md');
export const TOOLS_SECTION = '## Use it from your tools';

export function readme(): string {
  return readFileSync(README_PATH, 'utf8');
}

/** The bodies of the fenced blocks of one language, in order. */
export function fencedBlocks(markdown: string, language: string): string[] {
  const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm');
  return [...markdown.matchAll(fence)].map((m) => m[1]);
}

/** One `## ` section of the README, up to the next one. */
export function readmeSection(heading: string, markdown = readme()): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section "${heading}"`);
  const next = markdown.indexOf('\n## ', start + heading.length + 1);
  return markdown.slice(start, next < 0 ? undefined : next);
}

/** The `ts` block of a section whose first line is the comment `// <file>`. */
export function tsBlock(section: string, file: string): string {
  const found = fencedBlocks(section, 'ts').filter((b) => b.startsWith(`// ${file}\n`));
  if (found.length !== 1) throw new Error(`expected one \`ts\` block starting "// ${file}" in the README section, found ${found.length}`);
  return found[0];
}

export interface ReadmeOperation {
  /** The block's text as in the README. */
  source: string;
  document: DocumentNode;
  /** Its operation's name; undefined for an anonymous one. */
  name?: string;
  fragments: string[];
}

/** Every `graphql` block of the README, each one operation (with the fragments it uses). */
export function readmeOperations(markdown = readme()): ReadmeOperation[] {
  return fencedBlocks(markdown, 'graphql').map((source) => {
    const document = parse(source);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1) throw new Error(`a README graphql block holds ${operations.length} operations:\n${source}`);
    const fragments = document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : []));
    return { source, document, name: operations[0].name?.value, fragments };
  });
}

export function readmeOperation(name: string): ReadmeOperation {
  const found = readmeOperations().find((o) => o.name === name);
  if (!found) throw new Error(`README.md has no operation named ${name}`);
  return found;
}
