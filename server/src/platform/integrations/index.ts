// The face of integrations: what the authentication hook, the application and the domains use.
export { type IntegrationCaller, integrationAuthenticator, isIntegrationKey } from './integration-auth';
export { integrationsRoutes } from './integrations.routes';
export {
  type DomainEvent,
  deliveryBody,
  emitEvent,
  registerWebhookJobs,
  signatureOf,
} from './webhook-delivery';
