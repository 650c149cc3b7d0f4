// The face of the users module: what other domains may use.
export { usersModule } from './users.module';
export { createUser } from './users.service';
