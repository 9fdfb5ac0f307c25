import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, readInput, readInputs, splitPaths } from '../../src/action/inputs.js';

describe('Action inputs', () => {
  const workspace = path.resolve('/home/runner/work/app/app');

  it('reads INPUT_ variables with - or _ in the name, trimmed', () => {
    expect(readInput({ 'INPUT_SARIF-FILE': ' a.sarif ' }, 'sarif-file')).toBe('a.sarif');
    expect(readInput({ INPUT_SARIF_FILE: 'b.sarif' }, 'sarif-file')).toBe('b.sarif');
    expect(readInput({}, 'sarif-file')).toBe('');
  });

  it('splits paths by line, or by spaces on a single line', () => {
    expect(splitPaths('db migrations/*.sql')).toEqual(['db', 'migrations/*.sql']);
    expect(splitPaths('db/my schema.sql\n  other.sql  \n\n')).toEqual(['db/my schema.sql', 'other.sql']);
    expect(splitPaths('')).toEqual([]);
  });

  it('defaults to the whole workspace, annotations only, failing on errors', () => {
    expect(readInputs({ GITHUB_WORKSPACE: workspace }, '/elsewhere')).toEqual({
      paths: ['.'],
      config: undefined,
      format: 'github',
      sarifFile: undefined,
      failOn: 'error',
      workspace,
      workingDirectory: workspace,
    });
  });

  it('resolves the working directory and the SARIF file against the workspace', () => {
    const inputs = readInputs(
      {
        GITHUB_WORKSPACE: workspace,
        'INPUT_WORKING-DIRECTORY': 'database',
        'INPUT_SARIF-FILE': 'reports/schema-lint.sarif',
        INPUT_CONFIG: 'lint.json',
        INPUT_FORMAT: 'stylish',
        'INPUT_FAIL-ON': 'Warning',
        INPUT_PATHS: 'src\nupdates',
      },
      '/elsewhere',
    );
    expect(inputs).toMatchObject({
      paths: ['src', 'updates'],
      config: 'lint.json',
      format: 'stylish',
      failOn: 'warning',
      workingDirectory: path.join(workspace, 'database'),
      sarifFile: path.join(workspace, 'reports', 'schema-lint.sarif'),
    });
  });

  it('rejects an unknown fail-on value in one clear sentence', () => {
    expect(() => readInputs({ 'INPUT_FAIL-ON': 'sometimes' }, workspace)).toThrow(
      new InputError('Input fail-on must be one of error, warning, never, not "sometimes".'),
    );
  });
});
