import { aggregateWarning, type AggregateWarning } from './warning.js';

/**
 * Short names the schools list (materials, channels, donors): every
 * different one once, the most often named first (then in the order first
 * seen), the bureau's own ahead of all. A list longer than the schema takes
 * keeps the most named, with a warning.
 */
export class NameList {
  private readonly counts = new Map<string, number>();

  add(names: readonly string[] | undefined): void {
    for (const name of new Set(names ?? [])) this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  finish(own: readonly string[] | undefined, max: number, where: string, warnings: AggregateWarning[]): string[] {
    const ranked = [...this.counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    const all = [...new Set([...(own ?? []), ...ranked])];
    if (all.length > max)
      warnings.push(
        aggregateWarning(
          'list_shortened',
          where,
          [],
          `各校共列出${all.length}项，多于${max}项；只留被提到最多的${max}项`,
          `the schools list ${all.length} names, more than ${max}; the ${max} named most often are kept`,
        ),
      );
    return all.slice(0, max);
  }
}
