import { z } from 'zod';
import { DisclosuresVillageSection } from './disclosures';
import { NoticesVillageSection } from './notices';
import { ProjectsVillageSection } from './projects';
import { ReceptionDaysVillageSection } from './reception-days';
import { ranks, roles } from './roles';
import { ServicesVillageSection } from './service-catalogue';

// The village page (`/public/villages/:code`): one page per village to which modules contribute
// sections. Each section's payload schema is declared here, keyed by the section's key, so the
// page's answer is typed from the loader on the server to the component on the web.

/** 找得到人: whom a resident can find in their village, and the leader whose contact point it is. */
export const VillageContactsSection = z.object({
  /** The village's cadres and grid workers (names and roles; accounts carry only a personal mobile, never shown). */
  cadres: z.array(
    z.object({
      name: z.string(),
      role: z.enum(roles),
      /** The group (组, 网格) a grid worker looks after; null for the village's own cadres. */
      groupName: z.string().nullable(),
    }),
  ),
  /** Leaders whose contact point (联系点) the village is. */
  leaders: z.array(
    z.object({
      name: z.string(),
      role: z.enum(roles),
      rank: z.enum(ranks).nullable(),
      since: z.iso.date(),
      /** The leader's last reception day (接访) in the village, if any. */
      lastReceptionOn: z.iso.date().nullable(),
    }),
  ),
});
export type VillageContactsSection = z.infer<typeof VillageContactsSection>;

/** How to report, and this year's public figures of the village's appeals (no personal data). */
export const VillageAppealsSection = z.object({
  year: z.number().int(),
  received: z.number().int(),
  resolved: z.number().int(),
  rated: z.number().int(),
  /** Satisfied + basically satisfied / rated; null when nothing was rated yet. */
  satisfactionRate: z.number().nullable(),
});
export type VillageAppealsSection = z.infer<typeof VillageAppealsSection>;

/**
 * Every section a module may contribute, by key. A module adds its section by adding its schema
 * here (and registering a loader in its `*.module.ts`, and a component in the web's
 * `village-sections.tsx`). Keys in the order of nothing: the page's order is the registration's.
 */
export const villageSectionSchemas = {
  contacts: VillageContactsSection,
  appeals: VillageAppealsSection,
  notices: NoticesVillageSection,
  disclosures: DisclosuresVillageSection,
  projects: ProjectsVillageSection,
  receptionDays: ReceptionDaysVillageSection,
  services: ServicesVillageSection,
} as const;

export type VillageSectionKey = keyof typeof villageSectionSchemas;
export type VillageSectionData<K extends VillageSectionKey> = z.infer<(typeof villageSectionSchemas)[K]>;

/**
 * A key of an extension section: tried by a module (or a test) before its schema is declared
 * above. Sent as it is; the web shows none of them.
 */
export const VillageExtensionKey = z.templateLiteral(['x-', z.string()]);
export type VillageExtensionKey = z.infer<typeof VillageExtensionKey>;

type KnownSectionSchema = {
  [K in VillageSectionKey]: z.ZodObject<{ key: z.ZodLiteral<K>; data: (typeof villageSectionSchemas)[K] }>;
}[VillageSectionKey];

const knownSections = (Object.keys(villageSectionSchemas) as VillageSectionKey[]).map((key) =>
  z.object({ key: z.literal(key), data: villageSectionSchemas[key] }),
) as unknown as [KnownSectionSchema, ...KnownSectionSchema[]];

/** One section of the page: a declared one (typed by its key) or an extension. */
export const VillageSection = z.union([
  z.discriminatedUnion('key', knownSections),
  z.object({ key: VillageExtensionKey, data: z.unknown() }),
]);
export type VillageSection = z.infer<typeof VillageSection>;
export type KnownVillageSection = Extract<VillageSection, { key: VillageSectionKey }>;

export const VillagePageParams = z.strictObject({
  code: z.string().regex(/^\d{12}$/),
});

export const VillagePageResponse = z.object({
  village: z.object({
    code: z.string(),
    name: z.string(),
    town: z.object({ code: z.string(), name: z.string() }),
  }),
  /** In the order the sections were registered; a section with nothing to show is left out. */
  sections: z.array(VillageSection),
});
export type VillagePageResponse = z.infer<typeof VillagePageResponse>;
