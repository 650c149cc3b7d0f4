// The face of resident services (便民服务): what other domains may use.

export { getServiceItemGuide } from './catalogue/catalogue.service';
export { stationsServingVillage } from './catalogue/catalogue-public.service';
export { serviceSettings } from './ratings/service-settings.service';
export { servicesModule } from './services.module';
