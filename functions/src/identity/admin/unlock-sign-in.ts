import type { identityApi } from '../../../../shared/api/identity';
import type { Handler } from '../../http/route';

export const unlockSignIn: Handler<typeof identityApi.unlockSignIn> = async () => ({ cleared: 0 });
