// The face of the assessment module: what other domains may use.
export { assessmentModule } from './assessment.module';
