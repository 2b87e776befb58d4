import { appAddress } from '../../components/teams/teamText';

/** Where the browser app is published: the build's setting, or in the browser build this page's own address. */
const base = (): string =>
  PUBLIC_APP_URL || (process.env.TARO_ENV === 'h5' && typeof location !== 'undefined' ? `${location.origin}${location.pathname}` : '');

/** The public check of a registration, which the ID card's QR code opens. */
export const verifyAddress = (number: string, community: string): string =>
  appAddress(base(), '/packages/teams/verify/index', { number, community });

/** Joining with an invite code: what the leader's QR code opens (the code filled in). */
export const joinAddress = (code: string): string => appAddress(base(), '/packages/teams/join/index', { code });
