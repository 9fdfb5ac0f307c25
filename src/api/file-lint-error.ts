/**
 * An unexpected error while one file was linted (a defect in a rule, say), and the file it
 * happened in. Whoever reports it can then say which file to look at, as ESLint's "Occurred
 * while linting" does; the error itself is kept as the cause, for its kind and stack.
 */
export class FileLintError extends Error {
  readonly filePath: string;
  /** The cause's own message, without the file. */
  readonly detail: string;

  constructor(filePath: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`${detail} (while linting ${filePath})`, { cause });
    this.name = 'FileLintError';
    this.filePath = filePath;
    this.detail = detail;
  }
}
