import { ACTIVITY_STATUS_LABELS, AUDIENCE_LABELS } from '../schema/enums.js';
import type { Training, YearlyStatsInput } from '../schema/stats.js';
import { settle } from './settle.js';
import { Total } from './total.js';
import type { AggregateWarning } from './warning.js';

type TrainingOut = NonNullable<YearlyStatsInput['trainings']>[number];

interface TrainingSums {
  first: Training;
  sessions: Total;
  participants: Total;
  titles: Set<string | undefined>;
  dates: Set<string | undefined>;
}

/** Trainings are merged per audience and status: what a county states ("家长培训120期、3500人次"). A plan never joins what was held. */
const keyOf = (t: Training) => [t.audience, t.audienceName ?? '', t.status ?? 'done'].join('\u0000');

/**
 * 培训: one entry per audience (and its name) and status, sessions and
 * participants summed, each only where every part gives it. A title or a
 * date is kept only where every part gives the same one.
 */
export function trainingsFold() {
  const entries = new Map<string, TrainingSums>();
  return {
    add(list: readonly Training[], source: string): void {
      for (const t of list) {
        const key = keyOf(t);
        let sums = entries.get(key);
        if (!sums) entries.set(key, (sums = { first: t, sessions: new Total(), participants: new Total(), titles: new Set(), dates: new Set() }));
        sums.sessions.add(t.sessions, source);
        sums.participants.add(t.participants, source);
        sums.titles.add(t.title);
        sums.dates.add(t.date);
      }
    },

    finish(warnings: AggregateWarning[]): TrainingOut[] {
      const out: TrainingOut[] = [];
      for (const sums of entries.values()) {
        const { audience, audienceName, status } = sums.first;
        const title = sums.titles.size === 1 ? [...sums.titles][0] : undefined;
        const kept = title !== undefined || sums.sessions.complete || sums.participants.complete;
        const where = kept ? `trainings[${out.length}]` : 'trainings';
        const who = audienceName ?? AUDIENCE_LABELS[audience];
        const label = { zh: `${who}培训（${ACTIVITY_STATUS_LABELS[status ?? 'done']}）`, en: `${audienceName ?? audience} training (${status ?? 'done'})` };
        const sessions = settle(sums.sessions, undefined, { where: `${where}.sessions`, unit: '期', label, warnings });
        const participants = settle(sums.participants, undefined, { where: `${where}.participants`, unit: '人次', label, warnings });
        if (!kept) continue;
        const date = sums.dates.size === 1 ? [...sums.dates][0] : undefined;
        out.push({
          audience,
          ...(audienceName ? { audienceName } : {}),
          ...(title ? { title } : {}),
          ...(sessions === undefined ? {} : { sessions: sessions as number }),
          ...(participants === undefined ? {} : { participants: participants as number }),
          ...(status && status !== 'done' ? { status } : {}),
          ...(date ? { date } : {}),
        });
      }
      return out;
    },
  };
}
