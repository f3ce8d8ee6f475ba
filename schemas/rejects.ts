import { col } from './columns.ts';
import { defineTable } from './table.ts';

export const REJECT_REASONS = {
  empty: 'The file is empty or holds only whitespace.',
  binary: 'The bytes are not text (an image, an archive, ...).',
  'bad-encoding': 'The text could not be decoded.',
  'bad-json': 'A .json file or a JSONL line is not valid JSON, or not an object.',
  'no-text': 'The record or page holds no article text.',
  'too-large': 'Over a size limit: the file over --max-bytes, or the article text over --max-chars (never truncated).',
  unreadable: 'The file could not be read (permissions, a broken link, a loop).',
  'unsupported-type': 'The file extension is not one the pipeline reads.',
  'outside-input': 'A link whose real path lies outside the input folder: not read, its target not named.',
  'not-a-regular-file': 'A FIFO, socket or device: never opened.',
  'too-slow': 'Reading, cleaning or extracting it took longer than the time budget (--time-budget): interrupted, so one bad file cannot hang a build.',
  'extraction-failed':
    'An extractor failed on its text (a fault of the pipeline, the error in the message): not published, so one article cannot stop a build.',
} as const;

export const rejects = defineTable({
  name: 'rejects',
  title: 'Rejects',
  grain: 'One row per input that could not be published as an article.',
  description: 'Every input is either an article or a reject; nothing disappears.',
  primaryKey: ['path'],
  foreignKeys: [],
  columns: {
    path: col.id('Path as in articles.source_path ("path#N" for one bad JSONL line).'),
    sha256: col.id('sha256 of the input bytes, else empty when they could not be read.', { nullable: true }),
    reason: col.enum('Stable reason code.', REJECT_REASONS),
    message: col.text('What went wrong, for a person.'),
  },
});
