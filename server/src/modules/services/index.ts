// The face of resident services (便民服务): what other domains may use.
export { servicesModule } from './services.module';
