/** The time, injected so tests (and `npm run sweep -- --now`) can set it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
