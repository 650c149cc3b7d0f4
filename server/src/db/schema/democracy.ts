// Village democracy's tables (四议两公开): members of the bodies, authorisations, matters, meetings
// and their rolls, and the carrying out of a resolution.
import type {
  Attendance,
  DeliberationStep,
  DemocracyBody,
  MatterKind,
  MatterStatus,
  MeetingOutcome,
  MeetingStatus,
  RepresentativeBasis,
} from '@lianxin/common';
import type { Bool, Timestamp } from './columns';

export interface DemocracyMembersTable {
  id: string;
  village_code: string;
  name: string;
  gender: 'male' | 'female';
  resident_id: string | null;
  title: string;
  branch_committee: Bool;
  villagers_committee: Bool;
  party_member: Bool;
  party_voting: Bool;
  representative: Bool;
  representative_basis: RepresentativeBasis | null;
  representative_group_code: string | null;
  active: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface DemocracyMemberHouseholdsTable {
  member_id: string;
  household_id: string;
}

export interface DemocracyAuthorisationsTable {
  id: string;
  village_code: string;
  granted_on: string;
  granted_by_meeting_id: string | null;
  valid_until: string | null;
  /** JSON array of matter kinds; empty: every kind. */
  kinds: string;
  reference: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface MattersTable {
  id: string;
  village_code: string;
  title: string;
  description: string;
  kind: MatterKind;
  estimated_fen: number | null;
  status: MatterStatus;
  /** JSON array of { step, reason, at }. */
  skipped_steps: string;
  resolution_notice_id: string | null;
  result_notice_id: string | null;
  withdraw_reason: string | null;
  closed_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface MeetingsTable {
  id: string;
  village_code: string;
  matter_id: string;
  body: DemocracyBody;
  step: DeliberationStep;
  held_at: Timestamp;
  place: string;
  notice_date: string;
  agenda: string;
  status: MeetingStatus;
  outcome: MeetingOutcome | null;
  authorisation_id: string | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  minutes: string | null;
  cancel_reason: string | null;
  decided_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: number;
}

export interface MeetingRollTable {
  id: string;
  meeting_id: string;
  position: number;
  member_id: string | null;
  resident_id: string | null;
  name: string;
  gender: 'male' | 'female' | null;
  household_id: string | null;
  entitled: Bool;
  attendance: Attendance | null;
  vote: 'for' | 'against' | 'abstain' | null;
}

export interface MatterTasksTable {
  id: string;
  matter_id: string;
  title: string;
  due_on: string | null;
  assignee: string;
  done_at: Timestamp | null;
  created_at: Timestamp;
}

export interface MatterSpendingsTable {
  id: string;
  matter_id: string;
  amount_fen: number;
  spent_on: string;
  note: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface MatterAttachmentsTable {
  id: string;
  matter_id: string;
  purpose: 'document' | 'photo';
  file_name: string;
  content_type: 'image/jpeg' | 'image/png' | 'application/pdf';
  size: number;
  content: Buffer;
  uploaded_by: string | null;
  created_at: Timestamp;
}
