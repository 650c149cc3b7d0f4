import type {
  Locale,
  VillageExtensionKey,
  VillageSection,
  VillageSectionData,
  VillageSectionKey,
} from '@lianxin/common';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/dialect';
import type { Clock } from '../clock';

/** The village a section is loaded for. */
export interface VillageOfPage {
  code: string;
  name: string;
  townName: string;
}

/** What a section's loader may use besides the database. */
export interface VillageSectionContext {
  clock: Clock;
  locale: Locale;
}

type SectionData<K extends VillageSectionKey | VillageExtensionKey> = K extends VillageSectionKey
  ? VillageSectionData<K>
  : unknown;

/**
 * One section of the village page: its key (declared in common's `villageSectionSchemas`), its
 * place (lower first) and its loader, which calls its module's repository and answers null when
 * the section has nothing to show (the page then leaves it out).
 */
export interface VillageSectionSpec<K extends VillageSectionKey | VillageExtensionKey> {
  key: K;
  order: number;
  load: (db: Db, village: VillageOfPage, ctx: VillageSectionContext) => Promise<SectionData<K> | null>;
}

interface Entry {
  key: string;
  order: number;
  seq: number;
  load: (db: Db, village: VillageOfPage, ctx: VillageSectionContext) => Promise<unknown>;
}

/**
 * The sections of the village page, one registry per application (`app.ctx.villageSections`):
 * each module registers its own from its plugin, so a test can add one to its own app.
 */
export class VillageSectionRegistry {
  readonly #entries: Entry[] = [];

  register<K extends VillageSectionKey | VillageExtensionKey>(spec: VillageSectionSpec<K>): void {
    if (this.#entries.some((e) => e.key === spec.key)) {
      throw new Error(`village page section '${spec.key}' registered twice`);
    }
    this.#entries.push({ key: spec.key, order: spec.order, seq: this.#entries.length, load: spec.load });
  }

  /** The keys in page order. */
  keys(): string[] {
    return this.#sorted().map((e) => e.key);
  }

  /**
   * Every section with something to show, in page order. A section whose loader fails is left
   * out and logged: one module's fault does not take a resident's whole page down.
   */
  async load(db: Db, village: VillageOfPage, ctx: VillageSectionContext, log: FastifyBaseLogger) {
    const loaded = await Promise.all(
      this.#sorted().map(async (entry) => {
        try {
          const data = await entry.load(db, village, ctx);
          return data === null ? null : ({ key: entry.key, data } as VillageSection);
        } catch (err) {
          log.error({ err, section: entry.key, village: village.code }, 'village page section failed');
          return null;
        }
      }),
    );
    return loaded.filter((s): s is VillageSection => s !== null);
  }

  #sorted(): Entry[] {
    return [...this.#entries].sort((a, b) => a.order - b.order || a.seq - b.seq);
  }
}
