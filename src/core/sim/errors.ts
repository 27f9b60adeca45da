/** A run that cannot complete as asked (e.g. beyond the event cap); the message is meant for users. */
export class SimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimError';
  }
}

/** The caller asked the run to stop (inputs changed mid-run); not an error to show. */
export class SimAbortedError extends Error {
  constructor() {
    super('simulation cancelled');
    this.name = 'SimAbortedError';
  }
}
