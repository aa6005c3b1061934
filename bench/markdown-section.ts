import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces the section between `<!-- name:begin … -->` and `<!-- name:end -->` of a Markdown
 * file (BENCHMARKS.md), or appends it: each benchmark owns its section and leaves the others.
 */
export function writeMarkedSection(file: string, name: string, writtenBy: string, section: string): void {
  const begin = `<!-- ${name}:begin (written by ${writtenBy}) -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${begin}\n${section}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(`<!-- ${name}:begin`);
  const stop = current.indexOf(end);
  const next = start >= 0 && stop > start ? current.slice(0, start) + block + current.slice(stop + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
