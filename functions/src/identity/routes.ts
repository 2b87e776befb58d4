import { identityApi } from '../../../shared/api/identity';
import { defineRoutes } from '../http/route';
import { health, me } from './me';
import { staffLogin } from './staff-login';
import { wechatLogin } from './wechat-login';

export const identityRoutes = defineRoutes('identity', identityApi, { health, wechatLogin, staffLogin, me });
