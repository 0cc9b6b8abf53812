import { z } from 'zod';
import { hasPrintable } from './printable.js';

/** Largest amount accepted, in 元: 1e13 元 keeps 分 (×100) exact in a double. */
export const MAX_AMOUNT_YUAN = 1e13;
/** Largest count accepted: far above any county, small enough to stay exact. */
export const MAX_COUNT = 1e9;

function hasAtMostTwoDecimals(value: number): boolean {
  const fen = value * 100;
  return Math.abs(fen - Math.round(fen)) < 1e-6 * Math.max(1, Math.abs(fen) / 1e9);
}

/** An amount in 元: finite, non-negative, at most two decimals (分). */
export const amount = (description: string) =>
  z
    .number()
    .finite()
    .nonnegative()
    .max(MAX_AMOUNT_YUAN)
    .refine(hasAtMostTwoDecimals, { params: { zongjie: 'decimals' } })
    .describe(`${description}（元，至多两位小数）`);

/** A count of persons, schools, sessions …: a non-negative integer. */
export const count = (description: string) => z.number().int().nonnegative().max(MAX_COUNT).describe(description);

/** An area in 平方米, at most two decimals. */
export const area = (description: string) =>
  z
    .number()
    .finite()
    .nonnegative()
    .max(1e9)
    .refine(hasAtMostTwoDecimals, { params: { zongjie: 'decimals' } })
    .describe(`${description}（平方米）`);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A calendar date written as ISO yyyy-mm-dd. */
export const isoDate = (description: string) =>
  z
    .string()
    .regex(ISO_DATE)
    .refine(isRealDate, { params: { zongjie: 'date' } })
    .describe(`${description}（yyyy-mm-dd）`);

/**
 * Free text the user writes: trimmed, not empty, and not made only of what no
 * document carries (controls, bidi marks …, which compose removes). Printed
 * exactly as written.
 */
export const text = (description: string, max = 20_000) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => s.length === 0 || hasPrintable(s), { params: { zongjie: 'text' } })
    .describe(description);

/** A list of paragraphs of free text. */
export const paragraphs = (description: string) => z.array(text(description)).max(5_000).describe(description);

/** A report year: four digits, from the first national aid programmes on. */
export const year = (description: string) => z.number().int().min(2000).max(2100).describe(description);

/** A quantity in a unit the user names (册, 件, 平方米, 元 …): non-negative, at most two decimals. */
export const quantity = (description: string) =>
  z
    .number()
    .finite()
    .nonnegative()
    .max(MAX_AMOUNT_YUAN)
    .refine(hasAtMostTwoDecimals, { params: { zongjie: 'decimals' } })
    .describe(`${description}（数量，至多两位小数）`);

/** A percentage as offices print it: 98.16 for 98.16 %, at most two decimals (a gross rate may pass 100). */
export const percent = (description: string) =>
  z
    .number()
    .finite()
    .nonnegative()
    .max(1000)
    .refine(hasAtMostTwoDecimals, { params: { zongjie: 'decimals' } })
    .describe(`${description}（百分数，如 98.16 表示 98.16%）`);
