import { stewardsApi } from '../../../shared/api/stewards';
import { defineRoutes, type Job } from '../http/route';
import { exportStewardCoverage, getStewardCoverage } from './admin/coverage';
import { createHousehold, listHouseholds, updateHousehold } from './admin/households';
import { getStewardSettings, updateStewardSettings } from './admin/settings';
import { createSurvey, exportSurveyResults, getSurveyResults, listAdminSurveys, moveSurvey, updateSurvey } from './admin/surveys';
import { createVisitPhotoUpload } from './create-visit-photo-upload';
import { getHousehold, listMyHouseholds } from './households';
import { linkVisitFeedback } from './link-visit-feedback';
import { recordHelp } from './record-help';
import { recordVisit } from './record-visit';
import { getMyStewardSummary } from './summary';
import { answerSurvey, getSurveyForAnswer, listSurveys } from './surveys';

export const stewardsRoutes = defineRoutes('stewards', stewardsApi, {
  listMyHouseholds,
  getMyStewardSummary,
  getHousehold,
  recordVisit,
  createVisitPhotoUpload,
  recordHelp,
  linkVisitFeedback,
  listHouseholds,
  createHousehold,
  updateHousehold,
  getStewardCoverage,
  exportStewardCoverage,
  getStewardSettings,
  updateStewardSettings,
  listSurveys,
  getSurvey: getSurveyForAnswer,
  answerSurvey,
  listAdminSurveys,
  createSurvey,
  updateSurvey,
  moveSurvey,
  getSurveyResults,
  exportSurveyResults,
});

/** Nothing on a schedule: "overdue" is derived from the date on every read. */
export const stewardsJobs: readonly Job[] = [];
