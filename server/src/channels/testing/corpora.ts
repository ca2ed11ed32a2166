/**
 * The recorded channel payloads under test/fixtures/corpora (copied, with their licences, from the
 * shared development corpus), for the parsers' tests. Nothing outside tests reads them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPORA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/corpora');

export const CORPUS_FOLDERS = ['rss-atom', 'email', 'mastodon', 'bluesky', 'twitter-v2', 'meta-webhooks', 'reddit'] as const;
export type CorpusFolder = (typeof CORPUS_FOLDERS)[number];

/** Every data file of a folder (README files excepted), as paths relative to the folder. */
export function corpusFiles(folder: CorpusFolder): string[] {
  const dir = path.join(CORPORA_DIR, folder);
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => !/(?:^|\/)README\.md$/.test(name) && statSync(path.join(dir, name)).isFile())
    .sort();
}

export function corpusFile(folder: CorpusFolder, name: string): Buffer {
  return readFileSync(path.join(CORPORA_DIR, folder, name));
}
