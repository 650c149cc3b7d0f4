import type {
  KnownVillageSection,
  VillagePageResponse,
  VillageSection,
  VillageSectionData,
  VillageSectionKey,
} from '@lianxin/common';
import type { ComponentType } from 'react';
import { DisclosuresSection } from '../democracy/disclosures.section';
import { ProjectsSection } from '../democracy/projects.section';
import { NoticesSection } from '../notices/notices.section';
import { ReceptionDaysSection } from '../reception/reception-days.section';
import { ServicesSection } from '../services/services.section';
import { AppealsSection } from './appeals.section';
import { ContactsSection } from './contacts.section';

export interface VillageSectionProps<K extends VillageSectionKey> {
  data: VillageSectionData<K>;
  village: VillagePageResponse['village'];
}

/**
 * The component of each section of the village page, by key. A module that declares a section in
 * common's `villageSectionSchemas` adds its component here (the type asks for one per key); the
 * page shows the sections the server sends, in its order.
 */
export const villageSectionComponents: { [K in VillageSectionKey]: ComponentType<VillageSectionProps<K>> } = {
  contacts: ContactsSection,
  appeals: AppealsSection,
  notices: NoticesSection,
  disclosures: DisclosuresSection,
  projects: ProjectsSection,
  receptionDays: ReceptionDaysSection,
  services: ServicesSection,
};

function isKnown(section: VillageSection): section is KnownVillageSection {
  return Object.hasOwn(villageSectionComponents, section.key);
}

/** One section by its component; an extension section (`x-…`) or one this build does not know is not shown. */
export function VillageSectionView({
  section,
  village,
}: {
  section: VillageSection;
  village: VillagePageResponse['village'];
}) {
  if (!isKnown(section)) return null;
  const Component = villageSectionComponents[section.key] as ComponentType<
    VillageSectionProps<typeof section.key>
  >;
  return (
    <section className="lx-village-section" data-testid={`village-section-${section.key}`}>
      <Component data={section.data} village={village} />
    </section>
  );
}
