import { describe, expect, it } from 'vitest';
import rule from '../../../rules/tsql/no-sqlite-transaction-syntax.js';
import { suggestionOutputs } from '../../support/rule-tester.js';

const suggested = (code: string): string[] => suggestionOutputs(rule, code);

describe('tsql/no-sqlite-transaction-syntax suggestions', () => {
  it("turns SQLite's BEGIN; ... END; into a transaction, both ends", () => {
    expect(suggested('BEGIN;\nINSERT INTO t (a) VALUES (1);\nEND;')).toEqual([
      'BEGIN TRANSACTION;\nINSERT INTO t (a) VALUES (1);\nCOMMIT TRANSACTION;',
    ]);
  });

  it('keeps an inner block END and turns the one that closes BEGIN;', () => {
    expect(suggested('BEGIN;\nIF @a = 1\nBEGIN\n  SELECT 1;\nEND\nEND;')).toEqual([
      'BEGIN TRANSACTION;\nIF @a = 1\nBEGIN\n  SELECT 1;\nEND\nCOMMIT TRANSACTION;',
    ]);
  });

  it('turns only BEGIN when the batch ends before any END', () => {
    expect(suggested('BEGIN;\nUPDATE t SET a = 1;\nGO')).toEqual(['BEGIN TRANSACTION;\nUPDATE t SET a = 1;\nGO']);
  });

  it('turns BEGIN IMMEDIATE into BEGIN TRANSACTION', () => {
    expect(suggested('BEGIN IMMEDIATE TRANSACTION;\nCOMMIT;')).toEqual(['BEGIN TRANSACTION;\nCOMMIT;']);
  });
});
