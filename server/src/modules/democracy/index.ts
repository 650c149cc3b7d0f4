// The face of village democracy (四议两公开): what other domains may use.
export {
  addMatterAttachment,
  addSpending as addMatterSpending,
  addTask,
  changeTask,
  closeMatter,
  publishResolution,
  publishResult,
} from './carrying-out.service';
export { democracyModule } from './democracy.module';
export { publishDisclosure, updateVillageSchedule } from './disclosures/disclosures.service';
export { createMatter, getMatter } from './matters.service';
export { getMeeting, quorumOfRoll } from './meeting-views';
export { cancelMeeting, createMeeting, decideMeeting, recordAttendance } from './meetings.service';
export { createAuthorisation, createMember } from './members.service';
export { addAccountability, addSpending, completeStage, createProject } from './projects/projects.service';
export { democracyStats, registerDemocracyIndicators } from './stats.service';
