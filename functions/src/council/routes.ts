import { councilApi } from '../../../shared/api/council';
import { defineRoutes, type Job } from '../http/route';
import { changeCouncilSeat } from './admin/change-seat';
import { createCouncil } from './admin/create-council';
import { proposeMotionFromFeedback } from './admin/propose-from-feedback';
import { seatCouncilMember } from './admin/seat-member';
import { updateCouncil } from './admin/update-council';
import { castBallot, recordInPersonBallot } from './ballots';
import { claimCouncilSeat } from './claim-seat';
import { closeMotionEarly } from './close-early';
import { commentOnMotion, listMotionComments } from './comments';
import { getCouncil, listCouncils, listMyCouncilSeats } from './councils';
import { closeDueMotions } from './jobs/close-due-motions';
import { deliverCouncilNotifications } from './jobs/deliver-notifications';
import { remindCouncilVoters } from './jobs/remind-voters';
import { getFeedbackMotion, getMotion, listCouncilDecisions, listCouncilMotions } from './motions';
import { proposeMotion } from './propose';
import { scheduleMotion } from './schedule';
import { withdrawMotion } from './withdraw';

export const councilRoutes = defineRoutes('council', councilApi, {
  createCouncil,
  updateCouncil,
  seatCouncilMember,
  changeCouncilSeat,
  proposeMotionFromFeedback,
  listCouncils,
  getCouncil,
  listCouncilDecisions,
  getMotion,
  getFeedbackMotion,
  listMyCouncilSeats,
  claimCouncilSeat,
  proposeMotion,
  listCouncilMotions,
  scheduleMotion,
  withdrawMotion,
  commentOnMotion,
  listMotionComments,
  castBallot,
  recordInPersonBallot,
  closeMotionEarly,
});

/**
 * Deadlines that must pass without a reader: voting closes (the outcome is counted and stored; a read after close
 * does the same if it comes first), and members who have not voted are reminded a day and an hour before.
 */
export const councilJobs: readonly Job[] = [
  { name: 'close-due-motions', context: 'council', everyMinutes: 1, run: closeDueMotions },
  { name: 'remind-council-voters', context: 'council', everyMinutes: 5, run: remindCouncilVoters },
  { name: 'deliver-council-notifications', context: 'council', everyMinutes: 1, run: deliverCouncilNotifications },
];
