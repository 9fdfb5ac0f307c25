/**
 * GitHub Actions workflow commands (`::error file=a.sql,line=3::text`), with the escaping the
 * runner undoes: `%`, CR and LF in the message; those and also `:` and `,` in property
 * values, which would otherwise end a value early.
 */
export type WorkflowCommandName = 'error' | 'warning' | 'notice';

export function workflowCommand(
  name: WorkflowCommandName,
  properties: ReadonlyArray<readonly [string, string | number]>,
  message: string,
): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
