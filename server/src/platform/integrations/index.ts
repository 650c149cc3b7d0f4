// The face of integrations: what the authentication hook, the application and the domains use.
export { type IntegrationCaller, integrationAuthenticator, isIntegrationKey } from './integration-auth';
export { integrationsRoutes } from './integrations.routes';
export {
  type DomainEvent,
  deliveryBody,
  type EventFollower,
  emitEvent,
  followEvent,
  registerWebhookJobs,
  signatureOf,
} from './webhook-delivery';
