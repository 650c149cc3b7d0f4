// The face of the reception module: leaders' reception days (大接访 / 大下访).
export { receptionModule } from './reception.module';
export { listPublicReceptionDays } from './reception.service';
