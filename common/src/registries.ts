import { z } from 'zod';
import { cohorts } from './assessment';

// What modules plug into: indicators (the dashboard, the annual assessment, the monthly bulletin)
// and to-dos (the console's bell). The server keeps the registrations; these are what leaves it.

/** A text in both languages. */
export const LocalizedText = z.object({ 'zh-CN': z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Where an indicator appears: the dashboard's picker, the assessment's weights, the bulletin's sections. */
export const indicatorSurfaces = ['dashboard', 'assessment', 'bulletin'] as const;
export type IndicatorSurface = (typeof indicatorSurfaces)[number];

/** A rate (numerator over denominator) or a plain count. */
export const indicatorKinds = ['ratio', 'count'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

/** An indicator as the console lists it: its names and definition; the values come with each surface. */
export const IndicatorInfo = z.object({
  key: z.string(),
  name: LocalizedText,
  definition: LocalizedText,
  kind: z.enum(indicatorKinds),
  surfaces: z.array(z.enum(indicatorSurfaces)),
  /** The assessment's cohorts it may be weighted in (empty when not on the assessment). */
  cohorts: z.array(z.enum(cohorts)),
  /** Which way is better, for rankings and warnings; null when neither is. */
  better: z.enum(['higher', 'lower']).nullable(),
  /** The section of the bulletin's rankings it is listed in. */
  group: z.object({ key: z.string(), name: LocalizedText }),
  /** A figure of now (e.g. households paired), not of the period asked for. */
  asOfNow: z.boolean(),
});
export type IndicatorInfo = z.infer<typeof IndicatorInfo>;

export const IndicatorsListResponse = z.array(IndicatorInfo);

/** One line of the console's bell: how many things wait for the caller, and where their list is. */
export const TodoItem = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int().min(0),
  /** A console path with its query string: the filtered list of what waits. */
  link: z.string(),
});
export type TodoItem = z.infer<typeof TodoItem>;

export const TodosListResponse = z.array(TodoItem);
