// The face of the warnings module: the plugin, the scan for a benchmark or a command to run, the
// safety-word check for the demo loader, which takes appeals in before the plugin is built, and the
// cluster warnings of a period with their appeals, which 每月一题 proposes as topics.
export { registerSafetyWordsCheck } from './safety';
export { scanWarnings, scanWarningsIn } from './scan.service';
export { warningsModule } from './warnings.module';
export { clusterWarningsRaisedIn, warningEvidence } from './warnings.repository';
