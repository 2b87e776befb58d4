import { teamsApi } from '../../../shared/api/teams';
import { defineRoutes, type Job } from '../http/route';
import { acceptDanceRules } from './accept-rules';
import { addTeamMember } from './add-member';
import { linkNoiseComplaint, listTeamComplaints } from './admin/complaints';
import { createVenue } from './admin/create-venue';
import { decideTeam } from './admin/decide';
import { exportTeams } from './admin/export';
import { countTeamsByStatus, listTeamQueue } from './admin/list-queue';
import { publishDanceRules } from './admin/publish-rules';
import { updateVenue } from './admin/update-venue';
import { checkTeamSlots } from './check-slots';
import { createTeamDraft } from './create-draft';
import { getTeam } from './get';
import { rotateTeamInvite } from './rotate-invite';
import { joinTeam } from './join';
import { leaveTeam } from './leave';
import { listMyTeams } from './list-mine';
import { recordTeamActivity } from './record-activity';
import { recordStudySession } from './record-study-session';
import { removeTeamMember } from './remove-member';
import { getCurrentDanceRules } from './current-rules';
import { submitTeam } from './submit';
import { updateTeamDraft } from './update-draft';
import { verifyRegistration } from './verify-registration';
import { getVenueTimetable, listVenues } from './venues';

export const teamsRoutes = defineRoutes('teams', teamsApi, {
  listVenues,
  createVenue,
  updateVenue,
  getVenueTimetable,
  getCurrentDanceRules,
  publishDanceRules,
  createTeamDraft,
  listMyTeams,
  checkTeamSlots,
  getTeam,
  updateTeamDraft,
  submitTeam,
  addTeamMember,
  removeTeamMember,
  rotateTeamInvite,
  recordStudySession,
  recordTeamActivity,
  joinTeam,
  acceptDanceRules,
  leaveTeam,
  listTeamQueue,
  countTeamsByStatus,
  decideTeam,
  linkNoiseComplaint,
  listTeamComplaints,
  exportTeams,
  verifyRegistration,
});

/** Nothing on a schedule yet: validity is derived on every read. */
export const teamsJobs: readonly Job[] = [];
