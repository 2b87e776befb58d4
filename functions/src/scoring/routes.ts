import { scoringApi } from '../../../shared/api/scoring';
import { defineRoutes, type Job } from '../http/route';
import { addScoringEvidence } from './add-evidence';
import { addScoringRectification } from './add-rectification';
import { addStudioMember } from './admin/add-studio-member';
import { assignScoringSecretary } from './admin/assign-secretary';
import { createScoringKeyTasks } from './admin/create-key-tasks';
import { createScoringPeriod } from './admin/create-period';
import { exportScoringBranchRecord } from './admin/export-branch-record';
import { exportScoringResults } from './admin/export-results';
import { moveScoringPeriod } from './admin/move-period';
import { moveStudioMember } from './admin/move-studio-member';
import { putScoringSheetCategory } from './admin/put-sheet-category';
import { putScoringSheetRules } from './admin/put-sheet-rules';
import { getScoringRectificationProgress } from './admin/rectification-progress';
import { recordMentoringSession } from './admin/record-mentoring-session';
import { removeScoringSheetCategory } from './admin/remove-sheet-category';
import { setScoringWorkingGroup } from './admin/set-working-group';
import { updateScoringPeriod } from './admin/update-period';
import { updateStudioMember } from './admin/update-studio-member';
import { claimScoringAssignment } from './claim-assignment';
import { createScoringEvidenceUpload } from './create-evidence-upload';
import { finaliseScoringAssessment } from './finalise';
import { getScoringAssessment } from './get-assessment';
import { getScoringBranchHistory } from './get-branch-history';
import { getScoringPeriod } from './get-period';
import { getScoringPeriodBoard } from './get-period-board';
import { getScoringResults } from './get-results';
import { getScoringStarDistribution } from './get-star-distribution';
import { listMentoringSessions } from './list-mentoring-sessions';
import { listMyScoringWork } from './list-mine';
import { listScoringPeriods } from './list-periods';
import { listStudioMembers } from './list-studio-members';
import { recordScoringBranchMeeting } from './record-branch-meeting';
import { recordScoringRectificationProgress } from './record-rectification-progress';
import { removeScoringEvidence } from './remove-evidence';
import { reportScoringKeyTask } from './report-key-task';
import { saveScoringReviewEntry } from './save-review-entry';
import { saveScoringReviewOverall } from './save-review-overall';
import { saveScoringSelfEntry } from './save-self-entry';
import { saveScoringSelfOverall } from './save-self-overall';
import { sendBackScoringSelfAssessment } from './send-back-self-assessment';
import { submitScoringReview } from './submit-review';
import { submitScoringSelfAssessment } from './submit-self-assessment';
import { deliverScoringNotifications } from './jobs/deliver-notifications';

export const scoringRoutes = defineRoutes('scoring', scoringApi, {
  createScoringPeriod,
  updateScoringPeriod,
  putScoringSheetCategory,
  removeScoringSheetCategory,
  putScoringSheetRules,
  assignScoringSecretary,
  setScoringWorkingGroup,
  moveScoringPeriod,
  createScoringKeyTasks,
  getScoringPeriodBoard,
  getScoringRectificationProgress,
  exportScoringResults,
  exportScoringBranchRecord,
  listScoringPeriods,
  getScoringPeriod,
  getScoringResults,
  getScoringStarDistribution,
  getScoringBranchHistory,
  listMyScoringWork,
  claimScoringAssignment,
  createScoringEvidenceUpload,
  getScoringAssessment,
  saveScoringSelfEntry,
  saveScoringSelfOverall,
  submitScoringSelfAssessment,
  sendBackScoringSelfAssessment,
  reportScoringKeyTask,
  addScoringEvidence,
  removeScoringEvidence,
  addScoringRectification,
  recordScoringRectificationProgress,
  recordScoringBranchMeeting,
  saveScoringReviewEntry,
  saveScoringReviewOverall,
  submitScoringReview,
  finaliseScoringAssessment,
  listStudioMembers,
  addStudioMember,
  updateStudioMember,
  moveStudioMember,
  recordMentoringSession,
  listMentoringSessions,
});

/**
 * One job: delivering the messages a send-back queued for the secretary. An announcement's end needs none: it is
 * derived on every read (the period reads as final once its days have passed).
 */
export const scoringJobs: readonly Job[] = [{ name: 'deliver-scoring-notifications', context: 'scoring', everyMinutes: 1, run: deliverScoringNotifications }];
