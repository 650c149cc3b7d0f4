export { villagePageRoutes } from './village-page.routes';
export {
  type VillageOfPage,
  type VillageSectionContext,
  VillageSectionRegistry,
  type VillageSectionSpec,
} from './village-sections';
