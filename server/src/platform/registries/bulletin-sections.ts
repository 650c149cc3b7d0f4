import type { Locale } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import type { Clock } from '../clock';
import type { AreaScope } from '../scope';

// Sections of the monthly bulletin (月度通报) contributed by the modules whose records it reports
// beside the figures (每月一题 today): each a captioned table, written into the workbook as a sheet
// and into the PDF as a section after the bulletin's own. A registry belongs to one application
// (`app.ctx.bulletinSections`).

export interface BulletinSectionColumn {
  header: string;
  /** Width in characters (the workbook's); the PDF shares its width out in proportion. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface BulletinSection {
  key: string;
  title: string;
  /** What the section counts, under its title. */
  note: string | null;
  columns: BulletinSectionColumn[];
  rows: string[][];
  /** Said instead of the table when there are no rows. */
  empty: string;
}

/** What a section is loaded for: the bulletin's area, its month, the reader's language. */
export interface BulletinSectionRequest {
  scope: AreaScope;
  month: string;
  locale: Locale;
  clock: Clock;
}

export interface BulletinSectionRegistration {
  /** Stable and unique. */
  key: string;
  /** Lower first. */
  order: number;
  /** The section, or null when the module has nothing to say for the area. */
  load: (db: Db, request: BulletinSectionRequest) => Promise<Omit<BulletinSection, 'key'> | null>;
}

export class BulletinSectionRegistry {
  readonly #items = new Map<string, BulletinSectionRegistration>();

  register(section: BulletinSectionRegistration): void {
    if (this.#items.has(section.key)) throw new Error(`bulletin section ${section.key} registered twice`);
    this.#items.set(section.key, section);
  }

  list(): BulletinSectionRegistration[] {
    return [...this.#items.values()].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
  }
}

/** The registered sections of a bulletin, in order; those with nothing to say left out. */
export async function bulletinSectionsOf(
  registry: BulletinSectionRegistry | undefined,
  db: Db,
  request: BulletinSectionRequest,
): Promise<BulletinSection[]> {
  if (!registry) return [];
  const sections: BulletinSection[] = [];
  for (const registration of registry.list()) {
    const section = await registration.load(db, request);
    if (section) sections.push({ key: registration.key, ...section });
  }
  return sections;
}
