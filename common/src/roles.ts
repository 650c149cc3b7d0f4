import type { AreaKind } from './areas';

export const roles = [
  'district_admin',
  'district_staff',
  'town_head',
  'town_staff',
  'village_cadre',
  'cppcc_member',
  'auditor',
  // Wave 2: a department's head and staff (reach: their unit), a service station's head and its
  // agents (代办员; reach: their station and what is assigned to them), the CPPCC office.
  'department_head',
  'department_staff',
  'station_head',
  'service_agent',
  'cppcc_office',
  // A system's account (a city hotline, an Open311 client): never a person, never signs in.
  'integration',
] as const;
export type Role = (typeof roles)[number];

/**
 * How far a role reaches: an area subtree, a handling unit (a department), a service station,
 * an office (the CPPCC office), or only its own records.
 */
export const reaches = ['area', 'unit', 'station', 'office', 'own'] as const;
export type Reach = (typeof reaches)[number];

export const roleReach: Record<Role, Reach> = {
  district_admin: 'area',
  district_staff: 'area',
  town_head: 'area',
  town_staff: 'area',
  village_cadre: 'area',
  // A CPPCC member reads only their own reports and appeals.
  cppcc_member: 'own',
  auditor: 'area',
  department_head: 'unit',
  department_staff: 'unit',
  station_head: 'station',
  service_agent: 'station',
  cppcc_office: 'office',
  integration: 'area',
};

export const permissions = [
  'areas.read',
  'areas.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'households.read',
  'households.manage',
  /** See full resident ID numbers (each reveal is audited). */
  'idnumber.reveal',
  /** Export household lists to Excel (each export is audited). */
  'households.export',
  /** Decide on proposals to set a household's tier by hand. */
  'tiers.approve',
  /** Edit the tiering rule sets and custom tags. */
  'tiers.rules',
  /** Read appeals, their timelines and the figures. */
  'appeals.read',
  /** Take in an appeal from any channel (a CPPCC member's 社情民意 report included). */
  'appeals.create',
  /** Work on appeals the caller's unit holds: accept, escalate, resolve, call back, mediate. */
  'appeals.handle',
  /** Assign handlers and approve deferrals (the town head answers for town-level appeals). */
  'appeals.assign',
  /** Edit the appeal categories and deadlines. */
  'appeals.configure',
  /** Dispatch appeals the caller's unit holds to departments and town offices (派单), decide on returns. */
  'appeals.dispatch',
  /** Work on what was dispatched to the caller's unit: accept or return it, give a part, resolve it. */
  'dispatch.work',
  /** See pairings, visits, help measures and the coverage reports. */
  'assistance.read',
  /** Record visits and help measures. */
  'assistance.visit',
  /** Pair cadres with households, set a cadre's quota, name contact points. */
  'assistance.pair',
  /** Edit quotas per group, visit frequencies and the must-visit rules. */
  'assistance.configure',
  /** See the dashboards of the caller's area. */
  'dashboard.read',
  /** See the annual assessment's scores and rankings in the caller's area. */
  'assessment.read',
  /** Configure, compute, comment on and finalize the annual assessment. */
  'assessment.manage',
  /** Edit the working-day calendar: public holidays, make-up working days, working hours. */
  'calendar.manage',
  /** See the handling units (departments, town offices, stations, the CPPCC office) and their staff. */
  'units.read',
  /** Create and edit handling units, their working hours and the categories they answer for. */
  'units.manage',
  /** Read the public notices (公示) of the caller's reach, their comments and objections. */
  'notices.read',
  /** Publish notices, answer objections, turn an objection into an appeal, close a notice. */
  'notices.manage',
  /** Read a village's democracy: bodies and members, matters (议题), meetings and their votes. */
  'democracy.read',
  /** Keep the bodies' members, propose matters, notice and record meetings, publish resolutions and results. */
  'democracy.manage',
  /** Set the Party bodies' and the two committees' quorum and majority rules. */
  'democracy.configure',
  /** Manage integration accounts (a hotline, an Open311 client, a bank) and their webhooks. */
  'integrations.manage',
  /** See health data of programme beneficiaries (family doctors, disability, illness): named staff only. */
  'health.read',
  /** See the early warnings (预警) of the caller's area and their evidence. */
  'warnings.read',
  /** Acknowledge, handle and close warnings. */
  'warnings.handle',
  /** Edit the safety and risk words and the scan's thresholds; run the scan. */
  'warnings.configure',
  /** Read the proposals and pick, edit and close the month's topics (每月一题) and their measures. */
  'topics.manage',
  /** Set the district's village affairs disclosure rules (quarterly finances allowed, due day). */
  'disclosures.configure',
  /** Read the service catalogue's management, the centres and stations, the proxy requests in reach and their ratings. */
  'services.read',
  /** Keep the service catalogue (the district's list; a town its local items) and the centres' profiles. */
  'services.manage',
  /** Take proxy requests (代办) for residents and work them through their steps. */
  'services.proxy',
  /** Assign requests to agents, keep a station's duty roster, decide on reviews of a 差评 (station head, town, district). */
  'services.supervise',
  /** Call back a 差评, answer it to the resident (rectified or explained), ask for its review. */
  'services.follow_up',
  /** Set the services' periods: the 差评 answer period, how long papers' photos are kept, the rating period. */
  'services.configure',
] as const;
export type Permission = (typeof permissions)[number];

/** The one permission table. Every check on the server and every menu on the web reads it. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  district_admin: [
    'areas.read',
    'areas.manage',
    'users.read',
    'users.manage',
    'audit.read',
    'households.read',
    'households.manage',
    'idnumber.reveal',
    'households.export',
    'tiers.approve',
    'tiers.rules',
    'appeals.read',
    'appeals.create',
    'appeals.handle',
    'appeals.assign',
    'appeals.dispatch',
    'appeals.configure',
    'assistance.read',
    'assistance.visit',
    'assistance.pair',
    'assistance.configure',
    'dashboard.read',
    'assessment.read',
    'assessment.manage',
    'calendar.manage',
    'units.read',
    'units.manage',
    'notices.read',
    'notices.manage',
    'democracy.read',
    'democracy.manage',
    'democracy.configure',
    'integrations.manage',
    'warnings.read',
    'warnings.handle',
    'warnings.configure',
    'topics.manage',
    'disclosures.configure',
    'services.read',
    'services.manage',
    'services.proxy',
    'services.supervise',
    'services.follow_up',
    'services.configure',
  ],
  district_staff: [
    'areas.read',
    'users.read',
    'households.read',
    'idnumber.reveal',
    'households.export',
    'appeals.read',
    'appeals.create',
    'appeals.handle',
    'appeals.dispatch',
    'assistance.read',
    'assistance.visit',
    'dashboard.read',
    'assessment.read',
    'units.read',
    'notices.read',
    'notices.manage',
    'democracy.read',
    'warnings.read',
    'warnings.handle',
    'topics.manage',
    'services.read',
    'services.manage',
    'services.supervise',
    'services.follow_up',
  ],
  town_head: [
    'areas.read',
    'users.read',
    'users.manage',
    'households.read',
    'households.manage',
    'idnumber.reveal',
    'households.export',
    'tiers.approve',
    'appeals.read',
    'appeals.create',
    'appeals.handle',
    'appeals.assign',
    'appeals.dispatch',
    'assistance.read',
    'assistance.visit',
    'assistance.pair',
    'dashboard.read',
    'assessment.read',
    'units.read',
    'notices.read',
    'notices.manage',
    'democracy.read',
    'warnings.read',
    'warnings.handle',
    'services.read',
    'services.manage',
    'services.proxy',
    'services.supervise',
    'services.follow_up',
  ],
  town_staff: [
    'areas.read',
    'users.read',
    'households.read',
    'households.manage',
    'idnumber.reveal',
    'households.export',
    'appeals.read',
    'appeals.create',
    'appeals.handle',
    'assistance.read',
    'assistance.visit',
    'dashboard.read',
    'units.read',
    'notices.read',
    'notices.manage',
    'democracy.read',
    'warnings.read',
    'services.read',
    'services.proxy',
  ],
  // Village cadres keep the household files and file 低保 applications: they need the full numbers.
  village_cadre: [
    'areas.read',
    'households.read',
    'households.manage',
    'idnumber.reveal',
    'households.export',
    'appeals.read',
    'appeals.create',
    'appeals.handle',
    'assistance.read',
    'assistance.visit',
    'dashboard.read',
    'notices.read',
    'notices.manage',
    'democracy.read',
    'democracy.manage',
    'warnings.read',
    'services.read',
    'services.proxy',
  ],
  // 社情民意: CPPCC members report what they hear and follow it.
  cppcc_member: ['areas.read', 'appeals.read', 'appeals.create'],
  // 审计员: reads everything in scope, changes nothing, sees ID numbers masked.
  auditor: [
    'areas.read',
    'users.read',
    'audit.read',
    'households.read',
    'appeals.read',
    'assistance.read',
    'dashboard.read',
    'assessment.read',
    'units.read',
    'notices.read',
    'democracy.read',
    'warnings.read',
    'services.read',
  ],
  // Departments see what was routed to their unit; dispatch (派单) gives them more to do.
  department_head: [
    'areas.read',
    'appeals.read',
    'units.read',
    'dispatch.work',
    'services.read',
    'services.follow_up',
  ],
  department_staff: [
    'areas.read',
    'appeals.read',
    'units.read',
    'dispatch.work',
    'services.read',
    'services.follow_up',
  ],
  station_head: [
    'areas.read',
    'units.read',
    'services.read',
    'services.proxy',
    'services.supervise',
    'services.follow_up',
  ],
  service_agent: ['areas.read', 'units.read', 'services.read', 'services.proxy'],
  // 政协办公室: the members' reports (社情民意) and, with the CPPCC module, proposals.
  cppcc_office: ['areas.read', 'appeals.read', 'units.read'],
  // The most an integration account may do; each account's scopes narrow it further.
  integration: ['areas.read', 'appeals.read', 'appeals.create'],
};

/** The levels of area each role may be bound to. */
export const roleAreaKinds: Record<Role, readonly AreaKind[]> = {
  district_admin: ['district'],
  district_staff: ['district'],
  town_head: ['town'],
  town_staff: ['town'],
  village_cadre: ['village', 'group'],
  cppcc_member: ['district', 'town', 'village'],
  auditor: ['district'],
  // A unit's staff are bound to the area their unit sits in.
  department_head: ['district'],
  department_staff: ['district'],
  station_head: ['town', 'village'],
  service_agent: ['town', 'village'],
  cppcc_office: ['district'],
  integration: ['district', 'town'],
};

/** Which roles an account manager may grant (and so create or edit accounts of). */
export const grantableRoles: Record<Role, readonly Role[]> = {
  // Integration accounts are made with the integration, never granted to a person.
  district_admin: roles.filter((role) => role !== 'integration'),
  district_staff: [],
  town_head: ['town_staff', 'village_cadre', 'station_head', 'service_agent'],
  town_staff: [],
  village_cadre: [],
  cppcc_member: [],
  auditor: [],
  department_head: [],
  department_staff: [],
  station_head: [],
  service_agent: [],
  cppcc_office: [],
  integration: [],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** Cadre rank (职级), used by the pairing quotas. */
export const ranks = ['leader', 'middle', 'staff'] as const;
export type Rank = (typeof ranks)[number];
