import { identityApi } from '../../../shared/api/identity';
import { defineRoutes } from '../http/route';
import { listAuditTrail } from './admin/list-audit-trail';
import { listBranches, listStewards } from './admin/list-people';
import { listSignInThrottles } from './admin/list-sign-in-throttles';
import { unlockSignIn } from './admin/unlock-sign-in';
import { listCompounds, updateCompounds } from './compounds';
import { health, me } from './me';
import { openapi } from './openapi';
import { staffLogin } from './staff-login';
import { wechatLogin } from './wechat-login';

export const identityRoutes = defineRoutes('identity', identityApi, {
  health,
  openapi,
  wechatLogin,
  staffLogin,
  me,
  listSignInThrottles,
  unlockSignIn,
  listBranches,
  listStewards,
  listCompounds,
  updateCompounds,
  listAuditTrail,
});
