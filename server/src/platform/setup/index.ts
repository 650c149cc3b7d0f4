// The first run: a one-time token printed at start, then the district and its first administrator
// (the console's /setup page, `POST /public/setup`, or `lianxin setup` on the server's terminal).
export { setupRoutes } from './setup.routes';
export {
  createFirstAdmin,
  existingDistrict,
  isSetupNeeded,
  issueSetupToken,
  secretKeyLocation,
} from './setup.service';
