/**
 * aggregateFiles streams: a file is read only when fewer than READ_AHEAD
 * others wait to be folded in, so a few documents are held however many
 * files there are; and every failing file is named, with its reason.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/tools.js';

const reads: number[] = [];
vi.mock('../../src/node/stats-file.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/node/stats-file.js')>();
  return {
    ...real,
    readStatsFile: (path: string, shown?: string) => {
      reads.push(Number(/(\d+)\.json$/.exec(path)?.[1]));
      return real.readStatsFile(path, shown);
    },
  };
});

const { aggregateFiles, READ_AHEAD } = await import('../../src/node/aggregate.js');
const { AggregateError, StatsError } = await import('../../src/index.js');
const { StatsFileError } = await import('../../src/node/stats-file.js');

const { dir, remove } = tempDir('zongjie-aggregate-files-');
afterAll(remove);

const ORG = { name: '云溪县教育局', kind: 'bureau' as const };
const school = (i: number) => ({ year: 2025, organisation: { name: `第${i}小学`, kind: 'school' }, aid: [{ stage: 'primary', programme: 'nutrition', period: 'spring', students: i, amount: 500 * i }] });

function files(name: string, n: number): string[] {
  const at = join(dir, name);
  mkdirSync(at);
  return Array.from({ length: n }, (_, i) => {
    const file = join(at, `${String(i).padStart(4, '0')}.json`);
    writeFileSync(file, JSON.stringify(school(i + 1)));
    return file;
  });
}

describe('aggregateFiles', () => {
  it('reads a file only when at most READ_AHEAD others wait to be folded in', async () => {
    const list = files('many', 60);
    reads.length = 0;
    let folded = 0;
    let mostWaiting = 0;
    const result = await aggregateFiles(list, {
      organisation: ORG,
      year: 2025,
      onFile: ({ done }) => {
        if (done) folded++;
        mostWaiting = Math.max(mostWaiting, reads.length - folded);
      },
    });
    expect(reads).toEqual(list.map((_, i) => i));
    expect(READ_AHEAD).toBeLessThan(10);
    expect(mostWaiting).toBeLessThanOrEqual(READ_AHEAD + 1);
    expect(result.totals).toMatchObject({ schools: 60, aid: { students: (60 * 61) / 2, amount: 500 * ((60 * 61) / 2) } });
  });

  it('names every file that fails, with its reason, after reading them all', async () => {
    const list = files('bad', 4);
    writeFileSync(list[1]!, '{ "year": 2025,\n  "organisation": }');
    writeFileSync(list[2]!, JSON.stringify({ ...school(3), year: 'x' }));
    const unsupported = join(dir, 'bad', 'x.xlsx');
    writeFileSync(unsupported, 'PK');
    const events: string[] = [];
    const error = await aggregateFiles([...list, unsupported, join(dir, 'bad', 'missing.json')], {
      organisation: ORG,
      year: 2025,
      name: (f) => f.slice(dir.length + 1),
      onFile: ({ file, error, done }) => done && events.push(`${file.slice(dir.length + 1)}:${error ? 'failed' : 'ok'}`),
    }).catch((e: unknown) => e);
    expect(events).toEqual(['bad/0000.json:ok', 'bad/0001.json:failed', 'bad/0002.json:failed', 'bad/0003.json:ok', 'bad/x.xlsx:failed', 'bad/missing.json:failed']);
    expect(error).toBeInstanceOf(AggregateError);
    const failures = (error as InstanceType<typeof AggregateError>).failures;
    expect(failures.map((f) => f.source)).toEqual(['bad/0001.json', 'bad/0002.json', 'bad/x.xlsx', 'bad/missing.json']);
    expect((failures[0]!.error as Error).message).toMatch(/^JSON 语法错误 \/ JSON syntax error: bad\/0001\.json:2:19/);
    expect((failures[1]!.error as InstanceType<typeof StatsError>).issues[0]!.where).toBe('year');
    expect(failures[2]!.error).toBeInstanceOf(StatsFileError);
    expect((failures[3]!.error as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});
