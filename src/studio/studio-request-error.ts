/** A request the studio refuses, with the HTTP status and the message the page shows. */
export class StudioRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'StudioRequestError'
  }
}
