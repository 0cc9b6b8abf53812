import type { Publicity, YearlyStatsInput } from '../schema/stats.js';
import { NameList } from './names.js';
import { settle } from './settle.js';
import { Total } from './total.js';
import type { AggregateWarning } from './warning.js';

type PublicityOut = NonNullable<YearlyStatsInput['publicity']>;

/** The schema's limit on kinds and channels. */
const MAX_NAMES = 50;

/**
 * 政策宣传: materials handed out summed over the files that report
 * publicity (only where every one gives a count; rough where any part is),
 * kinds and channels listed once each, the most named first.
 */
export function publicityFold() {
  const materials = new Total();
  const kinds = new NameList();
  const channels = new NameList();
  let parts = 0;
  return {
    add(p: Publicity | undefined, source: string): void {
      if (!p) return;
      parts++;
      materials.add(p.materials, source);
      kinds.add(p.kinds);
      channels.add(p.channels);
    },

    finish(bureau: Publicity | undefined, bureauFile: string | undefined, warnings: AggregateWarning[]): PublicityOut | undefined {
      if (parts === 0 && !bureau) return undefined;
      const count = settle(materials, bureau?.materials, { where: 'publicity.materials', unit: '份', bureau: bureauFile, warnings });
      const out: PublicityOut = {
        ...(count === undefined ? {} : { materials: count }),
        kinds: kinds.finish(bureau?.kinds, MAX_NAMES, 'publicity.kinds', warnings),
        channels: channels.finish(bureau?.channels, MAX_NAMES, 'publicity.channels', warnings),
      };
      return out.materials !== undefined || out.kinds!.length || out.channels!.length ? out : undefined;
    },
  };
}
