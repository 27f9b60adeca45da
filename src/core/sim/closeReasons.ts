/**
 * Why a connection closed: the pool core and the policies say it, the recorder counts it (expired
 * idle connections apart, as `expiredIdle`).
 */
export const CLOSE_EXPIRED = 0;
export const CLOSE_SURPLUS = 1;
export const CLOSE_EVICTED = 2;
export const CLOSE_NO_KEEPALIVE = 3;
/** The path closed it under a request (sim/path.ts), or a FIN/RST hop closed it while idle. */
export const CLOSE_PATH = 4;
