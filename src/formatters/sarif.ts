import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Diagnostic, LintResult } from '../engine/diagnostic.js';
import { lineIndexOf } from '../engine/result-line-index.js';
import type { RuleMeta } from '../engine/rule.js';
import { packageVersion } from '../package-info.js';
import { dialectDisplayName } from '../sql/dialect.js';
import type { SourceText } from '../sql/source-text.js';
import type { Formatter, FormatterContext } from './formatter.js';
import { displayPath, isInside } from './display-path.js';
import { projectUrl, ruleDocsUrl } from './rule-docs-url.js';

/** The base every artifact path is relative to; GitHub code scanning resolves it to the checkout. */
export const SOURCE_ROOT_ID = '%SRCROOT%';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`) and SARIF
 * viewers. One run; the driver lists every rule that could have reported, with its
 * description, documentation link and default level; each result points at an artifact
 * relative to the scanned root (`%SRCROOT%`, the working folder) with its exact region, and
 * carries the fix as a SARIF replacement when there is one. Columns count UTF-16 code units,
 * as schema-lint's do, and the run says so. Problems that are not a rule's (an unreadable or
 * binary file) are tool notifications, not results: they say what the run could not do with a
 * file, not that the file breaks a rule; an error among them marks the run unsuccessful.
 */
const sarif: Formatter = (results, context) => JSON.stringify(buildSarifLog(results, context), null, 2) + '\n';

export function buildSarifLog(results: readonly LintResult[], context: FormatterContext): Sarif.Log {
  const rules = ruleDescriptors(results, context.rulesMeta);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const artifacts: Sarif.Artifact[] = [];
  const sarifResults: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];

  for (const result of results) {
    const artifactIndex = artifacts.length;
    const location = artifactLocation(result.filePath, context.cwd, artifactIndex);
    artifacts.push({
      location: { uri: location.uri, ...(location.uriBaseId ? { uriBaseId: location.uriBaseId } : {}) },
      properties: { dialect: result.dialect, dialectSource: result.dialectSource },
    });
    for (const message of result.messages) {
      const physicalLocation: Sarif.PhysicalLocation = { artifactLocation: location, region: region(message) };
      if (message.ruleId === null) {
        notifications.push({ level: sarifLevel(message), message: { text: message.message }, locations: [{ physicalLocation }] });
        continue;
      }
      const sarifResult: Sarif.Result = {
        ruleId: message.ruleId,
        ruleIndex: ruleIndex.get(message.ruleId),
        level: sarifLevel(message),
        message: { text: message.help ? `${message.message}\nhelp: ${message.help}` : message.message },
        locations: [{ physicalLocation }],
      };
      // The line index is needed only for a fix, so it is built (or borrowed) only then.
      const source = message.fix ? lineIndexOf(result) : undefined;
      const fix = message.fix && source ? sarifFix(message, source, location) : undefined;
      if (fix) sarifResult.fixes = [fix];
      sarifResults.push(sarifResult);
    }
  }

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'schema-lint',
        version: packageVersion(),
        semanticVersion: packageVersion(),
        informationUri: projectUrl(),
        rules,
      },
    },
    invocations: [
      {
        executionSuccessful: !notifications.some((notification) => notification.level === 'error'),
        toolExecutionNotifications: notifications,
      },
    ],
    originalUriBaseIds: { [SOURCE_ROOT_ID]: { uri: directoryUri(context.cwd) } },
    artifacts,
    results: sarifResults,
    columnKind: 'utf16CodeUnits',
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

/**
 * Every rule the run had, sorted by id so the output does not depend on load order, plus a
 * bare descriptor for any rule id a result names that the metadata lacks, so every
 * `ruleIndex` points somewhere.
 */
function ruleDescriptors(results: readonly LintResult[], rulesMeta: ReadonlyMap<string, RuleMeta>): Sarif.ReportingDescriptor[] {
  const ids = new Set(rulesMeta.keys());
  for (const result of results) {
    for (const message of result.messages) if (message.ruleId !== null) ids.add(message.ruleId);
  }
  return [...ids].sort().map((id) => {
    const meta = rulesMeta.get(id);
    if (!meta) return { id, helpUri: ruleDocsUrl(id) };
    const dialects = meta.dialects.map(dialectDisplayName).join(' and ');
    const fixable = meta.fixable ? ' Fixable with --fix.' : '';
    return {
      id,
      shortDescription: { text: meta.description },
      fullDescription: { text: `${meta.description} Checked in ${dialects} files.${fixable}` },
      helpUri: ruleDocsUrl(id),
      help: { text: `${meta.description} Documentation: ${ruleDocsUrl(id)}` },
      defaultConfiguration: { level: meta.severity === 'error' ? 'error' : 'warning' },
      properties: { tags: ['sql', ...meta.dialects], fixable: meta.fixable === true },
    };
  });
}

/** Relative to the scanned root when the file is inside it; an absolute `file:` URI otherwise. */
function artifactLocation(filePath: string, cwd: string, index: number): Sarif.ArtifactLocation {
  if (!isInside(filePath, cwd)) return { uri: pathToFileURL(displayPath(filePath, cwd)).href, index };
  const uri = displayPath(filePath, cwd).split('/').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SOURCE_ROOT_ID, index };
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function sarifLevel(message: Diagnostic): 'error' | 'warning' {
  return message.severity === 2 ? 'error' : 'warning';
}

function region(message: Diagnostic): Sarif.Region {
  return {
    startLine: message.line,
    startColumn: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
  };
}

/** The fix as one replacement; its region is given by line and column, like the result's. */
function sarifFix(message: Diagnostic, source: SourceText, location: Sarif.ArtifactLocation): Sarif.Fix | undefined {
  const edit = message.fix;
  if (!edit) return undefined;
  const [start, end] = edit.range;
  if (start < 0 || end < start || end > source.text.length) return undefined;
  const from = source.positionAt(start);
  const to = source.positionAt(end);
  return {
    description: { text: message.help ?? `Apply the fix of ${message.ruleId}.` },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: [
          {
            deletedRegion: { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column },
            insertedContent: { text: edit.text },
          },
        ],
      },
    ],
  };
}

export default sarif;
