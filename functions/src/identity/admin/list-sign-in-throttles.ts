import type { identityApi } from '../../../../shared/api/identity';
import type { Handler } from '../../http/route';

export const listSignInThrottles: Handler<typeof identityApi.listSignInThrottles> = async () => ({ items: [], nextCursor: null });
